"""Issue 14: the national coordinator switches the back office to one region in the shell,
with the keyboard or on a phone without JavaScript, and sees that region's members only;
the programme's logo is in the header while its region is in view."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.companies.models import Membership
from pendel.regions.services import region_logo_set
from tests.browser.conftest import (
    assert_accessible,
    assert_fits_the_screen,
    log_in,
    pass_second_factor,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = ("Fredrikstad Fisk AS", "Twentse Tegels B.V.", "Sandnes Sykkel AS")


@pytest.fixture
def members(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for location in (world.location, world.other_location, world.third_location):
        Membership.objects.create(location=location, status="active")
    out = io.BytesIO()
    Image.new("RGB", (300, 100), (0, 120, 60)).save(out, format="PNG")
    upload = SimpleUploadedFile("logo.png", out.getvalue())
    region_logo_set(region=world.region, upload=upload, actor=world.coordinator)
    return world


def members_shown(page) -> set[str]:
    table = page.locator("main table")
    return {name for name in NAMES if table.get_by_text(name).count()}


def test_the_coordinator_switches_to_one_region_and_sees_its_members_only(page, members):
    log_in(page, "coordinator@example.com", PASSWORD)
    page.goto("/staff/members/")
    assert members_shown(page) == set(NAMES)
    expect(page.locator(".shell-programme-logo")).to_have_count(0)
    assert_accessible(page)

    switch = page.get_by_label("Region shown")
    switch.focus()
    switch.select_option(label="Nedre Glomma")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Show region")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_text("You now see Nedre Glomma only.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Members")
    assert members_shown(page) == {"Fredrikstad Fisk AS"}
    expect(page.get_by_role("img", name="HjemJobbHjem Nedre Glomma")).to_be_visible()
    assert_accessible(page)

    page.goto("/staff/national/")
    expect(page.get_by_text("This page is national: it shows every region.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Region shown").select_option(label="All regions")
    page.get_by_role("button", name="Show region").click()
    page.goto("/staff/members/")
    assert members_shown(page) == set(NAMES)


def test_the_switch_works_on_a_phone_without_javascript(phone, members):
    phone.goto("/accounts/login/")
    phone.get_by_label("E-postadresse").fill("coordinator@example.com")
    phone.get_by_label("Passord").fill(PASSWORD)
    phone.get_by_role("button", name="Logg inn").click()
    pass_second_factor(phone, "coordinator@example.com")
    phone.goto("/staff/members/")
    assert_fits_the_screen(phone)
    phone.get_by_label("Region som vises").select_option(label="Nord-Jæren")
    phone.get_by_role("button", name="Vis region").click()
    expect(phone.get_by_text("Du ser nå bare Nord-Jæren.")).to_be_visible()
    assert members_shown(phone) == {"Sandnes Sykkel AS"}
    assert_fits_the_screen(phone)
