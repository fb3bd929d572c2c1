"""Data for the certification tests: a member with a closed baseline survey, the year's
survey, held activities and a plan, each as the test needs it."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from pendel.activities.factories import ActivityPlanFactory, EventFactory
from pendel.activities.models import ActivityPlan, Event
from pendel.certification.services import tiers_default_create
from pendel.companies.models import Membership
from pendel.surveys.models import Invitation, Response, Wave

YEAR = 2026


def survey(location, *, opens_on: date, answered: int, invited: int, car_alone: int, kind=None):
    """A sent and closed survey: `answered` of `invited` answered, `car_alone` of those
    driving alone."""
    wave = Wave.objects.create(
        location=location,
        kind=kind or Wave.Kind.FOLLOW_UP,
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=14),
        dispatched_at=timezone.now(),
        closed_at=timezone.now(),
    )
    now = timezone.now()
    invitations = Invitation.objects.bulk_create(
        Invitation(
            wave=wave,
            location_id=location.pk,
            language="en",
            sent_at=now,
            answered_at=now if index < answered else None,
        )
        for index in range(invited)
    )
    Response.objects.bulk_create(
        Response(
            invitation=invitation,
            wave_id=wave.pk,
            location_id=location.pk,
            submitted_at=now,
            last_step=6,
            main_mode="drive_alone" if index < car_alone else "bus",
            days_office=5,
            days_home=0,
            days_hub=0,
            distance_km=10,
        )
        for index, invitation in enumerate(invitations[:answered])
    )
    return wave


def baseline(location, *, answered=10, invited=10, car_alone=6):
    return survey(
        location,
        opens_on=date(YEAR - 1, 3, 2),
        answered=answered,
        invited=invited,
        car_alone=car_alone,
        kind=Wave.Kind.BASELINE,
    )


def held(location, count: int, *, year: int = YEAR) -> list[Event]:
    start = datetime(year, 5, 4, 10, tzinfo=ZoneInfo("Europe/Oslo"))
    return [
        EventFactory(
            location=location,
            status=Event.Status.HELD,
            starts_at=start + timedelta(days=7 * index),
            ends_at=start + timedelta(days=7 * index, hours=2),
        )
        for index in range(count)
    ]


def approved_plan(location, *, year: int = YEAR) -> ActivityPlan:
    return ActivityPlanFactory(location=location, year=year, status=ActivityPlan.Status.APPROVED)


def excellent_member(location, advisor, *, events: int = 4) -> Membership:
    """A member of the region meeting every default rule in YEAR (car share 60 % → 25 %)."""
    membership = Membership.objects.create(location=location, status="active", advisor=advisor)
    baseline(location)
    survey(location, opens_on=date(YEAR, 3, 2), answered=8, invited=10, car_alone=2)
    held(location, events)
    approved_plan(location)
    return membership


def default_tiers(region, actor):
    return tiers_default_create(actor=actor, region=region)
