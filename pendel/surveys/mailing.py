"""Queuing the survey's mail: one task per batch of pending invitations, spread over time
at SURVEY_MAIL_PER_MINUTE, and the reminders of a day. The sending itself is in
`sending.py`, which the mail task calls."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from pendel.core.dates import region_today
from pendel.core.tasks import enqueue_at
from pendel.surveys.models import Wave
from pendel.surveys.sending import id_batches, mail_batch_size, mail_per_minute, pending
from pendel.surveys.tasks import survey_send_mail


def mail_enqueue(*, wave: Wave, reminder: int = 0, start: datetime | None = None) -> int:
    """Queue one task per batch of pending invitations; the number of batches."""
    today = region_today(wave.location.region)
    ids = list(pending(wave.pk, reminder, today).order_by("id").values_list("id", flat=True))
    size = mail_batch_size()
    spacing = timedelta(minutes=size / mail_per_minute())
    start = max(start or timezone.now(), timezone.now())
    batches = id_batches(ids, size)
    with transaction.atomic():
        for number, (first_id, last_id) in enumerate(batches):
            enqueue_at(
                survey_send_mail,
                start + number * spacing,
                wave_id=wave.pk,
                first_id=first_id,
                last_id=last_id,
                reminder=reminder,
            )
    return len(batches)


def reminders_enqueue_due(*, wave_id: int, reminder: int) -> int:
    """On a reminder's day: queue reminder n for everyone who has not answered."""
    wave = Wave.objects.select_related("location__region").filter(pk=wave_id).first()
    if wave is None:
        return 0
    today = region_today(wave.location.region)
    day = wave.reminder_dates().get(reminder)
    if not day or day > today or not wave.accepts_answers_on(today):
        return 0
    return mail_enqueue(wave=wave, reminder=reminder)
