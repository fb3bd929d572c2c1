"""The survey's tables, re-exported: `from pendel.surveys.models import Wave`."""

from pendel.surveys.models.responses import WEEKDAYS, Response, ResponseChoice
from pendel.surveys.models.settings import MIN_GROUP_SIZE_FLOOR, SurveySettings
from pendel.surveys.models.templates import Question, TemplateVersion
from pendel.surveys.models.waves import (
    REMINDER_SLOTS,
    Invitation,
    InvitationLink,
    Wave,
)

__all__ = [
    "MIN_GROUP_SIZE_FLOOR",
    "REMINDER_SLOTS",
    "WEEKDAYS",
    "Invitation",
    "InvitationLink",
    "Question",
    "Response",
    "ResponseChoice",
    "SurveySettings",
    "TemplateVersion",
    "Wave",
]
