"""The event pages, with an outsider and with Mari (staff in Nedre Glomma, contact person of
Sandnes Sykkel in Nord-Jæren): each sees only their own portal's events."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pendel.activities.factories import PlannedActivityFactory
from pendel.activities.models import Event, SignUp
from pendel.activities.tests.events_builders import baseline, bike_check, event_for, sign_up


@pytest.fixture
def events(world, django_capture_on_commit_callbacks):
    kind = bike_check()
    made = {
        "A": event_for(world.location, activity_type=kind, signup_code="a"),
        "B": event_for(world.other_location, activity_type=kind, signup_code="b"),
        "C": event_for(world.third_location, activity_type=kind, signup_code="c"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(made["C"], 1, consent=True)
        sign_up(made["A"], 2, consent=True)
    return made


def page(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(name, args=args), HTTP_ACCEPT_LANGUAGE="en")


def test_staff_see_their_regions_events_only(client, world, events):
    listed = page(client, world.advisor, "staff:event_list").content.decode()
    assert reverse("staff:event_detail", args=[events["A"].pk]) in listed
    assert reverse("staff:event_detail", args=[events["B"].pk]) not in listed
    assert page(client, world.advisor, "staff:event_detail", events["B"].pk).status_code == 404
    assert (
        page(client, world.other_advisor, "staff:event_detail", events["A"].pk).status_code == 404
    )


def test_mari_sees_region_events_as_staff_and_her_company_on_min_side(client, world, events):
    mari = world.staff_and_contact
    assert page(client, mari, "staff:event_detail", events["A"].pk).status_code == 200
    assert page(client, mari, "staff:event_detail", events["C"].pk).status_code == 404
    assert page(client, mari, "company:event_detail", events["A"].pk).status_code == 404
    own = page(client, mari, "company:event_detail", events["C"].pk)
    assert own.status_code == 200
    text = own.content.decode()
    assert "Ansatt 1" in text  # the company's own employee, by name
    assert "ansatt1@example.com" not in text  # the address stays with the programme
    assert "/activities/c/" in text  # the sign-up link to share
    listed = page(client, mari, "company:event_list").content.decode()
    assert reverse("company:event_detail", args=[events["C"].pk]) in listed
    assert reverse("company:event_detail", args=[events["A"].pk]) not in listed


def test_staff_see_the_address_of_those_who_agreed(client, world, events):
    text = page(client, world.advisor, "staff:event_detail", events["A"].pk).content.decode()
    assert "Ansatt 2" in text and "ansatt2@example.com" in text


def test_the_contact_person_toggles_photo_consent(client, world, events):
    client.force_login(world.contact)
    url = reverse("company:event_photo_consent", args=[events["A"].pk])
    client.post(url, {"photo_consent": "on"})
    assert Event.objects.get(pk=events["A"].pk).photo_consent is True
    client.post(url, {})
    assert Event.objects.get(pk=events["A"].pk).photo_consent is False
    client.force_login(world.other_contact)
    assert client.post(url, {"photo_consent": "on"}).status_code == 404
    assert Event.objects.get(pk=events["A"].pk).photo_consent is False


def test_the_schedule_page_says_why_not_yet_and_refuses(client, world):
    line = PlannedActivityFactory(plan__location=world.location, activity_type=bike_check())
    baseline(world.location, closed=False, closes_in_days=4)
    client.force_login(world.advisor)
    url = reverse("staff:event_schedule") + f"?planned={line.pk}"
    shown = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The baseline survey of" in shown and "closes on" in shown
    day = (timezone.localdate() + timedelta(days=30)).isoformat()
    data = {"planned": line.pk, "day": day, "starts": "10:00", "ends": "12:00", "place": "Kantina"}
    refused = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    assert "closes on" in refused.content.decode()
    assert not Event.objects.exists()


def test_the_schedule_page_schedules_from_the_plan(client, world):
    line = PlannedActivityFactory(plan__location=world.location, activity_type=bike_check())
    baseline(world.location)
    client.force_login(world.advisor)
    day = (timezone.localdate() + timedelta(days=30)).isoformat()
    data = {
        "planned": line.pk,
        "day": day,
        "starts": "10:00",
        "ends": "12:00",
        "place": "Kantina",
        "advisors": [world.advisor.pk],
    }
    response = client.post(reverse("staff:event_schedule"), data)
    event = Event.objects.get()
    assert response["Location"] == reverse("staff:event_detail", args=[event.pk])
    assert event.capacity == 10  # the type's capacity by default
    line.refresh_from_db()
    assert line.status == "scheduled"


def test_a_line_of_another_region_cannot_be_chosen(client, world):
    line = PlannedActivityFactory(plan__location=world.other_location)
    client.force_login(world.advisor)
    day = (timezone.localdate() + timedelta(days=30)).isoformat()
    data = {"planned": line.pk, "day": day, "starts": "10:00", "ends": "12:00", "place": "X"}
    assert client.post(reverse("staff:event_schedule"), data).status_code == 400
    assert not Event.objects.exists()


def test_cancel_and_attendance_pages(client, world, events, django_capture_on_commit_callbacks):
    client.force_login(world.advisor)
    event = events["A"]
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    signup = SignUp.objects.get(event=event)
    url = reverse("staff:event_attendance", args=[event.pk])
    client.post(url, {"attended": [signup.pk], "walk_ins": 4, "outcome_note": "Bra"})
    event.refresh_from_db()
    assert (event.walk_ins, event.outcome_note) == (4, "Bra")
    client.post(reverse("staff:event_held", args=[event.pk]))
    assert Event.objects.get(pk=event.pk).status == "held"
    other = events["C"]
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("staff:event_cancel", args=[other.pk]), {"reason": "Sykdom"})
    assert Event.objects.get(pk=other.pk).status == "cancelled"


def test_the_list_filters_past_and_status(client, world, events):
    Event.objects.filter(pk=events["A"].pk).update(
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=3) + timedelta(hours=1),
        status="held",
    )
    client.force_login(world.advisor)
    url = reverse("staff:event_list")
    upcoming = client.get(url).content.decode()
    past = client.get(url, {"when": "past", "status": "held"}).content.decode()
    detail = reverse("staff:event_detail", args=[events["A"].pk])
    assert detail not in upcoming and detail in past
    assert detail not in client.get(url, {"when": "past", "status": "cancelled"}).content.decode()


def test_an_event_made_without_a_sign_up_code_shows_no_link(client, world):
    event = event_for(world.location, signup_code=None)
    response = page(client, world.advisor, "staff:event_detail", event.pk)
    assert response.status_code == 200
    assert "Sign-up is closed for this activity." in response.content.decode()
