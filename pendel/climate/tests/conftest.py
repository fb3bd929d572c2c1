"""Climate fixtures: a closed wave of a location with employees and typed answers, as the
surveys' own tests write them (pendel/surveys/tests/conftest.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pendel.surveys.models import Invitation, Wave
from pendel.surveys.services import template_seed_standard
from pendel.surveys.tests.conftest import answer, dispatch, make_employees, make_wave

WEEK = ("mode_mon", "mode_tue", "mode_wed", "mode_thu", "mode_fri")


@pytest.fixture(autouse=True)
def standard_template(db):
    return template_seed_standard()


@pytest.fixture(autouse=True)
def mail_rate(settings):
    settings.SURVEY_MAIL_PER_MINUTE = 100_000
    settings.SURVEY_MAIL_BATCH_SIZE = 500


def diary(*days: str) -> dict:
    return dict(zip(WEEK, days, strict=True))


def closed_wave(location, actor, capture, answers: list[dict], *, employees: int,
                kind=Wave.Kind.BASELINE, opened_days_ago: int = 30) -> Wave:  # fmt: skip
    """A wave sent to `employees` people, answered by the first len(answers), closed."""
    make_employees(location, employees, start=Invitation.objects.count() * 1000)
    wave = dispatch(make_wave(location, kind=kind), actor, capture)
    invitations = list(Invitation.objects.filter(wave=wave).order_by("id"))
    for invitation, columns in zip(invitations, answers, strict=False):
        answer(invitation, **columns)
    today = timezone.localdate()
    Wave.objects.filter(pk=wave.pk).update(
        opens_on=today - timedelta(days=opened_days_ago),
        closes_on=today - timedelta(days=opened_days_ago - 14),
        closed_at=timezone.now(),
    )
    wave.refresh_from_db()
    return wave
