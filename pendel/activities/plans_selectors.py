"""Reads of the yearly activity plans, always scoped, and what a plan's page says about it:
how many activities are still to choose, which are late, done, or planned before the
baseline survey has closed (the programme's rule: the baseline comes first)."""

from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from pendel.accounts.access import Scope
from pendel.activities.catalogue import activity_rules_for
from pendel.activities.models import ActivityPlan, ActivityRules, PlannedActivity, SurveyPlace
from pendel.companies.selectors import locations_for
from pendel.core.dates import month_label, region_today
from pendel.surveys.models import Wave
from pendel.surveys.selectors import baseline_closed

OPEN_LINE = (PlannedActivity.Status.PROPOSED, PlannedActivity.Status.SCHEDULED)


def plans_for(scope: Scope) -> QuerySet[ActivityPlan]:
    """Plans of the locations the actor sees (a region's, or the contact person's own)."""
    return ActivityPlan.objects.filter(
        location__in=locations_for(scope).values("id")
    ).select_related("location__organisation", "location__region__country")


def plan_get_for(scope: Scope, pk) -> ActivityPlan:
    plan = plans_for(scope).filter(pk=pk).first()
    if plan is None:
        raise Http404
    return plan


def plan_for_location(location, year: int) -> ActivityPlan | None:
    return ActivityPlan.objects.filter(location=location, year=year).first()


def plans_by_location(location_ids, years) -> dict[tuple[int, int], ActivityPlan]:
    """{(location id, year): plan}, each plan with its `line_count`, in one query."""
    found = ActivityPlan.objects.filter(location_id__in=location_ids, year__in=years).annotate(
        line_count=Count("lines")
    )
    return {(plan.location_id, plan.year): plan for plan in found}


def line_get_for(scope: Scope, pk) -> PlannedActivity:
    line = (
        PlannedActivity.objects.filter(pk=pk, plan__in=plans_for(scope).values("id"))
        .select_related(
            "activity_type", "plan__location__organisation", "plan__location__region__country"
        )
        .first()
    )
    if line is None:
        raise Http404
    return line


def lines_of(plan: ActivityPlan) -> list[PlannedActivity]:
    if plan.pk is None:
        return []
    return list(plan.lines.select_related("activity_type__region").order_by("month", "pk"))


def plans_with_counts(scope: Scope, *, today: date) -> QuerySet[ActivityPlan]:
    """The plans the actor sees, each with its number of lines, of survey lines, of lines
    held and of lines late (the month has passed and it is neither held nor cancelled)."""
    passed = Q(year__lt=today.year) | Q(year=today.year, lines__month__lt=today.month)
    return plans_for(scope).annotate(
        line_count=Count("lines", distinct=True),
        survey_count=Count("lines", filter=Q(lines__activity_type__is_survey=True), distinct=True),
        done_count=Count(
            "lines", filter=Q(lines__status=PlannedActivity.Status.HELD), distinct=True
        ),
        late_count=Count("lines", filter=passed & Q(lines__status__in=OPEN_LINE), distinct=True),
    )


def counted(rules: ActivityRules, *, lines: int, surveys: int) -> int:
    """The lines that count towards the plan's number: with the survey included, all of
    them; with the survey on top, all but the survey."""
    return lines if rules.survey_place == SurveyPlace.INCLUDED else lines - surveys


def still_to_choose(rules: ActivityRules, *, lines: int, surveys: int) -> int:
    return rules.activities_per_plan - counted(rules, lines=lines, surveys=surveys)


# --- the baseline survey comes first ---------------------------------------------------------
@dataclass(frozen=True)
class Baseline:
    """The location's baseline survey as the plan needs it: closed or not, and the day it
    closes (closed), or `None` when it has not been sent yet."""

    closed: bool
    closes_on: date | None

    @property
    def sent(self) -> bool:
        return self.closes_on is not None


def baseline_for(location) -> Baseline:
    """surveys.selectors.baseline_closed, with the day: the day the closed baseline closed,
    else the close date of the baseline that has been sent."""
    waves = Wave.objects.filter(location=location, kind=Wave.Kind.BASELINE)
    if baseline_closed(location):
        wave = waves.filter(closed_at__isnull=False).order_by("closed_at").first()
        closed_on = timezone.localtime(wave.closed_at, ZoneInfo(location.region.time_zone)).date()
        return Baseline(closed=True, closes_on=min(closed_on, wave.closes_on))
    wave = waves.filter(dispatched_at__isnull=False).order_by("-closes_on").first()
    return Baseline(closed=False, closes_on=wave.closes_on if wave else None)


# --- one plan, as its page shows it ----------------------------------------------------------
@dataclass
class Line:
    line: PlannedActivity
    year: int
    late: bool = False
    before_baseline: bool = False

    @property
    def month_name(self) -> str:
        return month_label(date(self.year, self.line.month, 1))


@dataclass
class PlanState:
    plan: ActivityPlan
    rules: ActivityRules
    baseline: Baseline
    today: date
    lines: list[Line] = field(default_factory=list)

    @property
    def survey_count(self) -> int:
        return sum(1 for row in self.lines if row.line.activity_type.is_survey)

    @property
    def to_choose(self) -> int:
        return still_to_choose(self.rules, lines=len(self.lines), surveys=self.survey_count)

    @property
    def complete(self) -> bool:
        return self.to_choose == 0 and self.survey_count == 1

    @property
    def flagged(self) -> list[Line]:
        return [row for row in self.lines if row.before_baseline]

    @property
    def late(self) -> list[Line]:
        return [row for row in self.lines if row.late]

    @property
    def done(self) -> int:
        return sum(1 for row in self.lines if row.line.status == PlannedActivity.Status.HELD)


def _first_month(plan: ActivityPlan, baseline: Baseline, lines) -> tuple[int, int] | None:
    """(year, month) before which no other activity should be planned: the baseline's
    closing month; before it is sent, the month this plan gives the survey."""
    if baseline.closes_on is not None:
        return (baseline.closes_on.year, baseline.closes_on.month)
    survey = next((line for line in lines if line.activity_type.is_survey), None)
    return (plan.year, survey.month) if survey else None


def plan_state(plan: ActivityPlan, *, rules: ActivityRules | None = None) -> PlanState:
    """The plan with its rules, baseline and each line marked late or before the baseline."""
    location = plan.location
    rules = rules or activity_rules_for(location.region)
    baseline = baseline_for(location)
    today = region_today(location.region)
    lines = lines_of(plan)
    first = _first_month(plan, baseline, lines)
    state = PlanState(plan=plan, rules=rules, baseline=baseline, today=today)
    for line in lines:
        month = (plan.year, line.month)
        state.lines.append(
            Line(
                line=line,
                year=plan.year,
                late=month < (today.year, today.month) and line.status in OPEN_LINE,
                before_baseline=(
                    not line.activity_type.is_survey and first is not None and month < first
                ),
            )
        )
    return state
