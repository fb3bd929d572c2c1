"""The dual-role user switches between the back office and Min side with the keyboard; a
contact person of two companies chooses which one they act for, without JavaScript."""

import pytest
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from tests.browser.conftest import assert_accessible, assert_fits_the_screen, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_until(page, check: str, what: str, limit: int = 60) -> None:
    """Press Tab until `check` (a JavaScript expression on the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => {check})(document.activeElement)"):
            return
    raise AssertionError(f"the keyboard never reached {what}")


def tab_to(page, name: str) -> None:
    tab_until(page, f"element.textContent.trim() === {name!r}", repr(name))


def test_the_dual_role_user_switches_portals_with_the_keyboard(page, world):
    log_in(page, "mari@example.com", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Mari")

    tab_to(page, "Switch to My page")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sandnes Sykkel AS")
    expect(page.get_by_text("Fredrikstad Fisk")).to_have_count(0)
    assert_accessible(page)

    tab_to(page, "Switch to the back office")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Mari")


def test_a_contact_of_two_chooses_the_company_without_javascript(phone, world):
    phone.goto("/accounts/login/")
    phone.get_by_label("E-postadresse").fill("per@example.com")
    phone.get_by_label("Passord").fill(PASSWORD)
    phone.get_by_role("button", name="Logg inn").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Sandnes Sykkel AS")

    phone.get_by_role("link", name="På vegne av Sandnes Sykkel AS – bytt bedrift").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Velg bedrift")
    assert_fits_the_screen(phone)
    phone.get_by_label("Stavanger Sjømat AS").check()
    phone.get_by_role("button", name="Velg denne bedriften").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Stavanger Sjømat AS")
    expect(phone.get_by_text("Du handler nå på vegne av Stavanger Sjømat AS.")).to_be_visible()


def test_the_choice_page_works_with_the_keyboard_and_passes_axe(page, world):
    log_in(page, "per@example.com", PASSWORD)
    page.goto("/company/choose-company/")
    assert_accessible(page)
    # Tab reaches the checked radio button; the arrow key moves the choice to the next one.
    tab_until(page, f"element.value === '{world.third_company.pk}'", "the checked company")
    page.keyboard.press("ArrowDown")
    tab_to(page, "Act for this company")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Stavanger Sjømat AS")
