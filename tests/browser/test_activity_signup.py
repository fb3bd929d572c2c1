"""A bike check with ten places, signed up for through the public page on a phone without
JavaScript: the eleventh lands on the waiting list, one of the ten cancels from the link in
their mail, and the eleventh gets the place (and a mail saying so). Then axe over every page
of events and sign-ups, on a phone, and scheduling before the baseline closed is refused
with the reason."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.activities.models import SignUp
from pendel.activities.tests.events_builders import baseline, bike_check, event_for
from tests.browser.conftest import assert_accessible, assert_fits_the_screen, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CANCEL_LINK = re.compile(r"http://\S+(/activities/cancel/[\w-]+/)")
PHONE = {"width": 375, "height": 740}


def cancel_path(message) -> str:
    return CANCEL_LINK.search(message.body).group(1)


def sign_up(page, code: str, number: int, button: str) -> None:
    page.goto(f"/activities/{code}/")
    page.locator("input[name=name]").fill(f"Ansatt {number}")
    page.locator("input[name=email]").fill(f"ansatt{number}@example.com")
    page.get_by_role("button", name=button).click()


def test_the_eleventh_waits_and_gets_the_place_when_someone_cancels(phone, world):
    baseline(world.location)
    event = event_for(world.location, signup_code="sykkelsjekk-fisk")

    phone.goto(f"/activities/{event.signup_code}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Sykkelsjekk")
    expect(phone.get_by_text("10 plasser igjen")).to_be_visible()
    assert_fits_the_screen(phone)
    for number in range(1, 11):
        sign_up(phone, event.signup_code, number, "Meld meg på")
        expect(phone.get_by_role("heading", level=1)).to_have_text("Du har plass")
    sign_up(phone, event.signup_code, 11, "Sett meg på ventelisten")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Du er nummer 1 på ventelisten")
    assert_fits_the_screen(phone)
    screenshot(phone, "activity-signup-waiting-list")
    assert len(mail.outbox) == 11
    assert "nummer 1 på ventelisten" in mail.outbox[10].body

    third = next(m for m in mail.outbox if m.to == ["ansatt3@example.com"])
    phone.goto(cancel_path(third))
    phone.get_by_role("button", name="Ja, meld meg av").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Du er meldt av")

    assert SignUp.objects.get(email="ansatt11@example.com").status == "confirmed"
    assert SignUp.objects.filter(event=event, status="confirmed").count() == 10
    moved_up = mail.outbox[-1]
    assert moved_up.to == ["ansatt11@example.com"]
    assert moved_up.subject.startswith("Du har fått plass: Sykkelsjekk")


def test_every_event_page_passes_axe_on_a_phone(browser, live_server, world):
    baseline(world.location)
    kind = bike_check()
    event = event_for(world.location, activity_type=kind, signup_code="axe", capacity=1)
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-GB")
    page = context.new_page()

    def check(url: str) -> None:
        page.goto(url)
        assert_accessible(page)
        assert_fits_the_screen(page)

    check(f"/activities/{event.signup_code}/")
    sign_up(page, event.signup_code, 1, "Sign up")
    assert_accessible(page)
    sign_up(page, event.signup_code, 2, "Join the waiting list")
    assert_accessible(page)
    check(cancel_path(mail.outbox[-1]))

    log_in(page, "advisor@example.com", PASSWORD)
    for url in (
        "/staff/activities/events/",
        f"/staff/activities/events/{event.pk}/",
        "/staff/activities/events/new/",
        f"/staff/activities/events/{event.pk}/cancel/",
        f"/staff/activities/events/{event.pk}/attendance/",
        f"/staff/activities/events/{event.pk}/photos/",
    ):
        check(url)
    context.close()

    context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="en-GB")
    page = context.new_page()
    log_in(page, "hr@fisk.example.com", PASSWORD)
    check("/company/activities/events/")
    check(f"/company/activities/events/{event.pk}/")
    expect(page.get_by_text("Ansatt 1", exact=True)).to_be_visible()  # by name, no address
    expect(page.get_by_text("ansatt1@example.com")).to_have_count(0)
    check(f"/company/activities/events/{event.pk}/poster/")
    context.close()


def test_scheduling_before_the_baseline_closed_is_refused_with_the_reason(page, world):
    baseline(world.location, closed=False, closes_in_days=6)
    kind = bike_check()
    log_in(page, "advisor@example.com", PASSWORD)
    page.goto("/staff/activities/events/new/")
    page.get_by_label("Workplace").select_option(label="Fredrikstad Fisk AS – Fredrikstad")
    page.get_by_label("Activity", exact=True).select_option(label=str(kind))
    page.get_by_label("Date").fill("2027-03-10")
    page.get_by_label("Starts").fill("10:00")
    page.get_by_label("Ends").fill("12:00")
    page.locator("input[name=place]").fill("Kantina")
    page.get_by_role("button", name="Schedule", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Other activities start after the baseline survey has closed."
    )
    expect(page.get_by_role("alert")).to_contain_text("closes on")
    assert_accessible(page)
