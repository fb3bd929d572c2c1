"""Background work for sign-ups. Every task takes ids, re-reads the rows and is safe to run
twice: each mail is claimed on its sign-up before it is sent. The daily task that queues
the reminders is in `signups_due_tasks.py`, above `signups.py`."""

from django.utils import timezone
from django.utils.translation import gettext

from pendel.activities.models import Event, SignUp
from pendel.activities.signups_emails import (
    event_cancelled_send,
    signup_confirmation_send,
    signup_promoted_send,
    signup_reminder_send,
)
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying


@retrying
def signup_confirmation_mail(*, signup_id: int, again: bool = False) -> bool:
    return signup_confirmation_send(signup_id=signup_id, again=again)


@retrying
def signup_promoted_mail(*, signup_id: int) -> bool:
    return signup_promoted_send(signup_id=signup_id)


@retrying
def event_cancelled_mail(*, event_id: int) -> int:
    return event_cancelled_send(event_id=event_id)


@retrying
def event_reminders_send(*, event_id: int) -> int:
    """The day before: a reminder to everyone with a place who agreed to be contacted."""
    signups = SignUp.objects.filter(
        event_id=event_id,
        event__status=Event.Status.SCHEDULED,
        status=SignUp.Status.CONFIRMED,
        consent_contact=True,
        reminder_sent_at__isnull=True,
    ).select_related("event__activity_type", "event__region")
    sent = sum(signup_reminder_send(signup=signup) for signup in signups)
    Event.objects.filter(pk=event_id, reminders_sent_at__isnull=True).update(
        reminders_sent_at=timezone.now()
    )
    return sent


describe_task(
    signup_confirmation_mail,
    lambda kwargs: [gettext("Sending a sign-up confirmation")] * len(kwargs),
)
describe_task(
    signup_promoted_mail,
    lambda kwargs: [gettext("Telling someone on the waiting list they have a place")] * len(kwargs),
)
describe_task(
    event_cancelled_mail,
    lambda kwargs: [gettext("Telling those signed up that an activity is cancelled")] * len(kwargs),
)
describe_task(
    event_reminders_send,
    lambda kwargs: [gettext("Sending the reminders of an activity")] * len(kwargs),
)
describe_task(
    "pendel.activities.signups_due_tasks.activities_reminders_due",
    lambda kwargs: [gettext("Queueing the reminders of tomorrow's activities")] * len(kwargs),
)
