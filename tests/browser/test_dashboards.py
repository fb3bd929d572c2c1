"""Issue 14: the advisor's start page, a member page and Min side, on a desktop (1280 px)
and a phone (375 px), checked by axe and saved as screenshots in test-artifacts/. What the
advisor notices: their own region only, an overdue invoice, a rate below the threshold
shown as such, and no figure for a group below the minimum size."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.companies.models import AdvisorNote, Membership
from pendel.portal.tests.test_min_side_next_steps import open_wave
from pendel.portal.tests.test_staff_start import invoice, member
from tests.browser.conftest import (
    _watched,
    assert_accessible,
    assert_fits_the_screen,
    log_in,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.fixture(params=list(SCREENS))
def screen(request, browser, live_server):
    """A browser tab of the screen's size. The phone runs JavaScript here so that axe can
    check its pages; that the pages work without it is tested elsewhere."""
    phone = request.param == "phone"
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        viewport=SCREENS[request.param],
        is_mobile=phone,
        has_touch=phone,
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    _watched(request, page)
    page.screen_name = request.param
    yield page
    context.close()


@pytest.fixture
def advisors_work(world):
    mine = member(world.region, "Skylder Sykkel AS", advisor=world.advisor)
    member(world.region, "Glomma Gass AS")
    member(world.other_region, "Twentse Buren B.V.", advisor=world.other_advisor)
    open_wave(mine.location, delivered=20, answered=5)
    small = member(world.region, "Fire Fjøs AS", advisor=world.advisor)
    open_wave(small.location, delivered=4, answered=4)
    invoice(mine, due_days_ago=12, total="1250.00", paid="250.00")
    AdvisorNote.objects.create(
        membership=mine,
        author=world.advisor,
        happened_on=timezone.localdate(),
        follow_up_on=timezone.localdate(),
        text="Ring om sykkelparkering",
    )
    return mine


def check_and_save(page, name: str) -> None:
    assert_accessible(page)
    if page.screen_name == "phone":
        assert_fits_the_screen(page)
    screenshot(page, f"{name}-{page.screen_name}")


def test_the_advisor_sees_what_to_do_next(screen, world, advisors_work):
    log_in(screen, "advisor@example.com", PASSWORD)
    expect(screen.get_by_role("heading", level=1)).to_have_text("Welcome, Ola")

    overdue = screen.locator("section", has=screen.locator("#overdue-heading"))
    expect(overdue).to_contain_text("Skylder Sykkel AS")
    expect(overdue).to_contain_text("owed, was due")
    surveys = screen.locator("section", has=screen.locator("#surveys-heading"))
    expect(surveys).to_contain_text("25 % answered, below the threshold of")
    expect(surveys).to_contain_text("No rate yet: fewer than 5 reached")
    expect(surveys).not_to_contain_text("100 %")
    expect(screen.get_by_text("Ring om sykkelparkering")).to_be_visible()
    expect(screen.get_by_text("Twentse Buren")).to_have_count(0)
    check_and_save(screen, "advisor-dashboard")

    screen.locator("#members-heading ~ ul").get_by_role("link", name="Skylder Sykkel AS").click()
    expect(screen.get_by_role("heading", level=1)).to_contain_text("Skylder Sykkel AS")
    invoices = screen.locator("section", has=screen.locator("#invoices-heading"))
    expect(invoices).to_contain_text("1 overdue")
    expect(screen.get_by_role("button", name="Change status")).to_be_hidden()
    screen.get_by_text("Change status", exact=True).first.click()  # the folded action opens
    expect(screen.get_by_role("button", name="Change status")).to_be_visible()
    check_and_save(screen, "member-page")


def test_the_coordinator_sees_the_figures_per_region(screen, world, advisors_work):
    elsewhere = member(world.other_region, "Kleine Groep B.V.")
    open_wave(elsewhere.location, delivered=3, answered=3)
    log_in(screen, "coordinator@example.com", PASSWORD)
    table = screen.locator("#national-heading ~ .table-wrap table")
    glomma = table.get_by_role("row", name=world.region.programme_name)
    expect(glomma).to_contain_text("38 %")  # 9 of the 24 reached answered
    expect(glomma).to_contain_text("NOK")
    small = table.get_by_role("row", name=world.other_region.programme_name)
    expect(small).to_contain_text("fewer than 5")
    expect(small).not_to_contain_text("100 %")
    check_and_save(screen, "coordinator-dashboard")


def test_min_side_on_both_screens(screen, world):
    Membership.objects.create(location=world.location, status="approved", advisor=world.advisor)
    log_in(screen, "hr@fisk.example.com", PASSWORD)
    expect(screen.get_by_role("heading", level=1)).to_be_visible()
    check_and_save(screen, "min-side")
