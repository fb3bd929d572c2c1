"""An advisor logs in, switches to Norwegian and sees the start page."""

import pytest
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from tests.browser.conftest import (
    assert_accessible,
    assert_fits_the_screen,
    log_in,
    pass_second_factor,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_advisor_logs_in_switches_to_norwegian_and_sees_the_start_page(page, world):
    page.goto("/accounts/login/")
    assert_accessible(page)

    log_in(page, "advisor@example.com", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Ola")

    page.get_by_label("Language").select_option("nb")
    page.get_by_role("button", name="Change language").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Velkommen, Ola")
    expect(page.locator("html")).to_have_attribute("lang", "nb")
    page.locator("main details > summary").last.click()  # the regions, folded below the work
    expect(page.get_by_role("cell", name="HjemJobbHjem Nedre Glomma")).to_be_visible()
    expect(page.get_by_text("Twente Mobiel")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "advisor-start-nb")

    # The choice is remembered in the profile: a new session opens in Norwegian.
    page.context.clear_cookies()
    log_in(page, "advisor@example.com", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Velkommen, Ola")


def test_the_start_page_works_on_a_phone_without_javascript(phone, world):
    phone.goto("/accounts/login/")
    phone.get_by_label("E-postadresse").fill("advisor@example.com")
    phone.get_by_label("Passord").fill(PASSWORD)
    phone.get_by_role("button", name="Logg inn").click()
    pass_second_factor(phone, "advisor@example.com")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Velkommen, Ola")
    assert_fits_the_screen(phone)
    screenshot(phone, "advisor-start-phone")


def test_the_keyboard_reaches_the_skip_link_first(page, world):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_another_regions_page_is_not_found_for_the_advisor(page, world):
    log_in(page, "advisor@example.com", PASSWORD)
    response = page.goto(f"/staff/regions/{world.other_region.slug}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
    assert_accessible(page)
