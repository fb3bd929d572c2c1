"""The catch-up run (`manage.py surveys_run_due`, or the task of the same name).

Close every wave whose close date has passed. Where the task backend cannot run tasks
later (the immediate backend, RQ without a scheduler), also queue the invitations and
reminders that are due, since their scheduled tasks could not be queued ahead. Where it
can, those tasks are queued already, and queuing them again would break the mail rate."""

import logging

from django.core.exceptions import ValidationError

from pendel.core.dates import region_today
from pendel.core.tasks import supports_defer
from pendel.surveys.closing import wave_close
from pendel.surveys.mailing import mail_enqueue
from pendel.surveys.models import Wave
from pendel.surveys.sending import pending
from pendel.surveys.tasks import survey_send_mail

logger = logging.getLogger(__name__)


def run_due() -> dict:
    counts = {"closed": 0, "batches": 0}
    catch_up_mail = not supports_defer(survey_send_mail)
    waves = Wave.objects.filter(dispatched_at__isnull=False, closed_at__isnull=True)
    for wave in waves.select_related("location__region", "location__organisation"):
        today = region_today(wave.location.region)
        if today > wave.closes_on:
            counts["closed"] += _close(wave)
        elif catch_up_mail and wave.accepts_answers_on(today):
            counts["batches"] += _mail_due(wave, today)
    return counts


def _close(wave: Wave) -> int:
    try:
        wave_close(wave=wave, actor=None)
    except ValidationError as error:
        logger.warning("Survey %s not closed: %s", wave.pk, error.messages)
        return 0
    return 1


def _mail_due(wave: Wave, today) -> int:
    batches = 0
    if pending(wave.pk, 0, today).exists():
        batches += mail_enqueue(wave=wave)
    for number, day in wave.reminder_dates().items():
        if day <= today and pending(wave.pk, number, today).exists():
            batches += mail_enqueue(wave=wave, reminder=number)
    return batches
