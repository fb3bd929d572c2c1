"""Lists on a phone and with or without JavaScript (pendel/core/tables.py): rows become
cards with their amounts and actions on screen, axe finds nothing serious, the page never
scrolls sideways; sort headers work as plain links and, with htmx, re-render only the
table and push the address."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.companies.models import Membership
from pendel.employees.factories import EmployeeFactory
from tests.browser.conftest import (
    _watched,
    assert_accessible,
    assert_fits_the_screen,
    log_in,
    pass_second_factor,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def _members(world, *names):
    for index, name in enumerate(names):
        organisation = OrganisationFactory(name=name, country=world.region.country)
        location = LocationFactory(
            organisation=organisation,
            region=world.region,
            employee_count=1000 * (index + 1),
            municipality="Sarpsborg",
        )
        Membership.objects.create(location=location, status="active", advisor=world.advisor)


@pytest.fixture
def phone_with_js(browser, live_server, request):
    """A phone that runs JavaScript: axe needs it."""
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    _watched(request, page)
    yield page
    context.close()


def _on_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def _company_cells(page) -> list[str]:
    return page.locator("#results tbody tr td:first-child").all_inner_texts()


def test_the_member_list_is_cards_on_a_phone(phone_with_js, world):
    page = phone_with_js
    _members(world, "Alfa Bygg og Anlegg Sarpsborg AS", "Bakeriet i Gamlebyen AS")
    log_in(page, "advisor@example.com", PASSWORD)
    page.goto(reverse("staff:member_list") + "?sort=company")
    assert_accessible(page)
    assert_fits_the_screen(page)
    first = page.locator("#results tbody tr").first
    label = first.locator("td").first.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Company"'  # each cell names its column; the header row is hidden
    sort = page.get_by_role("link", name="Company")  # the headers that sort stay, as buttons
    expect(sort).to_be_visible()
    assert _on_screen(page, sort)
    employees = first.locator("td[data-label='Employees']")
    expect(employees).to_have_text("1,000")
    assert _on_screen(page, employees)


def test_the_min_side_employee_list_is_cards_with_its_actions_on_a_phone(phone_with_js, world):
    page = phone_with_js
    for first_name in ["Anders", "Bjørn"]:
        EmployeeFactory(location=world.location, first_name=first_name, last_name="Hansen")
    log_in(page, "hr@fisk.example.com", PASSWORD)
    page.goto(f"{reverse('company:employee_list')}?location={world.location.pk}&sort=name")
    assert_accessible(page)
    assert_fits_the_screen(page)
    edit = page.get_by_role("link", name="Edit Anders Hansen")
    expect(edit).to_be_visible()
    assert _on_screen(page, edit)


def test_sorting_works_without_javascript(phone, world):
    """The `phone` fixture runs no JavaScript: the header is a plain link."""
    _members(world, "Alfa Bygg AS", "Bakeriet AS", "Cirkus AS")
    phone.goto("/accounts/login/")  # in Norwegian: the phone's language
    phone.fill("#id_username", "advisor@example.com")
    phone.fill("#id_password", PASSWORD)
    phone.locator("main button[type=submit]").click()
    pass_second_factor(phone, "advisor@example.com")
    phone.goto(reverse("staff:member_list") + "?sort=company")
    assert _company_cells(phone) == ["Alfa Bygg AS", "Bakeriet AS", "Cirkus AS"]
    phone.locator("#results thead a").first.click()
    phone.wait_for_url("**sort=-company**")
    assert _company_cells(phone) == ["Cirkus AS", "Bakeriet AS", "Alfa Bygg AS"]


def test_with_htmx_the_table_alone_is_fetched_and_the_address_kept(page, world):
    _members(world, "Alfa Bygg AS", "Bakeriet AS", "Cirkus AS")
    log_in(page, "advisor@example.com", PASSWORD)
    page.goto(reverse("staff:member_list") + "?sort=company")
    page.get_by_label("Search").fill("fyll")  # typed, not submitted: a reload would lose it
    page.get_by_label("Search").fill("")
    with page.expect_response(lambda r: "sort=-company" in r.url) as answer:
        page.locator("#results thead a").first.click()
    assert answer.value.request.headers.get("hx-request") == "true"
    expect(page.locator("#results tbody tr td").first).to_have_text("Cirkus AS")
    page.wait_for_url("**sort=-company**")
    assert page.locator("h1").count() == 1  # the page around the table stayed as it was
