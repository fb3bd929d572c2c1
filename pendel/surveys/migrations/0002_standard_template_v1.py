"""Version 1 of the national standard survey template, in four languages.

The texts live in pendel/surveys/standard_v1.py, a data-only module that is frozen for
this migration's sake (a later version is made in Pendel, not by editing it). The code
that writes them is copied here, as migrations do not import app code."""

from django.db import migrations
from django.utils import timezone

from pendel.surveys import standard_v1


def create_version_1(apps, schema_editor):
    TemplateVersion = apps.get_model("surveys", "TemplateVersion")
    Question = apps.get_model("surveys", "Question")
    if TemplateVersion.objects.filter(number=standard_v1.NUMBER).exists():
        return
    version = TemplateVersion.objects.create(
        number=standard_v1.NUMBER,
        status="published",
        title=standard_v1.TITLE,
        intro=standard_v1.INTRO,
        steps=standard_v1.STEPS,
        published_at=timezone.now(),
    )
    Question.objects.bulk_create(
        Question(
            version=version,
            position=position,
            code=spec["code"],
            kind=spec["kind"],
            step=spec["step"],
            text=spec["text"],
            required=spec.get("required", True),
            compact=spec.get("compact", False),
            help=spec.get("help", {}),
            options=spec.get("options", []),
            decimals=spec.get("decimals", 0),
            min_value=spec.get("min_value"),
            max_value=spec.get("max_value"),
            max_choices=spec.get("max_choices"),
        )
        for position, spec in enumerate(standard_v1.QUESTIONS, start=1)
    )


def remove_version_1(apps, schema_editor):
    TemplateVersion = apps.get_model("surveys", "TemplateVersion")
    Wave = apps.get_model("surveys", "Wave")
    if not Wave.objects.filter(template_version__number=standard_v1.NUMBER).exists():
        TemplateVersion.objects.filter(number=standard_v1.NUMBER).delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0001_waves_invitations_responses")]

    operations = [migrations.RunPython(create_version_1, remove_version_1)]
