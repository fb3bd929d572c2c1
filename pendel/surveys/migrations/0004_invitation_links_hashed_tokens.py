"""Survey tokens at rest become hashes: every invitation's clear token becomes an
InvitationLink holding its SHA-256 (so the links already mailed keep working), then the clear
column goes. Going back gives each invitation a new clear token; links mailed after this
migration then stop working."""

import hashlib
import secrets

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000


def hash_clear_tokens(apps, schema_editor):
    Invitation = apps.get_model("surveys", "Invitation")
    InvitationLink = apps.get_model("surveys", "InvitationLink")
    rows = (
        Invitation.objects.exclude(token=None)
        .order_by("id")
        .values_list("id", "token")
    )
    links = []
    for invitation_id, token in rows.iterator(chunk_size=BATCH):
        links.append(
            InvitationLink(
                invitation_id=invitation_id, token_hash=hashlib.sha256(token.encode()).hexdigest()
            )
        )
        if len(links) == BATCH:
            InvitationLink.objects.bulk_create(links)
            links = []
    InvitationLink.objects.bulk_create(links)
    Invitation.objects.update(token=None)


def new_clear_tokens(apps, schema_editor):
    Invitation = apps.get_model("surveys", "Invitation")
    for invitation in Invitation.objects.filter(token=None).only("id").iterator(chunk_size=BATCH):
        Invitation.objects.filter(pk=invitation.pk).update(token=secrets.token_urlsafe(24))


class Migration(migrations.Migration):
    dependencies = [("surveys", "0003_invitation_closed_on")]

    operations = [
        migrations.CreateModel(
            name="InvitationLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "token_hash",
                    models.CharField(max_length=64, unique=True, verbose_name="token (SHA-256)"),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                (
                    "used_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="first opened"),
                ),
                (
                    "invitation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="links",
                        to="surveys.invitation",
                        verbose_name="invitation",
                    ),
                ),
            ],
            options={
                "verbose_name": "survey link",
                "verbose_name_plural": "survey links",
                "ordering": ["id"],
            },
        ),
        migrations.AlterField(
            model_name="invitation",
            name="token",
            field=models.CharField(max_length=64, null=True, unique=True, verbose_name="token"),
        ),
        migrations.RunPython(hash_clear_tokens, new_clear_tokens),
        migrations.RemoveField(model_name="invitation", name="token"),
    ]
