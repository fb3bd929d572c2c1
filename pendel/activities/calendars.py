"""The activity calendars of the back office: "My calendar" (the events a staff member is one
of the advisors responsible for) and each region's calendar, read through the staff scope.

A month is shown as an agenda by week (ISO weeks, Monday first): every week of the month
with the days that have activities, each time in the region's own zone. It is plain HTML,
so it works without JavaScript and reads the same on a phone.

`event_url()` is the one place that knows the address of an event's page: the event page
(`staff:activity_event_detail`) once it exists, until then the region's calendar at the
event's month."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.urls import reverse

from pendel.accounts.access import Scope
from pendel.activities.models import Event
from pendel.core.dates import add_months, month_value

EVENT_PAGE = "staff:event_detail"


def events_in_scope(scope: Scope) -> QuerySet[Event]:
    """The events of the regions the staff scope sees (none for any other scope)."""
    events = Event.objects.select_related(
        "activity_type__region", "region__country", "location__organisation"
    )
    if scope.all_regions:
        return events
    return events.filter(region_id__in=scope.region_ids)


def my_events(scope: Scope, *, user) -> QuerySet[Event]:
    """The events in scope that this person is one of the advisors responsible for."""
    return events_in_scope(scope).filter(advisors=user)


def region_events(scope: Scope, *, region) -> QuerySet[Event]:
    return events_in_scope(scope).filter(region=region)


def local_start(event: Event) -> datetime:
    return event.starts_at.astimezone(ZoneInfo(event.region.time_zone))


def event_url(event: Event) -> str:
    """The page of the event in the back office."""
    return reverse(EVENT_PAGE, args=[event.pk])


# --- the month as an agenda by week -----------------------------------------------------------
@dataclass(frozen=True)
class AgendaEvent:
    event: Event
    starts: datetime  # in the region's zone
    ends: datetime
    url: str


@dataclass
class AgendaDay:
    day: date
    events: list[AgendaEvent] = field(default_factory=list)


@dataclass
class AgendaWeek:
    number: int  # ISO week number
    first: date  # Monday (may lie in the month before)
    last: date  # Sunday
    days: list[AgendaDay] = field(default_factory=list)


def in_month(events: QuerySet[Event], month: date) -> QuerySet[Event]:
    """The events that may fall in the month in some region's zone (a day's slack either
    side; `month_agenda` keeps the ones whose local day is in it)."""
    first = datetime(month.year, month.month, 1, tzinfo=ZoneInfo("UTC")) - timedelta(days=1)
    after = add_months(month, 1)
    last = datetime(after.year, after.month, 1, tzinfo=ZoneInfo("UTC")) + timedelta(days=1)
    return events.filter(starts_at__gte=first, starts_at__lt=last).order_by("starts_at", "pk")


def month_agenda(events, month: date) -> list[AgendaWeek]:
    """The weeks of the month, each with its days that have events (in local time)."""
    after = add_months(month, 1)
    weeks: dict[date, AgendaWeek] = {}
    monday = month - timedelta(days=month.weekday())
    while monday < after:
        weeks[monday] = AgendaWeek(monday.isocalendar()[1], monday, monday + timedelta(days=6))
        monday += timedelta(days=7)
    days: dict[date, AgendaDay] = {}
    for event in events:
        zone = ZoneInfo(event.region.time_zone)
        starts, ends = event.starts_at.astimezone(zone), event.ends_at.astimezone(zone)
        day = starts.date()
        if not month <= day < after:
            continue
        if day not in days:
            days[day] = AgendaDay(day)
            weeks[day - timedelta(days=day.weekday())].days.append(days[day])
        days[day].events.append(AgendaEvent(event, starts, ends, event_url(event)))
    return list(weeks.values())


def month_links(month: date) -> dict[str, str]:
    return {
        "previous": month_value(add_months(month, -1)),
        "next": month_value(add_months(month, 1)),
        "current": month_value(month),
    }
