"""axe-core over the main pages of every portal, with the demo data, on a desktop and a phone."""

import pytest
from django.core.management import call_command

from pendel.companies.models import Membership
from pendel.invoicing.models import Invoice
from pendel.portal.demo import DEMO_PASSWORD, NATIONAL_CONTACT
from pendel.surveys.models import Wave
from tests.browser.conftest import (
    assert_accessible,
    assert_fits_the_screen,
    assert_no_csp_violations,
    pass_second_factor,
    watch_for_csp_violations,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADVISOR = "advisor.nedre-glomma@pendel.demo"
CONTACT = NATIONAL_CONTACT
COORDINATOR = "coordinator@pendel.demo"


def log_in_as(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("main button[type=submit]").click()
    pass_second_factor(page, email, axe=True)


def visit_all(page, urls) -> None:
    for url in urls:
        response = page.goto(url)
        assert response.status == 200, url
        try:
            assert_accessible(page)
            assert_fits_the_screen(page)
        except AssertionError as error:
            raise AssertionError(f"{url} ({page.viewport_size['width']}px): {error}") from error


def test_every_main_page_passes_axe(browser, live_server):
    call_command("seed_demo", verbosity=0)
    member = Membership.objects.filter(location__region__slug="nedre-glomma").first()
    wave = Wave.objects.filter(location__region__slug="nedre-glomma").first()
    invoice = Invoice.objects.filter(region__slug="nedre-glomma").first()
    pages = {
        ADVISOR: [
            "/staff/",
            "/staff/members/",
            f"/staff/members/{member.pk}/",
            "/staff/applications/",
            "/staff/follow-ups/",
            "/staff/surveys/",
            f"/staff/surveys/{wave.pk}/",
            f"/staff/surveys/{wave.pk}/results/",
            "/staff/invoices/",
            f"/staff/invoices/{invoice.pk}/",
            "/staff/catalogue/",
            "/staff/documents/",
            "/staff/regions/",
            "/staff/users/",
        ],
        COORDINATOR: [
            "/staff/",
            "/staff/national/",
            "/staff/tasks/",
            f"/staff/members/{member.pk}/billing/",
        ],
        CONTACT: [
            "/company/",
            "/company/employees/",
            "/company/tickets/",
            "/company/orders/",
            "/company/invoices/",
            "/company/surveys/",
            "/company/documents/",
            "/company/contacts/",
            "/company/billing/",
        ],
        None: ["/", "/programmes/nedre-glomma/", "/programmes/overijssel/join/"],
    }
    for viewport in ({"width": 1280, "height": 900}, {"width": 375, "height": 740}):
        for email, urls in pages.items():
            context = browser.new_context(
                base_url=live_server.url, locale="nb-NO", viewport=viewport
            )
            page = context.new_page()
            refused = watch_for_csp_violations(page)
            if email:
                log_in_as(page, email)
            visit_all(page, urls)
            context.close()
            assert_no_csp_violations(refused)
