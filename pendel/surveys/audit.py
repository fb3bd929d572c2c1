"""What the audit trail records about surveys (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import date_text, register_actions


class SurveysAction(models.TextChoices):
    SETTINGS_UPDATED = "survey_settings.update", _("Survey settings changed.")
    TEMPLATE_DRAFTED = "survey_template.draft", _("New draft of the questionnaire.")
    QUESTION_TEXTS_CHANGED = "survey_template.question_texts", _("Question texts changed.")
    TEMPLATE_PUBLISHED = "survey_template.publish", _("Questionnaire published.")
    QUESTION_SAVED = "survey_question.save", _("Regional question saved.")
    QUESTION_RETIRED = "survey_question.retire", _("Regional question retired.")
    WAVE_CREATED = "survey_wave.create", _("Survey planned.")
    WAVE_DELETED = "survey_wave.delete", _("Planned survey deleted.")
    WAVE_DISPATCHED = "survey_wave.dispatch", _("Survey sent.")
    WAVE_CLOSED = "survey_wave.close", _("Survey closed.")
    WAVE_EXTENDED = "survey_wave.extend", _("Survey extended.")
    WAVE_UNDELIVERED = "survey_wave.undelivered", _("Undelivered invitations recorded.")
    WAVE_REMINDED = "survey_wave.remind", _("Reminder sent now.")


def _dispatched(changes: dict) -> str:
    count = changes["invitations"]
    return ngettext(
        "Survey sent to %(count)s employee.", "Survey sent to %(count)s employees.", count
    ) % {"count": count}


def _undelivered(changes: dict) -> str:
    count = changes["count"]
    return ngettext(
        "%(count)s invitation could not be delivered.",
        "%(count)s invitations could not be delivered.",
        count,
    ) % {"count": count}


register_actions(
    SurveysAction,
    sentences={
        SurveysAction.TEMPLATE_PUBLISHED: lambda changes: (
            gettext("Questionnaire version %(number)s published.") % {"number": changes["number"]}
        ),
        SurveysAction.WAVE_CREATED: lambda changes: (
            gettext("Survey planned to open on %(date)s.")
            % {"date": date_text(changes["opens_on"])}
        ),
        SurveysAction.WAVE_DISPATCHED: _dispatched,
        SurveysAction.WAVE_UNDELIVERED: _undelivered,
    },
)
