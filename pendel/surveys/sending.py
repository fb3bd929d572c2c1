"""Sending the survey's mail through the task queue, at a steady rate.

Invitations are mailed in batches of at most SURVEY_MAIL_BATCH_SIZE (one task per batch),
batch i running i × (batch size ÷ SURVEY_MAIL_PER_MINUTE) minutes after the first, so a
20,000-person dispatch is 40 task rows, queued in well under a second. Each mail is claimed
with a conditional UPDATE that commits with the sending, so no one gets the same mail twice
and no one who has answered gets a reminder, however often a batch runs, and a worker
killed mid-batch loses no mail (over SMTP, a kill between the server's acceptance and the
commit would send that one mail again: at least once, never lost). An invitation closed for its
employee (ended or erased, from that day in the region) gets no mail. The tasks carry ids
only: each mail's link is issued as it is sent, and the database keeps only its hash."""

import logging
import smtplib
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from pendel.core.dates import region_start_of, region_today
from pendel.core.leases import lease_renew
from pendel.surveys.emails import survey_message
from pendel.surveys.links import invitation_link_issue
from pendel.surveys.models import Invitation, Wave
from pendel.surveys.models.waves import invitations_open_on

logger = logging.getLogger(__name__)

# Mail that is not sent at once goes out at these hours of the region's day.
INVITATION_HOUR = 8
REMINDER_HOUR = 9


def mail_per_minute() -> int:
    return max(1, int(getattr(settings, "SURVEY_MAIL_PER_MINUTE", 600)))


def mail_batch_size() -> int:
    return max(1, min(int(getattr(settings, "SURVEY_MAIL_BATCH_SIZE", 500)), mail_per_minute()))


def pending(wave_id: int, reminder: int, today: date | None = None) -> QuerySet[Invitation]:
    """Invitations that still need this mail (and, given the region's day, still open)."""
    invitations = Invitation.objects.filter(wave_id=wave_id, undelivered_at__isnull=True).exclude(
        email=""
    )
    if today is not None:
        invitations = invitations.filter(invitations_open_on(today))
    if not reminder:
        return invitations.filter(sent_at__isnull=True)
    return invitations.filter(
        sent_at__isnull=False, answered_at__isnull=True, **{f"reminder_{reminder}_sent_at": None}
    )


def id_batches(ids: list[int], size: int) -> list[tuple[int, int]]:
    return [(ids[i], ids[min(i + size, len(ids)) - 1]) for i in range(0, len(ids), size)]


def first_mail_at(wave: Wave) -> datetime:
    """Now, or the morning of the opening day when that is later."""
    region = wave.location.region
    opening = region_start_of(region, wave.opens_on) + timedelta(hours=INVITATION_HOUR)
    return max(timezone.now(), opening)


def reminder_at(wave: Wave, reminder: int) -> datetime:
    day = getattr(wave, f"reminder_{reminder}_on")
    return region_start_of(wave.location.region, day) + timedelta(hours=REMINDER_HOUR)


def _claim(invitation_id: int, reminder: int, today: date) -> bool:
    field = f"reminder_{reminder}_sent_at" if reminder else "sent_at"
    claimed = Invitation.objects.filter(
        invitations_open_on(today), pk=invitation_id, undelivered_at__isnull=True, **{field: None}
    )
    if reminder:
        claimed = claimed.filter(answered_at__isnull=True, sent_at__isnull=False)
    return claimed.update(**{field: timezone.now()}) == 1


def _release(invitation_id: int, reminder: int) -> None:
    field = f"reminder_{reminder}_sent_at" if reminder else "sent_at"
    Invitation.objects.filter(pk=invitation_id).update(**{field: None})


def mail_send_batch(*, wave_id: int, first_id: int, last_id: int, reminder: int = 0) -> int:
    """Send one batch; the number of mails sent. Safe to run twice."""
    wave = (
        Wave.objects.select_related("location__region", "location__organisation")
        .filter(pk=wave_id)
        .first()
    )
    if wave is None:
        return 0
    today = region_today(wave.location.region)
    if wave.closed_at or today > wave.closes_on:
        return 0
    batch = (
        pending(wave_id, reminder, today).filter(id__gte=first_id, id__lte=last_id).order_by("id")
    )
    sent = 0
    with get_connection() as connection:
        for invitation in batch:
            lease_renew()  # a worker that died mid-batch: the sweep queues the batch again
            # The claim commits only once the mail is handed over: a worker killed in
            # between leaves the invitation unclaimed, and the batch run again sends it.
            with transaction.atomic():
                if not _claim(invitation.pk, reminder, today):
                    continue  # sent by another run, answered, bounced or closed meanwhile
                sent += _send_one(invitation, wave, reminder, connection)
    logger.info("Survey %s: %s mails sent (reminder %s)", wave_id, sent, reminder)
    return sent


def _send_one(invitation: Invitation, wave: Wave, reminder: int, connection) -> int:
    message = survey_message(
        invitation=invitation,
        wave=wave,
        reminder=reminder,
        token=invitation_link_issue(invitation.pk),
        connection=connection,
    )
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused as error:
        reason = "; ".join(f"{code} {text!r}" for code, text in error.recipients.values())
        invitation_mark_bounced(invitation_id=invitation.pk, reason=reason)
        logger.warning("Invitation %s: address refused", invitation.pk)
        return 0
    except Exception:
        # Not this address's fault (e.g. the server is down): give the claim back, so the
        # retried batch sends it.
        _release(invitation.pk, reminder)
        raise
    return 1


def invitation_mark_bounced(*, invitation_id: int, reason: str) -> bool:
    """Idempotent: the first bounce counts; an invitation already answered stays delivered."""
    return (
        Invitation.objects.filter(
            pk=invitation_id, undelivered_at__isnull=True, answered_at__isnull=True
        ).update(undelivered_at=timezone.now(), undelivered_reason=reason[:200])
        == 1
    )
