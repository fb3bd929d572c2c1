"""Version 2 of the national standard survey template: Dutch in "u" (pendel/surveys/
standard_v2.py, frozen like version 1). Published, so waves dispatched from now on take it;
waves that froze version 1 keep it. The code that writes it is copied here, as migrations do
not import app code."""

from django.db import migrations
from django.utils import timezone

from pendel.surveys import standard_v2


def create_version_2(apps, schema_editor):
    TemplateVersion = apps.get_model("surveys", "TemplateVersion")
    Question = apps.get_model("surveys", "Question")
    if TemplateVersion.objects.filter(number=standard_v2.NUMBER).exists():
        return
    version = TemplateVersion.objects.create(
        number=standard_v2.NUMBER,
        status="published",
        title=standard_v2.TITLE,
        intro=standard_v2.INTRO,
        steps=standard_v2.STEPS,
        change_note=standard_v2.CHANGE_NOTE,
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
        for position, spec in enumerate(standard_v2.QUESTIONS, start=1)
    )


def remove_version_2(apps, schema_editor):
    TemplateVersion = apps.get_model("surveys", "TemplateVersion")
    Wave = apps.get_model("surveys", "Wave")
    if not Wave.objects.filter(template_version__number=standard_v2.NUMBER).exists():
        TemplateVersion.objects.filter(number=standard_v2.NUMBER).delete()


class Migration(migrations.Migration):
    dependencies = [("surveys", "0004_invitation_links_hashed_tokens")]

    operations = [migrations.RunPython(create_version_2, remove_version_2)]
