"""Issue 14: a wave's results read at a glance. The summary (response rate against the
threshold, car share, the mode-share chart) fits two screens of a 1280×800 desktop before
the folded breakdowns; on a 375 px phone without JavaScript nothing scrolls sideways; the
charts break no Content-Security-Policy rule (the conftest fails a test on any refusal)."""

import pytest
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.surveys.tests.conftest import mail_rate, results_wave, standard_template  # noqa: F401
from tests.browser.conftest import (
    _watched,
    assert_accessible,
    assert_fits_the_screen,
    log_in,
    pass_second_factor,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def desktop(browser, live_server, request):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(20_000)
    _watched(request, page)
    yield page
    context.close()


def first_breakdown_top(page) -> float:
    return page.evaluate(
        "() => document.querySelector('.results-breakdowns details')"
        ".getBoundingClientRect().top + window.scrollY"
    )


def test_the_summary_fits_two_screens_before_the_folded_breakdowns(desktop, world, results_wave):  # noqa: F811
    log_in(desktop, world.contact.email, PASSWORD)
    desktop.goto(f"/company/surveys/{results_wave.pk}/")
    expect(desktop.get_by_role("heading", name="Summary")).to_be_visible()
    expect(
        desktop.get_by_role("img", name="How people travel to work, share of respondents (n = 18)")
    ).to_be_visible()
    expect(desktop.get_by_role("link", name="Report (PDF)")).to_be_visible()
    top = first_breakdown_top(desktop)
    assert top <= 2 * DESKTOP["height"], f"the first breakdown starts at {top}px"
    screenshot(desktop, "survey-results-desktop")

    # A breakdown opens to its chart and its table; the group of four shows no number.
    desktop.locator("summary", has_text="By department").click()
    kontor = desktop.get_by_role("row").filter(has_text="Kontor").first
    expect(kontor).to_be_visible()
    expect(
        desktop.get_by_role("img", name="By department: Car share (driving alone) (n = 8)")
    ).to_be_visible()
    cell = desktop.locator("#breakdown-department tr", has_text="Lager").locator("td.num").nth(1)
    assert cell.inner_text() == "25.0%"
    lines = cell.evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el);"
        " return new Set([...r.getClientRects()].map(b => Math.round(b.top))).size }"
    )
    assert lines == 1  # the figure and its % on one line
    assert_accessible(desktop)


def test_the_staff_results_page_fits_the_same_way(desktop, world, results_wave):  # noqa: F811
    log_in(desktop, world.advisor.email, PASSWORD)
    desktop.goto(f"/staff/surveys/{results_wave.pk}/results/")
    expect(desktop.get_by_text("Threshold met")).to_be_visible()
    assert first_breakdown_top(desktop) <= 2 * DESKTOP["height"]
    assert_accessible(desktop)
    screenshot(desktop, "survey-results-staff-desktop")


def test_the_results_on_a_phone_without_javascript(phone, world, results_wave):  # noqa: F811
    phone.goto("/accounts/login/")
    phone.get_by_label("E-postadresse").fill(world.contact.email)
    phone.get_by_label("Passord").fill(PASSWORD)
    phone.get_by_role("button", name="Logg inn").click()
    pass_second_factor(phone, world.contact.email)
    phone.goto(f"/company/surveys/{results_wave.pk}/")
    expect(phone.locator("svg.chart").first).to_be_visible()
    assert_fits_the_screen(phone)
    phone.locator("summary", has_text="Etter avdeling").click()  # opens without JavaScript
    expect(phone.locator("#breakdown-department table")).to_be_visible()
    assert_fits_the_screen(phone)
    screenshot(phone, "survey-results-phone")
