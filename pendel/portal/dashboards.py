"""The back office's start pages: what waits for the advisor, and the coordinator's figures
per region. Every block is a count and its first rows, in a fixed number of queries however
many rows there are; every figure about people's answers respects the minimum group size."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, F, IntegerField, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from pendel.accounts.access import Scope
from pendel.activities.calendars import event_url, my_events
from pendel.activities.followup import (
    followup_regions,
    members_without_approved_plan,
    national_total,
    total_of,
)
from pendel.activities.models import Event
from pendel.companies.models import Application, Membership, MembershipStatus
from pendel.companies.selectors import (
    applications_for,
    followups_due,
    memberships_for,
    national_overview,
    week_end,
)
from pendel.core.dates import earliest_today
from pendel.invoicing.models import Invoice
from pendel.invoicing.selectors import invoices_for, overdue
from pendel.portal.selectors import SurveyStatus, survey_status
from pendel.regions.selectors import regions_for
from pendel.surveys.models import MIN_GROUP_SIZE_FLOOR, Invitation
from pendel.surveys.selectors import (
    Rate,
    closed_invitations,
    settings_by_region,
    waves_for,
    with_rates,
)

TOP_ROWS = 5
ZERO = Decimal("0")


@dataclass(frozen=True)
class Block:
    """One block of a start page: how many there are, and the first of them."""

    count: int
    rows: list


def _block(queryset, *, rows=None) -> Block:
    return Block(
        count=queryset.count(), rows=rows if rows is not None else list(queryset[:TOP_ROWS])
    )


def with_balance(invoices):
    return invoices.annotate(balance=F("total") - F("credited_total") - F("paid_total")).filter(
        balance__gt=0
    )


def overdue_with_balance(scope: Scope, today: date):
    """Invoices past their due date with money still owed, of the staff member's regions."""
    return with_balance(overdue(invoices_for(scope), today))


def my_members(scope: Scope, *, user):
    """Open memberships in scope: the ones this person advises first, then the region's."""
    mine = Case(When(advisor=user, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        memberships_for(scope)
        .exclude(status=MembershipStatus.ENDED)
        .annotate(not_mine=mine)
        .order_by("not_mine", "location__organisation__name", "location__name", "pk")
    )


def open_surveys(scope: Scope) -> tuple[int, list[SurveyStatus]]:
    """Sent surveys not yet closed, soonest closing first, each with its rate where the
    minimum group size allows it."""
    waves = waves_for(scope).filter(dispatched_at__isnull=False, closed_at__isnull=True)
    top = list(with_rates(waves.order_by("closes_on", "pk"))[:TOP_ROWS])
    settings = settings_by_region({wave.location.region_id for wave in top})
    rows = [survey_status(wave, settings[wave.location.region_id]) for wave in top]
    return waves.count(), rows


def activities_this_week(scope: Scope, *, user, today: date) -> Block:
    """The events of the rest of this week (to Sunday) that this person is responsible for,
    each with the address of its page."""
    zone = timezone.get_current_timezone()
    first = datetime.combine(today, time.min, tzinfo=zone)
    after = datetime.combine(week_end(today) + timedelta(days=1), time.min, tzinfo=zone)
    events = my_events(scope, user=user).filter(starts_at__gte=first, starts_at__lt=after)
    events = events.exclude(status=Event.Status.CANCELLED).order_by("starts_at", "pk")
    rows = [(event, event_url(event)) for event in events[:TOP_ROWS]]
    return Block(count=events.count(), rows=rows)


def advisor_start(scope: Scope, *, user) -> dict[str, Block]:
    today = earliest_today(regions_for(scope))
    members = my_members(scope, user=user)
    survey_count, survey_rows = open_surveys(scope)
    applications = applications_for(scope).filter(status=Application.Status.PENDING)
    return {
        "members": _block(members),
        "mine": members.filter(advisor=user).count(),
        "surveys": Block(count=survey_count, rows=survey_rows),
        "followups": _block(followups_due(scope, today=today, advisor=user)),
        "applications": _block(applications.order_by("email_confirmed_at", "pk")),
        "overdue": _block(overdue_with_balance(scope, today)),
        "activities": activities_this_week(scope, user=user, today=today),
        "without_plan": _block(members_without_approved_plan(scope, year=today.year)),
        "today": today,
    }


# --- The coordinator: national figures per region ----------------------------------------


@dataclass
class RegionFigures:
    region: object
    by_status: list  # members per status, in MembershipStatus's order
    answered: int | None = None  # None: fewer answers than the minimum group size
    rate: float | None = None  # None: fewer reached than the minimum group size
    min_group_size: int = MIN_GROUP_SIZE_FLOOR
    surveyed: bool = False  # any survey sent this year
    invoiced: Decimal = ZERO
    overdue_count: int = 0
    overdue_amount: Decimal = ZERO

    @property
    def currency(self) -> str:
        return self.region.country.currency


def _status_counts() -> dict[int, dict[str, int]]:
    rows = (
        Membership.objects.order_by()
        .values("location__region_id", "status")
        .annotate(n=Count("id"))
    )
    counts: dict[int, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(row["location__region_id"], {})[row["status"]] = row["n"]
    return counts


def _survey_counts(year_start: date, today: date) -> dict[int, Rate]:
    """Per region, the invitations of the surveys sent this year."""
    rows = (
        Invitation.objects.filter(wave__dispatched_at__date__gte=year_start)
        .order_by()
        .values("wave__location__region_id")
        .annotate(
            invited=Count("id"),
            undelivered=Count("id", filter=Q(undelivered_at__isnull=False)),
            answered=Count("id", filter=Q(answered_at__isnull=False)),
            closed=Count("id", filter=closed_invitations(today, closes_on=F("wave__closes_on"))),
        )
    )
    return {
        row["wave__location__region_id"]: Rate(
            row["invited"], row["undelivered"], row["answered"], row["closed"]
        )
        for row in rows
    }


def _money_per_region(invoices, amount) -> dict[int, dict]:
    rows = (
        invoices.order_by()
        .values("region_id")
        .annotate(amount=Coalesce(Sum(amount), ZERO), n=Count("id"))
    )
    return {row["region_id"]: row for row in rows}


def _apply_survey_rule(figures: RegionFigures, rate: Rate | None, settings) -> None:
    figures.min_group_size = max(settings.min_group_size, MIN_GROUP_SIZE_FLOOR)
    if rate is None:
        return
    figures.surveyed = True
    if rate.answered >= figures.min_group_size:
        figures.answered = rate.answered
    if rate.delivered >= figures.min_group_size:
        figures.rate = rate.percent


def coordinator_start(scope: Scope) -> dict:
    """The national figures per region: members by status, employees covered, this year's
    survey answers and rate, invoiced this year and overdue."""
    regions = list(national_overview().filter(pk__in=regions_for(scope).values("pk")))
    today = earliest_today(regions)
    year_start = today.replace(month=1, day=1)
    statuses = _status_counts()
    surveys = _survey_counts(year_start, today)
    settings = settings_by_region({region.pk for region in regions})
    # Invoiced this year: what was issued less what was credited this year.
    signed = Case(
        When(kind=Invoice.Kind.CREDIT_NOTE, then=-F("total")),
        default=F("total"),
        output_field=DecimalField(max_digits=14, decimal_places=2),
    )
    invoiced = _money_per_region(invoices_for(scope).filter(issue_date__gte=year_start), signed)
    late = _money_per_region(
        overdue_with_balance(scope, today), F("total") - F("credited_total") - F("paid_total")
    )
    rows = []
    for region in regions:
        counts = statuses.get(region.pk, {})
        by_status = [counts.get(status, 0) for status in MembershipStatus]
        figures = RegionFigures(region=region, by_status=by_status)
        _apply_survey_rule(figures, surveys.get(region.pk), settings[region.pk])
        figures.invoiced = invoiced.get(region.pk, {}).get("amount", ZERO)
        figures.overdue_count = late.get(region.pk, {}).get("n", 0)
        figures.overdue_amount = late.get(region.pk, {}).get("amount", ZERO)
        rows.append(figures)
    activities = [
        (row, total_of(row)) for row in followup_regions(regions_for(scope), year=year_start.year)
    ]
    return {
        "rows": rows,
        "statuses": list(MembershipStatus),
        "year": year_start.year,
        "activities": activities,
        "activities_total": national_total([row for row, _total in activities]),
    }
