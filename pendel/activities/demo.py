"""Demo activities, for `seed_demo` to call after the companies exist (and their employees).

Per demo region (the regions with a demo advisor): the region's rules; a plan for this year
for every open member but the last (approved, sent, approved…; the last has none); and
events: one held three weeks ago with attendance and an outcome note, one in a few days
that is full with two on its waiting list, one cancelled, and one open to every member.
Texts are in the region's language.

Idempotent: the national activity types are found by code, the rules and plans by region,
location and year, and a region that has any event gets no new ones."""

from datetime import datetime, time, timedelta
from importlib import import_module
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from pendel.accounts.models import User
from pendel.activities.models import (
    ActivityPlan,
    ActivityRules,
    ActivityType,
    Event,
    Goal,
    PlannedActivity,
    SignUp,
)
from pendel.companies.models import Membership
from pendel.companies.selectors import OPEN_STATUSES
from pendel.core.dates import region_today
from pendel.core.tokens import new_token, token_hash
from pendel.regions.models import Region

CATALOGUE_MIGRATION = "pendel.activities.migrations.0002_h15plans_national_catalogue"
DUAL_ROLE = "mari.dahl@pendel.demo"  # pendel/portal/demo.py's advisor who is contact too

# code: (goal, minutes, capacity, is_survey, names, month in the plan)
TYPES = {
    "travel-survey": (
        Goal.INFORM,
        30,
        None,
        True,
        {
            "nb": "Reisevaneundersøkelse",
            "en": "Travel survey",
            "sv": "Resvaneundersökning",
            "nl": "Mobiliteitsonderzoek",
        },
        2,
    ),
    "bike-check": (
        Goal.FACILITATE,
        180,
        10,
        False,
        {"nb": "Sykkelsjekk", "en": "Bike check", "sv": "Cykelservice", "nl": "Fietscheck"},
        5,
    ),
    "ebike-trial": (
        Goal.MOTIVATE,
        240,
        20,
        False,
        {
            "nb": "Smaksprøver på elsykler",
            "en": "E-bike trial",
            "sv": "Prova elcykel",
            "nl": "Proefrit op een e-bike",
        },
        6,
    ),
    "mobility-talk": (
        Goal.INFORM,
        60,
        40,
        False,
        {
            "nb": "Foredrag om reisevaner",
            "en": "Mobility talk",
            "sv": "Föredrag om resvanor",
            "nl": "Lezing over woon-werkverkeer",
        },
        9,
    ),
}
TEXTS = {
    "place": {"nb": "Kantina", "sv": "Personalmatsalen", "nl": "Bedrijfsrestaurant"},
    "open_place": {"nb": "Torget", "sv": "Stortorget", "nl": "Stationsplein"},
    "outcome": {
        "nb": "Godt oppmøte. Mange spurte om sykkelparkering under tak.",
        "sv": "Bra uppslutning. Många frågade om cykelparkering under tak.",
        "nl": "Goede opkomst. Veel vragen over overdekte fietsenstalling.",
    },
    "cancelled": {
        "nb": "Avlyst på grunn av sykdom; ny dato avtales.",
        "sv": "Inställt på grund av sjukdom; nytt datum bestäms.",
        "nl": "Afgelast wegens ziekte; een nieuwe datum volgt.",
    },
}


def _text(key: str, language: str) -> str:
    return TEXTS[key].get(language) or TEXTS[key]["nb"]


def _types() -> dict[str, ActivityType]:
    """The national types the demo uses: the catalogue's data migration's rows (seeded again
    here so that its links to catalogue products, made after the migration, are filled in)."""
    import_module(CATALOGUE_MIGRATION).seed_national_types(apps)
    types = {}
    for order, (code, (goal, minutes, capacity, survey, names, _month)) in enumerate(TYPES.items()):
        types[code], _made = ActivityType.objects.get_or_create(
            code=code,
            region=None,
            defaults={
                "name": names,
                "description": names,
                "goal": goal,
                "duration_minutes": minutes,
                "capacity": capacity,
                "is_survey": survey,
                "sort_order": 10 * (order + 1),
            },
        )
    return types


def _plan(membership, year: int, status: str, types, advisor) -> ActivityPlan:
    plan, made = ActivityPlan.objects.get_or_create(
        location=membership.location, year=year, defaults={"status": status}
    )
    if made:
        now = timezone.now()
        plan.submitted_at, plan.submitted_by = now - timedelta(days=40), None
        if status == ActivityPlan.Status.APPROVED:
            plan.approved_at, plan.approved_by = now - timedelta(days=30), advisor
        plan.save()
        PlannedActivity.objects.bulk_create(
            PlannedActivity(
                plan=plan,
                activity_type=kind,
                month=TYPES[code][5],
                status=PlannedActivity.Status.HELD if code == "travel-survey" else "proposed",
            )
            for code, kind in types.items()
        )
    return plan


def _at(region: Region, days: int, hour: int = 10) -> datetime:
    day = region_today(region) + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(region.time_zone))


def _event(region, *, location, kind, days, advisors, line=None, **values) -> Event:
    starts = _at(region, days)
    values.setdefault("capacity", kind.capacity)
    event = Event.objects.create(
        region=region,
        location=location,
        planned=line,
        activity_type=kind,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=kind.duration_minutes),
        signup_code=new_token(),
        **values,
    )
    event.advisors.set(advisors)
    if line is not None:
        status = {"held": "held", "cancelled": "proposed"}.get(event.status, "scheduled")
        PlannedActivity.objects.filter(pk=line.pk).update(status=status)
    return event


def _signups(event: Event, people, *, confirmed: int, waiting: int = 0, attended=None):
    rows = []
    for index, person in enumerate(people[: confirmed + waiting]):
        status = SignUp.Status.CONFIRMED if index < confirmed else SignUp.Status.WAITING
        rows.append(
            SignUp(
                event=event,
                name=f"{person.first_name} {person.last_name}",
                email=person.email,
                consent_contact=index % 3 != 0,
                status=status,
                cancel_token_hash=token_hash(new_token()),
                confirmation_sent_at=timezone.now(),
                attended=None if attended is None else index < attended,
            )
        )
    SignUp.objects.bulk_create(rows)


def _events(region, members, plans, types, advisors) -> None:
    language = region.default_language
    first, second = members[0], members[1]
    place = _text("place", language)
    plan_lines = plans[0].lines.select_related("activity_type")
    lines = {line.activity_type.code: line for line in plan_lines}
    people = list(first.location.employees.order_by("pk")[:12])
    held = _event(
        region,
        location=first.location,
        kind=types["bike-check"],
        days=-21,
        advisors=advisors,
        line=lines["bike-check"],
        place=place,
        status=Event.Status.HELD,
        walk_ins=2,
        outcome_note=_text("outcome", language),
        held_recorded_at=timezone.now() - timedelta(days=20),
    )
    _signups(held, people, confirmed=8, attended=6)
    full = _event(
        region,
        location=first.location,
        kind=types["ebike-trial"],
        days=3,
        advisors=advisors,
        line=lines["ebike-trial"],
        place=place,
        capacity=10,
    )
    _signups(full, people, confirmed=10, waiting=2)
    _event(
        region,
        location=second.location,
        kind=types["mobility-talk"],
        days=10,
        advisors=advisors[:1],
        place=place,
        status=Event.Status.CANCELLED,
        cancelled_reason=_text("cancelled", language),
    )
    _event(
        region,
        location=None,
        kind=types["ebike-trial"],
        days=16,
        advisors=advisors[:1],
        place=_text("open_place", language),
    )


def _members(region: Region) -> list[Membership]:
    return list(
        Membership.objects.filter(location__region=region, status__in=OPEN_STATUSES)
        .select_related("location")
        .order_by("pk")
    )


@transaction.atomic
def seed_demo_activities() -> None:
    types = _types()
    dual_role = User.objects.filter(email=DUAL_ROLE).first()
    for region in Region.objects.order_by("pk"):
        advisor = User.objects.filter(email=f"advisor.{region.slug}@pendel.demo").first()
        members = _members(region)
        if advisor is None or len(members) < 2:
            continue
        ActivityRules.objects.get_or_create(region=region)
        year = region_today(region).year
        statuses = ["approved", "submitted"]
        plans = [
            _plan(m, year, statuses[index % 2], types, advisor)
            for index, m in enumerate(members[:-1])
        ]
        if Event.objects.filter(region=region).exists():
            continue
        advisors = [advisor]
        if dual_role and dual_role.roles.filter(region=region).exists():
            advisors.append(dual_role)
        _events(region, members, plans, types, advisors)
