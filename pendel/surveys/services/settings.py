from django.db import transaction

from pendel.core.audit import audit_record
from pendel.surveys.audit import SurveysAction
from pendel.surveys.models import SurveySettings

SETTINGS_FIELDS = [
    "baseline_threshold",
    "follow_up_threshold",
    "min_group_size",
    "count_non_respondents_as_drive_alone",
]


@transaction.atomic
def survey_settings_update(*, settings: SurveySettings, actor, data: dict) -> SurveySettings:
    settings = SurveySettings.objects.select_for_update().get(pk=settings.pk)
    changes = {
        name: [getattr(settings, name), data[name]]
        for name in SETTINGS_FIELDS
        if name in data and getattr(settings, name) != data[name]
    }
    if not changes:
        return settings
    for name in changes:
        setattr(settings, name, data[name])
    settings.updated_by = actor
    settings.full_clean()
    settings.save(update_fields=[*changes, "updated_by", "updated_at"])
    audit_record(
        actor=actor,
        action=SurveysAction.SETTINGS_UPDATED,
        target=settings,
        region_id=settings.region_id,
        changes=changes,
    )
    return settings
