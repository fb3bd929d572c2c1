"""An advisor checks an invoice whose sums do not add up against the Peppol rules, sees the
findings, and finds no way to send it; on a desktop and on a phone."""

from decimal import Decimal

import pytest
from django.db.models import F
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.catalogue.tests.builders import national
from pendel.invoicing.models import Invoice
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


@pytest.fixture
def broken(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    billing = make_billing(world)
    location = world.location
    orders.ticket_order(
        location, orders.employees(location, 3), national("company-ticket"), start=MARCH
    )
    run_month(billing.no)  # the archive task checks it at once: it passes
    invoice = Invoice.objects.get()
    assert invoice.validation == Invoice.Validation.PASSED
    Invoice.objects.filter(pk=invoice.pk).update(
        line_total=F("line_total") + Decimal("1.00"), validation=Invoice.Validation.PENDING
    )
    return invoice


def test_an_advisor_sees_why_an_invoice_cannot_be_sent(page, phone, broken):
    log_in(page, "advisor@example.com", PASSWORD)
    page.goto(f"/staff/invoices/{broken.pk}/")
    check = page.get_by_role("region", name="E-invoice check")
    expect(check).to_contain_text("Not checked yet")
    check.get_by_role("button", name="Check now").click()

    check = page.get_by_role("region", name="E-invoice check")
    expect(check).to_contain_text("Breaks the PEPPOL BIS Billing 3.0 rules (version 3.0.21)")
    row = check.get_by_role("row").filter(has_text="BR-CO-10")
    expect(row).to_contain_text("Sum of Invoice line net amount (BT-106)")
    expect(row).to_contain_text("/Invoice[1]/cac:LegalMonetaryTotal[1]")
    expect(page.get_by_role("button", name="Send by email")).to_have_count(0)
    expect(page.get_by_role("button", name="Mark as sent")).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "invoice-check-failed")

    phone.goto("/accounts/login/")
    phone.get_by_label("E-postadresse").fill("advisor@example.com")
    phone.get_by_label("Passord").fill(PASSWORD)
    phone.get_by_role("button", name="Logg inn").click()
    pass_second_factor(phone, "advisor@example.com")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Velkommen, Ola")
    phone.goto(f"/staff/invoices/{broken.pk}/")
    expect(phone.get_by_role("region", name="Kontroll av e-faktura")).to_contain_text("BR-CO-10")
    assert_fits_the_screen(phone)
    screenshot(phone, "invoice-check-failed-phone")
