"""An advisor starts a month's invoice run, reviews the drafts (totals, the change since
last month, the e-invoice check, who cannot be sent to), and issues them with one click;
the Norwegian page works on a phone too."""

from datetime import date

import pytest
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.catalogue.tests.builders import national
from pendel.invoicing.models import Invoice, InvoiceRun
from pendel.invoicing.tests.builders import MARCH, make_billing, run_month
from pendel.orders.tests import builders as orders
from tests.browser.conftest import (
    assert_accessible,
    assert_fits_the_screen,
    log_in,
    pass_second_factor,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
FEBRUARY = date(2026, 2, 1)


@pytest.fixture
def month(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    billing = make_billing(world)
    ticket = national("company-ticket")
    orders.ticket_order(world.location, orders.employees(world.location, 3), ticket, start=FEBRUARY)
    run_month(billing.no, FEBRUARY)
    national_no = billing.national_no
    orders.ticket_order(national_no, orders.employees(national_no, 2), ticket, start=MARCH)
    billing.national.invoice_email = ""
    billing.national.save()
    return billing


def test_an_advisor_reviews_the_drafts_and_issues_them(page, phone, month):
    log_in(page, "advisor@example.com", PASSWORD)
    page.goto("/staff/invoice-runs/")
    page.get_by_role("combobox", name="Region").select_option(label="HjemJobbHjem Nedre Glomma")
    page.get_by_role("combobox", name="Month").select_option("2026-03")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name="Start the invoice run?")).to_be_visible()
    expect(page.get_by_text("2 draft invoices")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Start the run").click()

    review = page.get_by_role("region", name="Drafts to review")
    expect(review).to_contain_text("2 draft invoices")
    fisk = review.get_by_role("row").filter(has_text="Fredrikstad Fisk AS")
    expect(fisk).to_contain_text("Passes the e-invoice rules")
    nordvei = review.get_by_role("row").filter(has_text="Nordvei Logistikk AS")
    expect(nordvei).to_contain_text("New this month")
    expect(nordvei).to_contain_text("No e-invoice route")
    assert Invoice.objects.count() == 1  # February's; the drafts have no numbers
    assert_accessible(page)
    screenshot(page, "invoice-run-review")

    run = InvoiceRun.objects.get(period=MARCH)
    phone.goto("/accounts/login/")
    phone.get_by_label("E-postadresse").fill("advisor@example.com")
    phone.get_by_label("Passord").fill(PASSWORD)
    phone.get_by_role("button", name="Logg inn").click()
    pass_second_factor(phone, "advisor@example.com")
    phone.goto(f"/staff/invoice-runs/{run.pk}/")
    expect(phone.get_by_role("region", name="Utkast til kontroll")).to_contain_text(
        "Fredrikstad Fisk AS"
    )
    assert_fits_the_screen(phone)
    screenshot(phone, "invoice-run-review-phone")

    page.get_by_role("button", name="Issue 2 invoices").click()
    expect(page.get_by_text("The reviewed drafts are being issued.")).to_be_visible()
    run.refresh_from_db()
    # The test's task backend runs the issue task when the request commits.
    assert run.status == "done"
    assert Invoice.objects.filter(period_start=MARCH).count() == 2
