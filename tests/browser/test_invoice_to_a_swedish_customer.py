"""Issue 12, as a Swedish programme's invoicing officer does it: enter a new customer's
billing data on its member page, run the month, review the drafts, issue, send the invoice
by e-mail with its PDF and XML, and credit what is left: nine tickets of 690 SEK including
6 % VAT, half paid by the employer, cost exactly 3,105.00, and the credits bring the balance
to exactly 0.00."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD, make_advisor
from pendel.catalogue.models import AnnualPassPrice
from pendel.catalogue.tests.builders import national
from pendel.companies.factories import LocationFactory
from pendel.companies.models import Organisation
from pendel.invoicing.models import Invoice
from pendel.invoicing.tests.builders import MARCH, confirm_rates, make_billing, make_member
from pendel.orders.tests import builders as orders
from pendel.regions.models import Country
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sweden(world, settings, tmp_path):
    """A Swedish customer without billing data, nine employees with a company ticket of
    690 SEK a month (the annual pass ÷ 12, VAT included) at a 50 % share, and the
    programme's advisor. The coordinator has confirmed the 6 % rate (tested apart)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    billing = make_billing(world)
    AnnualPassPrice.objects.filter(region=billing.se).update(amount=Decimal("8280.00"))
    customer = Organisation.objects.create(
        name="Frösö Bygg AB",
        country=Country.objects.get(code="SE"),
        organisation_number="5560360793",
    )
    location = LocationFactory(
        organisation=customer,
        region=billing.se,
        name="Östersund",
        street_address="Storgatan 10",
        postcode="831 30",
        municipality="Östersund",
    )
    membership = make_member(location)
    people = orders.employees(location, 9)
    orders.ticket_order(location, people, national("company-ticket"), start=MARCH, share="50")
    confirm_rates(billing.se, MARCH)
    advisor = make_advisor(billing.se, email="radgivare@example.se", language="en")
    return {"customer": customer, "membership": membership, "advisor": advisor}


def test_billing_data_run_review_issue_send_and_credit_to_zero(page, sweden):
    customer, membership = sweden["customer"], sweden["membership"]
    log_in(page, "radgivare@example.se", PASSWORD)

    # 1. The billing data, on the member page: validated for Sweden, with its route shown.
    page.goto(f"/staff/members/{membership.pk}/")
    page.get_by_role("link", name="Edit billing details").click()
    page.get_by_label("VAT number").fill("SE556036079302")  # not the organisation's number
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page.locator("#id_vat_number_error")).to_contain_text("A Swedish VAT number is SE")
    page.get_by_label("Invoice address (street or PO box)").fill("Box 123")
    page.get_by_label("Postcode").fill("831 22")
    page.get_by_label("City").fill("Östersund")
    page.get_by_label("Invoice email").fill("ekonomi@frosobygg.example.se")
    page.get_by_label("VAT number").fill("SE556036079301")
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page.get_by_text("The billing details have been saved.")).to_be_visible()
    route = page.get_by_text("Email with PDF and XML to ekonomi@frosobygg.example.se").first
    expect(route).to_be_visible()
    customer.refresh_from_db()
    assert (customer.invoice_country, customer.vat_number) == ("SE", "SE556036079301")

    # 2. The month's run makes drafts; nothing is numbered before staff issue them.
    page.goto("/staff/invoice-runs/")
    page.get_by_role("combobox", name="Month").select_option("2026-03")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", name="Start the invoice run?")).to_be_visible()
    page.get_by_role("button", name="Start the run").click()
    review = page.get_by_role("region", name="Drafts to review")
    row = review.get_by_role("row").filter(has_text="Frösö Bygg AB")
    expect(row).to_contain_text("3,105.00")
    expect(row).to_contain_text("Passes the e-invoice rules")
    assert not Invoice.objects.filter(organisation=customer).exists()
    assert_accessible(page)
    screenshot(page, "swedish-customer-review")
    page.get_by_role("button", name=re.compile(r"^Issue \d+ invoice")).click()
    expect(page.get_by_text("The reviewed drafts are being issued.")).to_be_visible()

    # 3. The invoice: quantity × price incl. VAT, sent by e-mail with its PDF and XML.
    invoice = Invoice.objects.get(organisation=customer, kind="invoice")
    assert invoice.total == 9 * Decimal("345.00") == Decimal("3105.00")
    assert invoice.buyer["address_country"] == "SE"
    page.goto(f"/staff/invoices/{invoice.pk}/")
    expect(page.get_by_text("3,105.00").first).to_be_visible()
    mail.outbox.clear()
    page.get_by_role("button", name="Send by email").click()
    expect(page.locator("main")).to_contain_text(re.compile("sent", re.IGNORECASE))
    sent = [message for message in mail.outbox if "ekonomi@frosobygg.example.se" in message.to]
    assert len(sent) == 1
    attachments = sorted(name.rsplit(".", 1)[-1] for name, _content, _type in sent[0].attachments)
    assert attachments == ["pdf", "xml"]

    # 4. A part credit, then the rest: the balance is exactly nothing.
    page.get_by_role("link", name="Issue a credit note").click()
    page.get_by_label(re.compile(r"^1\. ")).fill("2")
    page.get_by_label("Reason").fill("Två anställda slutade i mars")
    page.get_by_role("button", name="Issue credit note").click()
    page.goto(f"/staff/invoices/{invoice.pk}/")
    expect(page.locator("main")).to_contain_text("Partly credited")
    page.get_by_role("link", name="Issue a credit note").click()
    page.get_by_label("Credit everything that is left of the invoice").check()
    page.get_by_label("Reason").fill("Avtalet upphörde")
    page.get_by_role("button", name="Issue credit note").click()
    invoice.refresh_from_db()
    assert invoice.credited_total == Decimal("3105.00")
    assert invoice.total - invoice.credited_total - invoice.paid_total == Decimal("0.00")
    assert invoice.status == "credited"
    page.goto(f"/staff/invoices/{invoice.pk}/")
    expect(page.locator("main")).not_to_contain_text("still owed")
    assert_accessible(page)
