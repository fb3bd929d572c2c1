"""Counting an event's places: taken, left, and a person's number on the waiting list.
Read-only, imported by the sign-up services, their mail and the pages."""

from django.db.models import Q

from pendel.activities.models import Event, SignUp


def places_taken(event: Event) -> int:
    return SignUp.objects.filter(event=event, status=SignUp.Status.CONFIRMED).count()


def places_left(event: Event, taken: int | None = None) -> int | None:
    """Places still free; None when the event has no limit."""
    if event.capacity is None:
        return None
    taken = places_taken(event) if taken is None else taken
    return max(event.capacity - taken, 0)


def waiting_position(signup: SignUp) -> int | None:
    """Their number on the waiting list (1 is next), or None when not waiting."""
    if signup.status != SignUp.Status.WAITING:
        return None
    ahead = SignUp.objects.filter(event_id=signup.event_id, status=SignUp.Status.WAITING).filter(
        Q(created_at__lt=signup.created_at) | Q(created_at=signup.created_at, pk__lt=signup.pk)
    )
    return ahead.count() + 1
