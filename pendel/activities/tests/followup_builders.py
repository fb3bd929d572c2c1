"""Rows for the calendar and follow-up tests: events at a given time, plans with lines."""

from datetime import UTC, datetime, timedelta

from pendel.activities.factories import (
    ActivityPlanFactory,
    ActivityTypeFactory,
    EventFactory,
    PlannedActivityFactory,
)
from pendel.activities.models import Event
from pendel.companies.models import Membership


def at(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def event(location=None, *, region=None, starts=None, advisors=(), status="scheduled", **kw):
    starts = starts or at(2027, 3, 10)
    values = {"location": location, "region": region or location.region, "status": status}
    made = EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2), **values, **kw)
    made.advisors.set(advisors)
    return made


def plan(location, *, year=2027, status="draft", lines=(), **kw):
    """A plan with a line per status in `lines` ("proposed", "held", "cancelled", …)."""
    made = ActivityPlanFactory(location=location, year=year, status=status, **kw)
    kind = ActivityTypeFactory()
    return made, [
        PlannedActivityFactory(plan=made, activity_type=kind, status=line) for line in lines
    ]


def member(location, *, status="active", advisor=None) -> Membership:
    return Membership.objects.create(location=location, status=status, advisor=advisor)


def held_from_line(line, *, starts=None) -> Event:
    return event(line.plan.location, planned=line, starts=starts, status=Event.Status.HELD)
