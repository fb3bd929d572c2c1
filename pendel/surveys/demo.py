"""Demo surveys, for `seed_demo` (the portal's demo data) to call after the companies exist.

`seed_demo_surveys()` gives one member company a closed baseline survey answered by 77 % of
its employees (23 of 30 when it has no list yet, which this then makes), so the results,
charts and exports show real figures and an active membership becomes qualified; and a
second company a survey that is open now, with a few answers, whose links in the outbox can
be followed. Idempotent: once any survey exists, it does nothing."""

import math
import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from pendel.companies.models import Location, MembershipStatus
from pendel.core.dates import region_today
from pendel.employees.factories import EmployeeFactory, demo_employee_rows
from pendel.employees.models import AgeGroup, Employee
from pendel.surveys.models import Invitation, Response, ResponseChoice, Wave
from pendel.surveys.services import template_seed_standard, wave_close, wave_dispatch

DEPARTMENTS = {
    "NO": ["Produksjon", "Lager", "Kontor", "Salg"],
    "SE": ["Produktion", "Lager", "Kontor", "Försäljning"],
    "NL": ["Productie", "Magazijn", "Kantoor", "Verkoop"],
}
# Main modes to work at a mid-sized Norwegian, Swedish or Dutch workplace outside the big
# cities (weights in percent, after the national travel surveys' shares for commuting).
MODES = [
    ("drive_alone", 42),
    ("car_passenger", 7),
    ("bus", 13),
    ("tram_metro", 2),
    ("train", 6),
    ("ferry", 2),
    ("bicycle", 10),
    ("e_bike", 7),
    ("walk", 7),
    ("e_scooter", 2),
    ("motorcycle", 1),
    ("other", 1),
]
DISTANCE_BY_MODE = {
    "walk": (0.4, 3),
    "bicycle": (1, 12),
    "e_bike": (3, 22),
    "e_scooter": (0.8, 6),
    "train": (8, 70),
    "ferry": (3, 25),
}
CAR_MODES = {"drive_alone", "car_passenger", "motorcycle"}
ACTIVE_MODES = {"bicycle", "e_bike", "walk", "e_scooter"}
# Why people travel the way they do, and what would make them change: weights by kind of
# mode, so that a driver gives a driver's reasons and a cyclist a cyclist's.
REASONS = {
    "car": {
        "fastest": 30,
        "flexible": 25,
        "errands": 20,
        "car_at_work": 10,
        "poor_transit": 20,
        "comfort": 10,
        "habit": 10,
        "weather": 5,
        "safety": 3,
        "other": 2,
    },
    "active": {
        "exercise": 35,
        "environment": 20,
        "cheapest": 20,
        "fastest": 15,
        "flexible": 10,
        "habit": 5,
        "other": 2,
    },
    "transit": {
        "cheapest": 25,
        "environment": 20,
        "comfort": 10,
        "fastest": 10,
        "safety": 5,
        "habit": 10,
        "weather": 10,
        "other": 2,
    },
}
CHANGES = {
    "car": {
        "cheaper_ticket": 25,
        "better_transit": 30,
        "carpool": 15,
        "e_bike_trial": 12,
        "flexible_hours": 12,
        "home_office": 10,
        "paid_parking": 4,
        "nothing": 15,
        "other": 2,
    },
    "active": {
        "bike_facilities": 40,
        "e_bike_trial": 10,
        "flexible_hours": 10,
        "nothing": 20,
        "other": 3,
    },
    "transit": {
        "cheaper_ticket": 35,
        "better_transit": 30,
        "flexible_hours": 10,
        "home_office": 10,
        "bike_facilities": 8,
        "nothing": 10,
        "other": 2,
    },
}


def _kind(mode: str) -> str:
    return "car" if mode in CAR_MODES else "active" if mode in ACTIVE_MODES else "transit"


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _some(rng: random.Random, weights: dict, most: int) -> list[str]:
    """One to `most` different options, drawn by weight."""
    picked = []
    for _turn in range(rng.randint(1, most)):
        left = {k: w for k, w in weights.items() if k not in picked}
        picked.append(_weighted(rng, left))
    return picked


def _week(rng: random.Random, mode: str) -> list[str]:
    """Last week's five days: mostly the main mode; some days at home, a day off now and
    then, rarely a hub, and a cyclist who took the bus on a wet day."""
    home_days = rng.choices([0, 1, 2, 3], weights=[45, 30, 20, 5])[0]
    days = ["home"] * home_days + [mode] * (5 - home_days)
    if rng.random() < 0.15:
        days[-1] = "off"
    if rng.random() < 0.05:
        days[0] = "hub"
    if mode in ACTIVE_MODES and rng.random() < 0.35:
        days[-2] = rng.choice(["bus", "car_passenger"])
    rng.shuffle(days)
    return days


def _open_member_locations():
    return (
        Location.objects.filter(
            memberships__status__in=[MembershipStatus.ACTIVE, MembershipStatus.APPROVED]
        )
        .select_related("region__country", "organisation")
        .order_by("id")
        .distinct()
    )


def _ensure_employees(location: Location, count: int, rng: random.Random) -> None:
    missing = (
        count
        - Employee.objects.active(on=region_today(location.region))
        .filter(location=location)
        .exclude(email="")
        .count()
    )
    if missing <= 0:
        return
    departments = DEPARTMENTS.get(location.region.country_id, DEPARTMENTS["NO"])
    rows = demo_employee_rows(location, missing, seed=f"survey-{location.pk}")
    Employee.objects.bulk_create(
        EmployeeFactory.build(
            location=location,
            department=rng.choice(departments),
            age_group=rng.choice(AgeGroup.values[:5]),
            **row,
        )
        for row in rows
    )


def _answer(invitation: Invitation, rng: random.Random, submitted_at) -> None:
    mode = _weighted(rng, dict(MODES))
    low, high = DISTANCE_BY_MODE.get(mode, (3, 45))
    if mode in CAR_MODES and rng.random() < 0.08:
        low, high = 50, 85  # a long drive from the next valley
    days = _week(rng, mode)
    kind = _kind(mode)
    licence = {"always": 55, "sometimes": 25, "never": 12, "no_licence": 8}
    car_access = "always" if mode == "drive_alone" else _weighted(rng, licence)
    response = Response.objects.create(
        invitation=invitation,
        wave_id=invitation.wave_id,
        location_id=invitation.location_id,
        submitted_at=submitted_at,
        last_step=6,
        main_mode=mode,
        distance_km=round(rng.uniform(low, high), 1),
        mode_mon=days[0],
        mode_tue=days[1],
        mode_wed=days[2],
        mode_thu=days[3],
        mode_fri=days[4],
        days_office=sum(day not in {"home", "hub", "off"} for day in days),
        days_home=days.count("home"),
        days_hub=days.count("hub"),
        car_access=car_access,
        parking=_weighted(rng, {"free": 55, "paid": 18, "none": 12, "unknown": 15}),
        willingness=_weighted(rng, {1: 15, 2: 20, 3: 30, 4: 22, 5: 13}),
        age_group=invitation.age_group,
        department=invitation.department,
        is_manager=rng.random() < 0.2,
    )
    ticked = [("reasons", v) for v in _some(rng, REASONS[kind], 3)]
    changes = _some(rng, CHANGES[kind], 3)
    ticked += [("change_factors", v) for v in (["nothing"] if "nothing" in changes else changes)]
    ResponseChoice.objects.bulk_create(
        ResponseChoice(
            response=response, wave_id=response.wave_id, submitted=True, question=q, value=v
        )
        for q, v in ticked
    )
    Invitation.objects.filter(pk=invitation.pk).update(answered_at=submitted_at)


def _survey(location: Location, *, employees: int, answer_share: float, closed: bool, seed: int):
    rng = random.Random(seed)
    _ensure_employees(location, employees, rng)
    today = region_today(location.region)
    wave = Wave.objects.create(
        location=location,
        kind=Wave.Kind.BASELINE,
        opens_on=today,
        closes_on=today + timedelta(days=21),
        reminder_1_on=today + timedelta(days=7),
        reminder_2_on=today + timedelta(days=14),
    )
    invited = wave_dispatch(wave=wave, actor=None)
    now = timezone.now()
    answers = math.ceil(invited * answer_share)
    for invitation in Invitation.objects.filter(wave=wave).order_by("id")[:answers]:
        _answer(invitation, rng, now)
    if closed:
        shift = timedelta(days=30)
        Wave.objects.filter(pk=wave.pk).update(
            opens_on=today - shift,
            closes_on=today - timedelta(days=2),
            reminder_1_on=today - shift + timedelta(days=7),
            reminder_2_on=today - shift + timedelta(days=14),
        )
        Invitation.objects.filter(wave=wave).update(sent_at=now - shift)
        wave_close(wave=Wave.objects.get(pk=wave.pk), actor=None)
    return Wave.objects.get(pk=wave.pk)


@transaction.atomic
def seed_demo_surveys() -> list[Wave]:
    """The demo's surveys; returns the waves it made (none when they exist already)."""
    template_seed_standard()
    if Wave.objects.exists():
        return []
    locations = list(_open_member_locations()[:2])
    waves = []
    plans = [
        # 30 employees, 23 answers (77 %): above the 75 % a baseline needs.
        {"employees": 30, "answer_share": 0.766, "closed": True, "seed": 23},
        {"employees": 12, "answer_share": 0.3, "closed": False, "seed": 4},
    ]
    for location, plan in zip(locations, plans, strict=False):
        waves.append(_survey(location, **plan))
    return waves
