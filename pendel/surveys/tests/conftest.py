"""Survey fixtures: the standard template, employees made in bulk, waves in each state,
and answers written straight into the typed columns for the results tests."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pendel.companies.models import Membership
from pendel.core.dates import region_today
from pendel.employees.models import Employee
from pendel.surveys.models import Invitation, Response, ResponseChoice, Wave
from pendel.surveys.services import template_seed_standard, wave_dispatch
from pendel.surveys.tests.helpers import with_mailed_tokens


@pytest.fixture(autouse=True)
def standard_template(db):
    return template_seed_standard()


@pytest.fixture(autouse=True)
def mail_rate(settings):
    settings.SURVEY_MAIL_PER_MINUTE = 100_000
    settings.SURVEY_MAIL_BATCH_SIZE = 500


def make_employees(location, count: int, *, start: int = 0, **fields) -> list[Employee]:
    domain = location.organisation.name.split()[0].lower()
    return Employee.objects.bulk_create(
        Employee(
            location=location,
            first_name=f"Person{start + i}",
            last_name="Test",
            email=f"person{start + i}@{domain}.example.com",
            **fields,
        )
        for i in range(count)
    )


def make_wave(location, *, kind=Wave.Kind.BASELINE, days_open=14, **fields) -> Wave:
    today = region_today(location.region)
    defaults = {
        "opens_on": today,
        "closes_on": today + timedelta(days=days_open),
        "reminder_1_on": today + timedelta(days=3),
        "reminder_2_on": today + timedelta(days=7),
    }
    return Wave.objects.create(location=location, kind=kind, **{**defaults, **fields})


def dispatch(wave, actor, django_capture_on_commit_callbacks) -> Wave:
    with django_capture_on_commit_callbacks(execute=True):
        wave_dispatch(wave=wave, actor=actor)
    wave.refresh_from_db()
    return wave


def move_dates(wave, days: int) -> Wave:
    """Shift a wave into the past (negative days), as if time had passed."""
    shifted = {
        name: getattr(wave, name) + timedelta(days=days)
        for name in ("opens_on", "closes_on", "reminder_1_on", "reminder_2_on", "reminder_3_on")
        if getattr(wave, name)
    }
    Wave.objects.filter(pk=wave.pk).update(**shifted)
    wave.refresh_from_db()
    return wave


def answer(invitation: Invitation, *, choices=None, **columns) -> Response:
    """A submitted response with the given typed answers."""
    defaults = {"main_mode": "bus", "days_office": 5, "days_home": 0, "days_hub": 0}
    now = timezone.now()
    response = Response.objects.create(
        invitation=invitation,
        wave_id=invitation.wave_id,
        location_id=invitation.location_id,
        submitted_at=now,
        last_step=6,
        **{**defaults, **columns},
    )
    for question, values in (choices or {}).items():
        ResponseChoice.objects.bulk_create(
            ResponseChoice(
                response=response,
                wave_id=response.wave_id,
                submitted=True,
                question=question,
                value=v,
            )
            for v in values
        )
    Invitation.objects.filter(pk=invitation.pk).update(answered_at=now)
    return response


@pytest.fixture
def membership(world):
    return Membership.objects.create(
        location=world.location,
        status="active",
        agreement_signed_by="Kari",
        agreement_signed_on=timezone.localdate(),
    )


@pytest.fixture
def employees(world):
    """Ten employees who chose English, so that pages read the same before and after the
    translations are compiled."""
    return make_employees(world.location, 10, department="Lager", age_group="35_44", language="en")


@pytest.fixture
def wave(world):
    return make_wave(world.location)


@pytest.fixture
def sent_wave(world, wave, employees, django_capture_on_commit_callbacks):
    return dispatch(wave, world.advisor, django_capture_on_commit_callbacks)


@pytest.fixture
def other_wave(world, django_capture_on_commit_callbacks):
    """The outsider's dispatched wave, in the other region."""
    make_employees(world.other_location, 6)
    wave = make_wave(world.other_location)
    return dispatch(wave, world.other_advisor, django_capture_on_commit_callbacks)


@pytest.fixture
def invitations(sent_wave):
    """The sent wave's invitations, each with the token of the link mailed to it (`token`,
    in memory only: the database keeps its hash)."""
    return with_mailed_tokens(Invitation.objects.filter(wave=sent_wave).order_by("id"))


# Departments of the results fixture: (department, age group, answers as (mode, manager)).
RESULT_GROUPS = [
    (
        "Lager",
        "35_44",
        [("drive_alone", False)] * 2
        + [("bus", True)]
        + [("bus", False)] * 3
        + [("bicycle", False)] * 2,
    ),
    (
        "Salg",
        "25_34",
        [("drive_alone", True)] + [("drive_alone", False)] * 2 + [("walk", False)] * 3,
    ),
    ("Kontor", "55_64", [("drive_alone", True)] * 4),
]


@pytest.fixture
def results_wave(world, django_capture_on_commit_callbacks):
    """18 answers of 20 invited: Lager 8, Salg 6 and Kontor 4 (the group of four, who all
    drive alone and all manage people)."""
    start = 0
    for department, _age_group, answers in RESULT_GROUPS:
        make_employees(
            world.location, len(answers), start=start, department=department, language="en"
        )
        start += len(answers)
    make_employees(world.location, 2, start=900, language="en")
    wave = dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)
    invitations = iter(Invitation.objects.filter(wave=wave).order_by("id"))
    distances = iter([1, 3, 4, 7, 8, 12, 15, 25, 30, 60, 1.5, 2, 9, 11, 18, 22, 40, 55])
    for department, age_group, answers in RESULT_GROUPS:
        for mode, manager in answers:
            answer(
                next(invitations),
                main_mode=mode,
                department=department,
                age_group=age_group,
                is_manager=manager,
                distance_km=next(distances),
                days_office=3,
                days_home=2,
                mode_mon=mode,
                mode_fri="home",
                choices={"reasons": ["fastest"]},
            )
    return close(wave)


def close(wave: Wave) -> Wave:
    """Mark the wave closed (results of an open wave are withheld)."""
    Wave.objects.filter(pk=wave.pk).update(closed_at=timezone.now())
    wave.refresh_from_db()
    return wave
