"""Issue 15: the coordinator's follow-up shows planned and held activities per region for the
year against the target (75 a region, 750 nationally), with its chart, on a desktop and a
phone, checked by axe; the advisor's calendar shows their week."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.activities.models import ActivityRules
from pendel.activities.tests.followup_builders import at, event, member, plan
from tests.browser.conftest import _watched, assert_accessible, assert_fits_the_screen, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.fixture(params=list(SCREENS))
def screen(request, browser, live_server):
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
def activities(world):
    year = timezone.localdate().year
    member(world.location, advisor=world.advisor)
    plan(world.location, year=year, status="approved", lines=["proposed", "proposed", "held"])
    event(world.location, starts=at(year, 2, 3), status="held", advisors=[world.advisor])
    event(world.other_location, starts=at(year, 4, 7), status="held")
    event(world.other_location, starts=at(year, 4, 8), status="cancelled")
    ActivityRules.objects.create(region=world.other_region, yearly_target=60)
    return year


def test_the_coordinator_sees_planned_and_held_per_region_against_the_target(
    screen, world, activities
):
    log_in(screen, "coordinator@example.com", PASSWORD)
    screen.goto(reverse("staff:activity_followup_national"))
    expect(screen.get_by_role("heading", level=1)).to_have_text(
        f"Activities {activities}: all regions"
    )
    table = screen.get_by_role("table", name=f"Activities per region in {activities}")
    glomma = table.get_by_role("row", name=world.region.programme_name)
    # Planned: three plan lines, and the held event that carries out none of them.
    expect(glomma.get_by_role("cell")).to_have_text(["4", "1", "0", "75", "1 %"])
    twente = table.get_by_role("row", name="Twente Mobiel")
    expect(twente.get_by_role("cell")).to_have_text(["1", "1", "1", "60", "2 %"])
    expect(table.get_by_role("row", name="All regions (national target)")).to_contain_text("750")
    chart = screen.get_by_role(
        "img", name=f"Activities held in {activities} against the target, per region"
    )
    expect(chart).to_be_visible()
    expect(screen.get_by_text("What is counted")).to_be_visible()
    assert_accessible(screen)
    if screen.screen_name == "phone":
        assert_fits_the_screen(screen)

    table.get_by_role("link", name=world.region.programme_name).click()
    expect(screen.get_by_role("heading", level=1)).to_contain_text(world.region.programme_name)
    expect(screen.get_by_text("1 of the target of 75 activities held")).to_be_visible()
    assert_accessible(screen)
    if screen.screen_name == "phone":
        assert_fits_the_screen(screen)


def test_the_advisors_calendar_by_week(screen, world, activities):
    log_in(screen, "advisor@example.com", PASSWORD)
    screen.goto(reverse("staff:activity_calendar") + f"?month={activities}-02")
    expect(screen.get_by_role("heading", level=1)).to_have_text("My calendar")
    expect(screen.get_by_role("heading", name="Week 5", exact=False)).to_be_visible()
    expect(screen.get_by_text("Fredrikstad Fisk AS")).to_be_visible()
    assert_accessible(screen)
    if screen.screen_name == "phone":
        assert_fits_the_screen(screen)
