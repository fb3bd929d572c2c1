"""axe-core over the main pages of every portal, with the demo data, on a desktop and a 375 px
phone, in the four languages; no page wider than the screen (its own scrolling element), and
a table too wide for its column scrolls inside its own labelled, focusable region.

Every page in all four languages on both screens takes too long for a suite run on two
cores, so each screen sweeps every page in one language and a sample (each persona's start
page and a detail page or form) in the other three: the desktop every page in Norwegian, the
phone every page in Dutch (its long compound words are the first to break a narrow layout).
Each persona logs in once per screen and then switches language as a person would."""

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
    assert_wide_tables_scroll_in_their_region,
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


def choose_language(page, language: str) -> None:
    """As a person would: the language switcher in the top bar (kept in the profile)."""
    page.goto("/")
    page.locator("#language-select").select_option(language)
    page.locator("form.language-switcher button[type=submit]").click()
    page.wait_for_load_state()


def visit_all(page, urls, language: str) -> None:
    for url in urls:
        response = page.goto(url)
        where = f"{url} ({language}, {page.viewport_size['width']}px)"
        assert response.status == 200, where
        assert page.evaluate("document.documentElement.lang") == language, where
        try:
            assert_accessible(page)
            assert_fits_the_screen(page)
            assert_wide_tables_scroll_in_their_region(page)
        except AssertionError as error:
            raise AssertionError(f"{where}: {error}") from error


LANGUAGES = ["nb", "en", "sv", "nl"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# The language each screen sweeps every page in; the others get the sample.
EVERY_PAGE_IN = {"desktop": "nb", "phone": "nl"}
SAMPLE = {0, 2}  # the start page and a detail page (or form) of each persona


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
            "/staff/invoices/overdue/",
            "/staff/catalogue/",
            "/staff/catalogue/regions/nedre-glomma/",
            "/staff/catalogue/regions/nedre-glomma/prices/",
            "/staff/surveys/template/",
            "/staff/surveys/regions/nedre-glomma/questions/",
            "/staff/documents/",
            "/staff/regions/",
            "/staff/users/",
            "/staff/activities/calendars/",
            "/staff/activities/calendars/regions/nedre-glomma/",
            "/staff/activities/calendars/subscription/",
            "/staff/activities/follow-up/nedre-glomma/",
            "/staff/activities/events/",
            "/staff/regions/nedre-glomma/edit/",
            "/staff/certification/regions/nedre-glomma/",
            "/staff/certification/regions/nedre-glomma/tiers/",
        ],
        COORDINATOR: [
            "/staff/",
            "/staff/national/",
            "/staff/tasks/",
            f"/staff/members/{member.pk}/billing/",
            "/staff/activities/follow-up/",
            "/staff/catalogue/vat-rates/",
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
            "/company/activities/events/",
            "/company/catalogue/",
            "/company/certification/",
        ],
        None: ["/", "/programmes/nedre-glomma/", "/programmes/overijssel/join/"],
    }
    swept = 0
    for screen, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        for email, urls in pages.items():
            context = browser.new_context(base_url=live_server.url, viewport=viewport)
            page = context.new_page()
            refused = watch_for_csp_violations(page)
            if email:
                log_in_as(page, email)
            for language in LANGUAGES:
                shown = urls
                if language != EVERY_PAGE_IN[screen]:
                    shown = [url for index, url in enumerate(urls) if index in SAMPLE]
                choose_language(page, language)
                visit_all(page, shown, language)
                swept += len(shown)
            context.close()
            assert_no_csp_violations(refused)
    every = sum(len(urls) for urls in pages.values())
    sampled = sum(len([i for i in range(len(urls)) if i in SAMPLE]) for urls in pages.values())
    assert swept == 2 * every + 6 * sampled  # every page twice, the sample in six more sweeps
