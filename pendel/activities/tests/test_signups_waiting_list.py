"""A bike check with ten places: the eleventh person lands on the waiting list and gets the
place when someone cancels, with the mails each of them would notice."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pendel.activities.models import Event, SignUp
from pendel.activities.signups import signup_cancel, signup_for_token
from pendel.activities.signups_counts import waiting_position
from pendel.activities.tests.events_builders import event_for, sign_up

LINK = re.compile(r"http://\S+/activities/cancel/([\w-]+)/")


def cancel_token(message) -> str:
    return LINK.search(message.body).group(1)


@pytest.fixture
def event(world):
    return event_for(world.location)


def test_the_eleventh_waits_and_moves_up_when_someone_cancels(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        people = [sign_up(event, n) for n in range(1, 12)]
    assert [p.status for p in people[:10]] == ["confirmed"] * 10
    eleventh = people[10]
    assert eleventh.status == "waiting"
    assert waiting_position(eleventh) == 1
    assert len(mailoutbox) == 11
    assert mailoutbox[0].subject.startswith("Du har plass: Sykkelsjekk")
    assert "nummer 1 på ventelisten" in mailoutbox[10].body

    third = signup_for_token(cancel_token(mailoutbox[2]))
    assert third.pk == people[2].pk
    with django_capture_on_commit_callbacks(execute=True):
        promoted = signup_cancel(signup=third)

    assert promoted.pk == eleventh.pk
    eleventh.refresh_from_db()
    assert eleventh.status == "confirmed" and eleventh.promoted_at is not None
    assert SignUp.objects.filter(event=event, status="confirmed").count() == 10
    assert mailoutbox[-1].to == ["ansatt11@example.com"]
    assert mailoutbox[-1].subject.startswith("Du har fått plass: Sykkelsjekk")
    assert LINK.search(mailoutbox[-1].body)  # their own cancel link


def test_cancelling_twice_gives_the_place_away_once(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        people = [sign_up(event, n) for n in range(1, 13)]
        signup_cancel(signup=people[0])
        signup_cancel(signup=people[0])
    statuses = dict(SignUp.objects.filter(event=event).values_list("email", "status"))
    assert statuses["ansatt11@example.com"] == "confirmed"
    assert statuses["ansatt12@example.com"] == "waiting"
    assert SignUp.objects.filter(event=event, status="confirmed").count() == 10


def test_the_same_email_again_gets_the_place_it_has(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = sign_up(event, 1)
        again = sign_up(event, 1)
    assert again.pk == first.pk
    assert SignUp.objects.filter(event=event).count() == 1


def test_the_waiting_list_mail_tells_the_number(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    small = event_for(world.location, capacity=1, signup_code="small")
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(small, 1, language="en")
        sign_up(small, 2, language="en")
        sign_up(small, 3, language="en")
    assert mailoutbox[0].subject.startswith("You have a place: Bike check on ")
    assert "You are number 2 on the waiting list." in mailoutbox[2].body


# --- the public page -----------------------------------------------------------------------
def signup_url(event) -> str:
    return reverse("portal:event_signup", args=[event.signup_code])


def post(client, event, number, **extra):
    data = {"name": f"Ansatt {number}", "email": f"ansatt{number}@example.com", **extra}
    return client.post(signup_url(event), data, HTTP_ACCEPT_LANGUAGE="en")


def test_the_public_page_signs_up_without_a_login(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    page = client.get(signup_url(event), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert "10 places left" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, event, 1, consent_contact="on")
    assert response.status_code == 302
    result = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert "You have a place" in result.content.decode()
    signup = SignUp.objects.get(event=event)
    assert (signup.consent_contact, signup.language) == (True, "en")
    assert mailoutbox[0].to == ["ansatt1@example.com"]


def test_the_eleventh_on_the_public_page_reads_their_number(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(1, 11):
            sign_up(event, number)
    page = client.get(signup_url(event), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Full – you can join the waiting list" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, event, 11)
    result = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "You are number 1 on the waiting list" in result


def test_the_cancel_page_asks_first_then_gives_the_place_on(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(1, 12):
            sign_up(event, number, language="en")
    url = reverse("portal:signup_cancel", args=[cancel_token(mailoutbox[0])])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert "Yes, cancel" in page.content.decode()
    assert SignUp.objects.filter(status="cancelled").count() == 0  # a GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, HTTP_ACCEPT_LANGUAGE="en")
    done = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Your sign-up is cancelled" in done
    assert SignUp.objects.get(email="ansatt11@example.com").status == "confirmed"
    assert mailoutbox[-1].subject.startswith("You have a place now")


def test_an_unknown_code_or_token_is_not_found(client, event):
    assert client.get(reverse("portal:event_signup", args=["nope"])).status_code == 404
    assert client.get(reverse("portal:signup_cancel", args=["nope"])).status_code == 404


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": Event.Status.CANCELLED}, "This activity has been cancelled."),
        ({"signup_open": False}, "Sign-up for this activity is closed."),
        ("past", "This activity has already taken place."),
    ],
)
def test_a_closed_cancelled_or_past_event_says_so_and_takes_nobody(client, event, change, message):
    if change == "past":
        start = timezone.now() - timedelta(days=1)
        change = {"starts_at": start, "ends_at": start + timedelta(hours=1)}
    Event.objects.filter(pk=event.pk).update(**change)
    page = client.get(signup_url(event), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert message in page
    assert "Sign up</button>" not in page and "waiting list</button>" not in page
    response = post(client, event, 1)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SignUp.objects.exists()


def test_bad_input_is_explained_and_nothing_saved(client, event):
    response = client.post(signup_url(event), {"name": " ", "email": "not-an-address"})
    assert response.status_code == 400
    assert not SignUp.objects.exists()


def test_the_public_form_is_rate_limited(client, event, settings):
    for number in range(20):
        post(client, event, number)
    response = post(client, event, 99)
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    assert not SignUp.objects.filter(email="ansatt99@example.com").exists()
