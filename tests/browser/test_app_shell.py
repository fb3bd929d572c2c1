"""The app shell: the back office's menu grouped by job, the region it works in, and on a
phone the menu behind a button that works without JavaScript; Min side a simpler one."""

import pytest
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from tests.browser.conftest import assert_accessible, assert_fits_the_screen, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone_without_javascript(browser, live_server, world):
    """A phone, logged in as the advisor (in a context with JavaScript, for the two-factor
    steps), then the same session in one without JavaScript."""
    screen = {"width": 375, "height": 740}
    with_js = browser.new_context(base_url=live_server.url, locale="en-GB", viewport=screen)
    log_in(with_js.new_page(), "advisor@example.com", PASSWORD)
    session = with_js.storage_state()
    with_js.close()
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport=screen,
        java_script_enabled=False,
        storage_state=session,
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/staff/")
    yield page
    context.close()


def menu(page):
    return page.get_by_role("navigation", name="Main")


def test_on_a_phone_the_menu_opens_behind_a_button_without_javascript(
    phone_without_javascript, world
):
    phone_en = phone_without_javascript
    expect(menu(phone_en)).to_be_hidden()
    expect(phone_en.get_by_text(f"Region: {world.region.name}")).to_be_visible()
    assert_fits_the_screen(phone_en)

    phone_en.get_by_role("link", name="Menu").click()
    expect(menu(phone_en)).to_be_visible()
    groups = menu(phone_en).get_by_role("heading", level=2)
    expect(groups).to_have_text(["Members", "Surveys", "Activities", "Invoicing", "Settings"])
    assert_fits_the_screen(phone_en)

    menu(phone_en).get_by_role("link", name="Members").click()
    expect(phone_en.get_by_role("heading", level=1)).to_be_visible()
    expect(menu(phone_en)).to_be_hidden()

    phone_en.get_by_role("link", name="Menu").click()
    menu(phone_en).get_by_role("link", name="Close the menu").click()
    expect(menu(phone_en)).to_be_hidden()


def test_the_back_office_takes_its_region_colours(page, world):
    log_in(page, "advisor@example.com", PASSWORD)
    expect(page.locator("body")).to_have_class(f"shell shell-staff region-theme-{world.region.pk}")
    # Buttons take the region's (contrast-safe) colour, not Designsystemet's default blue.
    accent = page.evaluate(
        "getComputedStyle(document.body).getPropertyValue('--ds-color-accent-base-default')"
    )
    assert accent.strip() and accent.strip().lower() != "#0062ba"
    assert_accessible(page)


def test_the_coordinator_sees_all_regions_and_the_reports(page, world):
    log_in(page, "coordinator@example.com", PASSWORD)
    expect(page.get_by_label("Region shown").locator("option:checked")).to_have_text("All regions")
    expect(menu(page).get_by_role("heading", level=2)).to_have_text(
        ["Members", "Surveys", "Activities", "Invoicing", "Reports", "Settings"]
    )
    expect(menu(page).get_by_role("link", name="National overview")).to_be_visible()
    # No single region: Pendel's own colours.
    assert "region-theme" not in page.locator("body").get_attribute("class")


def test_min_side_has_a_simpler_shell_and_the_role_switch(page, world):
    log_in(page, "mari@example.com", PASSWORD)
    page.get_by_role("link", name="Switch to My page").click()
    expect(menu(page).get_by_role("heading", level=2)).to_have_count(0)
    expect(menu(page).get_by_role("link", name="Employees")).to_be_visible()
    expect(page.get_by_role("link", name="Switch to the back office")).to_be_visible()
    assert_accessible(page)
