"""The mail of sign-ups, in the language the person signed up in: the confirmation (a place
or the waiting list), "you have a place now", the reminder the day before, and the event
cancelled. Each mail with a cancel link makes a fresh token and keeps only its hash (the
newest link works); nothing here queues a task."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation

from pendel.activities.models import Event, SignUp
from pendel.activities.signups_counts import waiting_position
from pendel.core.mail import mail_message, mail_theme
from pendel.core.tokens import new_token, token_hash


def event_when(event: Event) -> dict:
    """Date and times on the region's clock, formatted in the active language."""
    zone = ZoneInfo(event.region.time_zone)
    starts = timezone.localtime(event.starts_at, zone)
    ends = timezone.localtime(event.ends_at, zone)
    return {
        "date": formats.date_format(starts, "DATE_FORMAT"),
        "weekday": formats.date_format(starts, "l"),
        "starts": formats.time_format(starts, "TIME_FORMAT"),
        "ends": formats.time_format(ends, "TIME_FORMAT"),
    }


def _cancel_link(signup: SignUp) -> str:
    token = new_token()
    SignUp.objects.filter(pk=signup.pk).update(cancel_token_hash=token_hash(token))
    return settings.SITE_URL + reverse("portal:signup_cancel", args=[token])


def _send(signup: SignUp, template: str, *, link: bool, extra: dict | None = None) -> None:
    event = signup.event
    language = signup.language or event.region.default_language
    with translation.override(language):
        context = {
            "name": signup.name,
            "activity": event.activity_type.get_name_display(),
            "place": event.place,
            "programme": event.region.programme_name,
            "cancel_link": _cancel_link(signup) if link else "",
            "reason": event.cancelled_reason,
            **event_when(event),
            **(extra or {}),
        }
        subject = render_to_string(f"activities/emails/{template}_subject.txt", context).strip()
        body = render_to_string(f"activities/emails/{template}_body.txt", context)
    mail_message(
        to=[signup.email],
        subject=subject,
        body=body,
        language=language,
        theme=mail_theme(event.region),
    ).send()


def _signup(signup_id: int) -> SignUp | None:
    return (
        SignUp.objects.select_related("event__activity_type", "event__region")
        .filter(pk=signup_id)
        .first()
    )


def signup_confirmation_send(*, signup_id: int, again: bool = False) -> bool:
    """ "You have a place" or "you are number N on the waiting list": once, or `again` when
    the same address signed up a second time (the new link replaces the old)."""
    signup = _signup(signup_id)
    if signup is None or signup.status == SignUp.Status.CANCELLED:
        return False
    unsent = SignUp.objects.filter(pk=signup.pk)
    if not again:
        unsent = unsent.filter(confirmation_sent_at__isnull=True)
    if not unsent.update(confirmation_sent_at=timezone.now()):
        return False
    template = "signup_confirmed" if signup.status == SignUp.Status.CONFIRMED else "signup_waiting"
    _send(signup, template, link=True, extra={"position": waiting_position(signup)})
    return True


def signup_promoted_send(*, signup_id: int) -> bool:
    signup = _signup(signup_id)
    if signup is None or signup.status != SignUp.Status.CONFIRMED:
        return False
    _send(signup, "signup_promoted", link=True)
    return True


def signup_reminder_send(*, signup: SignUp) -> bool:
    """The reminder, claimed first so that a second run sends nothing."""
    claimed = SignUp.objects.filter(pk=signup.pk, reminder_sent_at__isnull=True).update(
        reminder_sent_at=timezone.now()
    )
    if not claimed:
        return False
    _send(signup, "signup_reminder", link=True)
    return True


def event_cancelled_send(*, event_id: int) -> int:
    """Tell everyone who had a place, or waited for one, that the event is cancelled. Each
    sign-up ends as it is told (claimed first), so a second run tells nobody twice."""
    open_ = [SignUp.Status.CONFIRMED, SignUp.Status.WAITING]
    signups = SignUp.objects.filter(
        event_id=event_id, event__status=Event.Status.CANCELLED, status__in=open_
    ).select_related("event__activity_type", "event__region")
    count = 0
    for signup in signups:
        claimed = SignUp.objects.filter(pk=signup.pk, status__in=open_).update(
            status=SignUp.Status.CANCELLED, cancelled_at=timezone.now()
        )
        if claimed:
            _send(signup, "event_cancelled", link=False)
            count += 1
    return count
