"""Signing up for an event from its public link, cancelling a sign-up, and the waiting list
that moves up.

Never over capacity: signing up and cancelling take the event's row under a lock
(pendel/core/locks.py) before they count its places, so two people asking for the last
place at once queue on the row and the second finds it taken (the waiting list).

Consent: signing up works without consent to be contacted. The mails about the person's own
place (the confirmation, "you have a place now", the event cancelled) always go; the reminder
the day before only with consent, and staff see the e-mail address only with consent.

The cancel link's token exists only in the mail: the mail task makes a fresh one and keeps
its hash (as the application confirmation does), so a task row never holds it; the newest
mail's link is the one that works."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from pendel.activities.models import Event, SignUp
from pendel.activities.signups_counts import places_taken
from pendel.activities.signups_tasks import (
    event_reminders_send,
    signup_confirmation_mail,
    signup_promoted_mail,
)
from pendel.core.dates import region_today
from pendel.core.locks import row_lock
from pendel.core.tasks import enqueue_after_commit
from pendel.core.tokens import new_token, token_hash

MAX_TOKEN_LENGTH = 64


def signup_refusal(event: Event) -> str:
    """Why nobody can sign up for this event now ("" when they can)."""
    if event.status == Event.Status.CANCELLED:
        return gettext("This activity has been cancelled.")
    if event.status == Event.Status.HELD or event.starts_at <= timezone.now():
        return gettext("This activity has already taken place.")
    if not event.signup_open:
        return gettext("Sign-up for this activity is closed.")
    return ""


@transaction.atomic
def signup_create(
    *, event: Event, name: str, email: str, consent: bool, language: str
) -> tuple[SignUp, bool]:
    """A place, or a place on the waiting list when the event is full. The same e-mail
    again gets back the place it has (False: nothing new was made)."""
    event = row_lock(Event.objects, pk=event.pk)
    refusal = signup_refusal(event)
    if refusal:
        raise ValidationError(refusal, code="closed")
    email = email.strip().lower()
    existing = (
        SignUp.objects.filter(event=event, email=email)
        .exclude(status=SignUp.Status.CANCELLED)
        .first()
    )
    if existing is not None:  # the mail again, with a new link; the rate limit bounds it
        enqueue_after_commit(signup_confirmation_mail, signup_id=existing.pk, again=True)
        return existing, False
    full = event.capacity is not None and places_taken(event) >= event.capacity
    signup = SignUp(
        event=event,
        name=name.strip(),
        email=email,
        consent_contact=consent,
        language=language,
        status=SignUp.Status.WAITING if full else SignUp.Status.CONFIRMED,
        # A stand-in until the confirmation mail makes the link: it opens nothing.
        cancel_token_hash=token_hash(new_token()),
    )
    signup.full_clean()
    signup.save()
    enqueue_after_commit(signup_confirmation_mail, signup_id=signup.pk)
    return signup, True


def signup_for_token(token: str) -> SignUp:
    """The sign-up behind a cancel link; an unknown or used-up link is a 404."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise Http404
    signup = (
        SignUp.objects.filter(cancel_token_hash=token_hash(token))
        .select_related("event__activity_type", "event__region", "event__location")
        .first()
    )
    if signup is None:
        raise Http404
    return signup


@transaction.atomic
def signup_cancel(*, signup: SignUp) -> SignUp | None:
    """Give up the place (or the place on the waiting list). A place given up goes to the
    first on the waiting list, who gets a mail; that sign-up is returned. Safe to repeat."""
    event = row_lock(Event.objects, pk=signup.event_id)
    current = SignUp.objects.get(pk=signup.pk)
    if current.status == SignUp.Status.CANCELLED:
        return None
    SignUp.objects.filter(pk=current.pk).update(
        status=SignUp.Status.CANCELLED, cancelled_at=timezone.now()
    )
    signup.status = SignUp.Status.CANCELLED
    if current.status != SignUp.Status.CONFIRMED or event.status != Event.Status.SCHEDULED:
        return None
    return _promote_first(event)


def _promote_first(event: Event) -> SignUp | None:
    first = (
        SignUp.objects.filter(event=event, status=SignUp.Status.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = SignUp.Status.CONFIRMED
    first.promoted_at = timezone.now()
    first.save(update_fields=["status", "promoted_at"])
    enqueue_after_commit(signup_promoted_mail, signup_id=first.pk)
    return first


def events_due_for_reminders(now=None):
    """Scheduled events that begin tomorrow on their region's clock and whose reminders have
    not all gone out."""
    now = now or timezone.now()
    candidates = Event.objects.filter(
        status=Event.Status.SCHEDULED,
        reminders_sent_at__isnull=True,
        starts_at__gt=now,
        starts_at__lt=now + timedelta(days=3),
    ).select_related("region")
    return [
        event
        for event in candidates
        if timezone.localtime(event.starts_at, ZoneInfo(event.region.time_zone)).date()
        == region_today(event.region) + timedelta(days=1)
    ]


def reminders_enqueue_due(now=None) -> int:
    """Queue the reminder task of every event that begins tomorrow; how many."""
    events = events_due_for_reminders(now)
    for event in events:
        event_reminders_send.enqueue(event_id=event.pk)
    return len(events)
