"""Reads about events, always scoped: region staff see their regions' events, a contact
person those of their own locations. Out of scope is a 404."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from pendel.accounts.access import Scope
from pendel.accounts.models import User
from pendel.activities.models import ActivityType, Event, EventPhoto, PlannedActivity, SignUp

CONFIRMED = Q(signups__status=SignUp.Status.CONFIRMED)
WAITING = Q(signups__status=SignUp.Status.WAITING)


def events_for(scope: Scope) -> QuerySet[Event]:
    events = Event.objects.select_related(
        "activity_type", "region", "location__organisation", "planned"
    ).annotate(
        confirmed_count=Count("signups", filter=CONFIRMED),
        waiting_count=Count("signups", filter=WAITING),
    )
    if scope.all_regions:
        return events
    if scope.region_ids:
        return events.filter(region_id__in=scope.region_ids)
    return events.filter(location_id__in=scope.location_ids)


def events_listed(scope: Scope, *, when: str = "upcoming", status: str = "") -> QuerySet[Event]:
    """The list: upcoming (soonest first) or past (latest first), of one status or all."""
    events = events_for(scope).prefetch_related(
        Prefetch("advisors", queryset=User.objects.order_by("first_name", "last_name"))
    )
    now = timezone.now()
    if status in Event.Status.values:
        events = events.filter(status=status)
    if when == "past":
        return events.filter(ends_at__lte=now).order_by("-starts_at", "-pk")
    return events.filter(ends_at__gt=now).order_by("starts_at", "pk")


def event_get_for(scope: Scope, pk) -> Event:
    event = events_for(scope).filter(pk=pk).first()
    if event is None:
        raise Http404
    return event


def event_for_code(code: str) -> Event:
    """The event behind a public sign-up link; an unknown code is a 404."""
    if not code or len(code) > 43:
        raise Http404
    event = (
        Event.objects.select_related("activity_type", "region", "location__organisation")
        .filter(signup_code=code)
        .first()
    )
    if event is None:
        raise Http404
    return event


def event_signups(event: Event) -> dict[str, list[SignUp]]:
    """Who signed up: those with a place and the waiting list, each in the order they came."""
    rows = SignUp.objects.filter(event=event).order_by("created_at", "pk")
    groups = {status: [] for status in SignUp.Status.values}
    for signup in rows:
        groups[signup.status].append(signup)
    return groups


def event_photos(event: Event) -> QuerySet[EventPhoto]:
    return EventPhoto.objects.filter(event=event).select_related("uploaded_by")


def photo_get_for(scope: Scope, pk) -> EventPhoto:
    """A photo, if the actor may see its event (staff of the region, the company's own
    contact persons); otherwise 404."""
    photo = (
        EventPhoto.objects.filter(pk=pk, event__in=events_for(scope).values("pk"))
        .select_related("event")
        .first()
    )
    if photo is None:
        raise Http404
    return photo


def activity_types_for_region(region_ids) -> QuerySet[ActivityType]:
    """The national catalogue and the regions' own types, active ones only."""
    return ActivityType.objects.filter(
        Q(region__isnull=True) | Q(region_id__in=region_ids), is_active=True
    ).select_related("region")


def planned_open_for(scope: Scope) -> QuerySet[PlannedActivity]:
    """Planned activities not yet scheduled, of the locations in scope."""
    lines = PlannedActivity.objects.filter(status=PlannedActivity.Status.PROPOSED).select_related(
        "activity_type", "plan__location__organisation", "plan__location__region"
    )
    if scope.all_regions:
        return lines
    if scope.region_ids:
        return lines.filter(plan__location__region_id__in=scope.region_ids)
    return lines.none()
