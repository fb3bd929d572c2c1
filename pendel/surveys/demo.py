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
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import AgeGroup, Employee
from pendel.surveys.models import Invitation, Response, ResponseChoice, Wave
from pendel.surveys.services import template_seed_standard, wave_close, wave_dispatch

DEPARTMENTS = {
    "NO": ["Produksjon", "Lager", "Kontor", "Salg"],
    "SE": ["Produktion", "Lager", "Kontor", "Försäljning"],
    "NL": ["Productie", "Magazijn", "Kantoor", "Verkoop"],
}
MODES = [
    ("drive_alone", 45),
    ("car_passenger", 8),
    ("bus", 14),
    ("train", 5),
    ("bicycle", 10),
    ("e_bike", 6),
    ("walk", 10),
    ("other", 2),
]
DISTANCE_BY_MODE = {"walk": (0.5, 3), "bicycle": (1, 10), "e_bike": (3, 18)}


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
    domain = f"demo{location.pk}.example.com"
    Employee.objects.bulk_create(
        EmployeeFactory.build(
            location=location,
            first_name=f"Demo{number}",
            last_name="Ansatt",
            email=f"ansatt{number}@{domain}",
            department=rng.choice(departments),
            age_group=rng.choice(AgeGroup.values[:5]),
        )
        for number in range(1, missing + 1)
    )


def _answer(invitation: Invitation, rng: random.Random, submitted_at) -> None:
    mode = rng.choices([m for m, _w in MODES], weights=[w for _m, w in MODES])[0]
    low, high = DISTANCE_BY_MODE.get(mode, (4, 45))
    home_days = rng.choice([0, 0, 1, 1, 2])
    days = ["home"] * home_days + [mode] * (5 - home_days)
    rng.shuffle(days)
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
        days_office=5 - home_days,
        days_home=home_days,
        days_hub=0,
        car_access=rng.choice(["always", "always", "sometimes", "never"]),
        parking=rng.choice(["free", "free", "paid", "none"]),
        willingness=rng.randint(1, 5),
        age_group=invitation.age_group,
        department=invitation.department,
        is_manager=rng.random() < 0.2,
    )
    reasons = rng.sample(["fastest", "flexible", "cheapest", "errands", "habit", "weather"], 2)
    changes = rng.sample(["cheaper_ticket", "better_transit", "e_bike_trial", "carpool"], 2)
    ticked = [("reasons", v) for v in reasons] + [("change_factors", v) for v in changes]
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
