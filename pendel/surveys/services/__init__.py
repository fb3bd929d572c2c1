"""Writes for surveys: templates and questions, waves, mail, answers, settings."""

from pendel.surveys.closing import wave_close
from pendel.surveys.services.answering import (
    AlreadyAnswered,
    InvitationClosed,
    SurveyClosed,
    invitation_set_language,
    response_save_step,
    response_submit,
)
from pendel.surveys.services.settings import survey_settings_update
from pendel.surveys.services.templates import (
    current_template_version,
    question_update_texts,
    region_question_retire,
    region_question_save,
    template_seed_standard,
    template_version_draft,
    template_version_publish,
    template_version_update,
)
from pendel.surveys.services.waves import (
    invitations_close,
    invitations_forget_employee,
    invitations_mark_undelivered,
    wave_create,
    wave_delete,
    wave_dispatch,
    wave_extend,
    wave_remind_now,
    wave_schedule,
    waves_create_for_locations,
)

__all__ = [
    "AlreadyAnswered",
    "InvitationClosed",
    "SurveyClosed",
    "current_template_version",
    "invitation_set_language",
    "invitations_close",
    "invitations_forget_employee",
    "invitations_mark_undelivered",
    "question_update_texts",
    "region_question_retire",
    "region_question_save",
    "response_save_step",
    "response_submit",
    "survey_settings_update",
    "template_seed_standard",
    "template_version_draft",
    "template_version_publish",
    "template_version_update",
    "wave_close",
    "wave_create",
    "wave_delete",
    "wave_dispatch",
    "wave_extend",
    "wave_remind_now",
    "wave_schedule",
    "waves_create_for_locations",
]
