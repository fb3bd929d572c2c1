"""Idle and absolute session timeouts; passwords of at least 12 characters, not common."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from pendel.accounts.factories import PASSWORD

START = timezone.now().replace(microsecond=0)


def at(minutes: float):
    return freeze_time(START + timedelta(minutes=minutes))


def logged_out(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse(settings.LOGIN_URL)
    )


def test_a_staff_session_ends_after_thirty_idle_minutes(client, world):
    with at(0):
        client.force_login(world.advisor)
    with at(29):
        assert client.get(reverse("staff:home")).status_code == 200
    with at(58):
        assert client.get(reverse("staff:home")).status_code == 200
    with at(89):
        assert logged_out(client.get(reverse("staff:home")))
    with at(90):
        assert logged_out(client.get(reverse("staff:home")))


def test_a_contact_persons_session_lasts_two_idle_hours(client, world):
    with at(0):
        client.force_login(world.contact)
    with at(119):
        assert client.get(reverse("company:home")).status_code == 200
    with at(119 + 121):
        assert logged_out(client.get(reverse("company:home")))


def test_a_busy_session_still_ends_twelve_hours_after_the_login(client, world):
    with at(0):
        client.force_login(world.contact)
    minute = 0
    while minute < 12 * 60 - 20:
        minute += 20
        with at(minute):
            assert client.get(reverse("company:home")).status_code == 200, minute
    with at(12 * 60 + 1):
        assert logged_out(client.get(reverse("company:home")))


@pytest.mark.parametrize(
    "new_password",
    ["Kort-ord-11", "qwerty123456", "123456789012"],
    ids=["11 characters", "common", "digits only"],
)
def test_a_short_or_common_password_is_refused(client, world, new_password):
    client.force_login(world.contact)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    world.contact.refresh_from_db()
    assert world.contact.check_password(PASSWORD)


def test_a_password_of_twelve_characters_is_accepted(client, world):
    client.force_login(world.contact)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Fjord-Sild12",
            "new_password2": "Fjord-Sild12",
        },
    )
    assert response.status_code == 302
