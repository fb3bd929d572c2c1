"""Follow-up of the activity plans against the targets (750 activities a year nationally, each
region's share in its ActivityRules, 75 by default).

What is counted, for a year (the definitions the pages show, `DEFINITIONS`):

- **planned**: the lines of the year's activity plans that are not cancelled (whatever has
  become of them since: planned, scheduled or held), plus the year's events that carry out
  no plan line and are not cancelled (an event open to several members, say). Each activity
  is counted once: an event made from a plan line counts through its line.
- **held**: the events of the year whose status is held.
- **cancelled**: the plan lines cancelled, plus the cancelled events that carry out no line
  (a cancelled event whose line was planned again is not a cancelled activity).
- An event belongs to the year in which it starts, in its region's time zone; a plan line
  to its plan's year. A company is a member location; the region's figures also count the
  events open to several members and the activities of members who have since left.

Every table is one query: the rows are annotated with correlated counts, never counted in a
loop. `followup_members` is the per-company table (the region's open memberships),
`followup_regions` the per-region one (the national view, and a region's own totals)."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from pendel.accounts.access import Scope
from pendel.activities.models import (
    NATIONAL_YEARLY_TARGET,
    ActivityPlan,
    Event,
    PlannedActivity,
)
from pendel.companies.models import Membership
from pendel.companies.selectors import OPEN_STATUSES, memberships_for
from pendel.regions.models import Region
from pendel.regions.selectors import regions_for

DEFAULT_REGION_TARGET = 75  # ActivityRules.yearly_target's default, for a region without rules
NO_PLAN = "none"
NOT_APPROVED = "not_approved"

DEFINITIONS = [
    (
        _("Planned"),
        _(
            "The lines of the year's activity plans that are not cancelled, and the year's"
            " events that are not part of a plan and not cancelled. An activity is counted"
            " once, also when it has been scheduled or held."
        ),
    ),
    (_("Held"), _("The events of the year that have been held.")),
    (
        _("Cancelled"),
        _(
            "The plan lines that were cancelled, and the cancelled events that were not part"
            " of a plan."
        ),
    ),
    (
        _("The year"),
        _(
            "An event counts in the year in which it starts, in the region's time zone; a"
            " plan line in its plan's year."
        ),
    ),
]


def year_bounds(year: int, time_zone: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(time_zone)
    return datetime(year, 1, 1, tzinfo=zone), datetime(year + 1, 1, 1, tzinfo=zone)


def starts_in_year(year: int, time_zones) -> Q:
    """Events that start in the year in their region's zone, for regions of these zones."""
    condition = Q(pk__in=[])
    for zone in sorted(set(time_zones)):
        first, after = year_bounds(year, zone)
        condition |= Q(region__time_zone=zone, starts_at__gte=first, starts_at__lt=after)
    return condition


def _count(queryset, key: str, outer: str):
    """A correlated count of `queryset` per row of the outer query (key = OuterRef(outer))."""
    rows = (
        queryset.filter(**{key: OuterRef(outer)})
        .order_by()
        .values(key)
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


@dataclass(frozen=True)
class Sources:
    """The year's rows that the counts are made of."""

    lines: QuerySet
    events: QuerySet


def sources(year: int, time_zones) -> Sources:
    return Sources(
        lines=PlannedActivity.objects.filter(plan__year=year),
        events=Event.objects.filter(starts_in_year(year, time_zones)),
    )


def _annotations(src: Sources, *, line_key: str, event_key: str, outer: str) -> dict:
    cancelled_line = Q(status=PlannedActivity.Status.CANCELLED)
    unplanned = Q(planned__isnull=True)
    cancelled = Event.Status.CANCELLED
    return {
        "planned_lines": _count(src.lines.exclude(cancelled_line), line_key, outer),
        "planned_events": _count(
            src.events.filter(unplanned).exclude(status=cancelled), event_key, outer
        ),
        "held": _count(src.events.filter(status=Event.Status.HELD), event_key, outer),
        "cancelled_lines": _count(src.lines.filter(cancelled_line), line_key, outer),
        "cancelled_events": _count(
            src.events.filter(unplanned, status=cancelled), event_key, outer
        ),
    }


def _totals(queryset):
    return queryset.annotate(
        planned=F("planned_lines") + F("planned_events"),
        cancelled=F("cancelled_lines") + F("cancelled_events"),
    )


# --- per company --------------------------------------------------------------------------------
def followup_members(scope: Scope, *, region: Region, year: int) -> QuerySet[Membership]:
    """The region's open memberships with the year's planned, held and cancelled activities
    of their location, and the status of the year's plan (None: no plan)."""
    src = sources(year, [region.time_zone])
    plan = ActivityPlan.objects.filter(location=OuterRef("location_id"), year=year)
    memberships = memberships_for(scope).filter(location__region=region, status__in=OPEN_STATUSES)
    counted = memberships.annotate(
        **_annotations(src, line_key="plan__location", event_key="location", outer="location_id"),
        plan_status=Subquery(plan.values("status")[:1]),
    )
    return _totals(counted).order_by("location__organisation__name", "location__name", "pk")


def with_plan(memberships: QuerySet[Membership], wanted: str) -> QuerySet[Membership]:
    """Filter by the year's plan: NO_PLAN, NOT_APPROVED (none, or not approved) or a status."""
    if wanted == NO_PLAN:
        return memberships.filter(plan_status__isnull=True)
    if wanted == NOT_APPROVED:
        return memberships.filter(_not_approved())
    if wanted in ActivityPlan.Status.values:
        return memberships.filter(plan_status=wanted)
    return memberships


def _not_approved() -> Q:
    # Spelled out: NOT (status = 'approved') would leave out the rows without a plan (NULL).
    others = [s for s in ActivityPlan.Status.values if s != ActivityPlan.Status.APPROVED]
    return Q(plan_status__isnull=True) | Q(plan_status__in=others)


def members_without_approved_plan(scope: Scope, *, year: int) -> QuerySet[Membership]:
    """Open memberships in scope whose location has no approved plan for the year (the
    advisor's start page; every region at once)."""
    plan = ActivityPlan.objects.filter(location=OuterRef("location_id"), year=year)
    return (
        memberships_for(scope)
        .filter(status__in=OPEN_STATUSES)
        .annotate(plan_status=Subquery(plan.values("status")[:1]))
        .filter(_not_approved())
        .order_by("location__organisation__name", "location__name", "pk")
    )


# --- per region -----------------------------------------------------------------------------------
def _target():
    return Coalesce(F("activity_rules__yearly_target"), Value(DEFAULT_REGION_TARGET))


def followup_regions(regions: QuerySet[Region], *, year: int) -> QuerySet[Region]:
    """Each region with the year's planned, held and cancelled activities and its target."""
    zones = list(regions.order_by().values_list("time_zone", flat=True).distinct())
    src = sources(year, zones)
    counted = regions.annotate(
        **_annotations(src, line_key="plan__location__region", event_key="region", outer="pk"),
        target=_target(),
    )
    return _totals(counted).order_by("country_id", "name")


@dataclass(frozen=True)
class Total:
    planned: int
    held: int
    cancelled: int
    target: int

    @property
    def held_share(self) -> float:
        return 100 * self.held / self.target if self.target else 0.0

    @property
    def planned_share(self) -> float:
        return 100 * self.planned / self.target if self.target else 0.0


def total_of(row) -> Total:
    return Total(row.planned, row.held, row.cancelled, row.target)


def national_total(rows) -> Total:
    """The rows added up, against the national target (not the sum of the regions' own)."""
    return Total(
        planned=sum(row.planned for row in rows),
        held=sum(row.held for row in rows),
        cancelled=sum(row.cancelled for row in rows),
        target=NATIONAL_YEARLY_TARGET,
    )


def followup_region(scope: Scope, *, region: Region, year: int) -> Total:
    row = followup_regions(regions_for(scope).filter(pk=region.pk), year=year).get()
    return total_of(row)


def year_choices(today: date) -> list[int]:
    return list(range(today.year + 1, today.year - 4, -1))
