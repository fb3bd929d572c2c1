"""Builders for tests of the activity catalogue and the yearly plans (h15plans): the national
catalogue, a region with its rules, a member whose baseline survey is closed or open, and an
approved plan with a bike check. Events and follow-up tests may build on them."""

from datetime import date, datetime, time, timedelta
from importlib import import_module

from django.apps import apps
from django.utils import timezone

from pendel.activities.models import ActivityPlan, ActivityRules, ActivityType, PlannedActivity
from pendel.companies.models import Membership
from pendel.surveys.models import Wave

CATALOGUE_MIGRATION = "pendel.activities.migrations.0002_h15plans_national_catalogue"


def seed_activity_catalogue() -> None:
    """The national catalogue as the data migration seeds it (a test that flushed the
    database has lost it); safe to call again."""
    import_module(CATALOGUE_MIGRATION).seed_national_types(apps)


def national_type(code: str) -> ActivityType:
    seed_activity_catalogue()
    return ActivityType.objects.get(region__isnull=True, code=code)


def region_with_plan_rules(
    region, *, per_plan: int = 4, survey_place: str = "included", target: int = 75
) -> ActivityRules:
    rules, _created = ActivityRules.objects.update_or_create(
        region=region,
        defaults={
            "activities_per_plan": per_plan,
            "survey_place": survey_place,
            "yearly_target": target,
        },
    )
    return rules


def member_with_baseline(location, *, closes_on: date | None, closed: bool, advisor=None):
    """An active member; its baseline survey sent and closing on `closes_on` (closed on
    that day when `closed`), or none sent when `closes_on` is None."""
    membership, _created = Membership.objects.get_or_create(
        location=location, defaults={"status": "active", "advisor": advisor}
    )
    if closes_on is not None:
        Wave.objects.create(
            location=location,
            kind=Wave.Kind.BASELINE,
            opens_on=closes_on - timedelta(days=14),
            closes_on=closes_on,
            dispatched_at=timezone.now(),
            closed_at=_noon(closes_on) if closed else None,
        )
    return membership


def _noon(day: date):
    return timezone.make_aware(datetime.combine(day, time(12)))


def plan_with_lines(location, year: int, lines: list[tuple[str, int]], **fields) -> ActivityPlan:
    """A plan with the survey in January and one line per (national code, month)."""
    plan = ActivityPlan.objects.create(location=location, year=year, **fields)
    PlannedActivity.objects.create(plan=plan, activity_type=national_type("travel-survey"), month=1)
    for code, month in lines:
        PlannedActivity.objects.create(plan=plan, activity_type=national_type(code), month=month)
    return plan


def approved_plan_with_bike_check(location, *, year: int, advisor) -> ActivityPlan:
    """Survey, stand, bike check (capacity 10) and health talk: approved by `advisor`."""
    return plan_with_lines(
        location,
        year,
        [("stand", 4), ("bike-check", 5), ("health-talk", 9)],
        status=ActivityPlan.Status.APPROVED,
        approved_at=timezone.now(),
        approved_by=advisor,
    )
