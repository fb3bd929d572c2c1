"""What the audit trail records about events (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import register_actions


class EventsAction(models.TextChoices):
    SCHEDULED = "event.scheduled", _("Activity scheduled.")
    CANCELLED = "event.cancelled", _("Activity cancelled.")
    ATTENDANCE = "event.attendance", _("Attendance recorded.")
    HELD = "event.held", _("Activity marked as held.")
    PHOTO_ADDED = "event.photo_added", _("Photo added.")
    PHOTO_CONSENT = "event.photo_consent", _("Photo consent changed.")


register_actions(
    EventsAction,
    sentences={
        EventsAction.SCHEDULED: lambda changes: (
            gettext("Activity “%(activity)s” scheduled for %(date)s.")
            % {"activity": changes.get("activity", ""), "date": changes.get("date", "")}
        ),
        EventsAction.CANCELLED: lambda changes: (
            gettext("Activity “%(activity)s” cancelled: %(reason)s")
            % {"activity": changes.get("activity", ""), "reason": changes.get("reason", "")}
        ),
        EventsAction.HELD: lambda changes: (
            gettext("Activity “%(activity)s” marked as held.")
            % {"activity": changes.get("activity", "")}
        ),
        EventsAction.PHOTO_CONSENT: lambda changes: (
            (
                gettext("Photos of “%(activity)s” allowed by the company.")
                if changes.get("consent")
                else gettext("Photos of “%(activity)s” no longer allowed; its photos were deleted.")
            )
            % {"activity": changes.get("activity", "")}
        ),
    },
)
