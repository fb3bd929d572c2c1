"""An issued invoice never changes: new prices, VAT rates, product names or seller details
leave it, its XML and its PDF exactly as they were."""

from datetime import date

import pytest

from pendel.catalogue.models import VatRate
from pendel.catalogue.services import price_set, product_save, vat_rate_create
from pendel.catalogue.tests.builders import national
from pendel.invoicing.models import Invoice
from pendel.invoicing.pdf import invoice_pdf
from pendel.invoicing.services import seller_profile_save
from pendel.invoicing.tests.builders import MARCH, SELLERS, run_month
from pendel.invoicing.ubl import invoice_xml
from pendel.orders.tests import builders as orders


@pytest.fixture
def issued(billing):
    location = billing.world.location
    orders.ticket_order(
        location, orders.employees(location, 10), national("company-ticket"), start=MARCH
    )
    run_month(billing.no)
    invoice = Invoice.objects.get()
    return invoice, invoice_xml(invoice), invoice_pdf(invoice)


def assert_unchanged(before) -> None:
    invoice, xml, pdf = before
    again = Invoice.objects.get(pk=invoice.pk)
    assert (again.total, again.vat_total, again.line_total) == (
        invoice.total,
        invoice.vat_total,
        invoice.line_total,
    )
    assert invoice_xml(again) == xml
    assert invoice_pdf(again) == pdf


def test_the_pdf_is_the_same_every_time_it_is_made(issued):
    invoice, _xml, pdf = issued
    assert invoice_pdf(Invoice.objects.get(pk=invoice.pk)) == pdf
    assert pdf.startswith(b"%PDF")


def test_a_new_price_leaves_the_issued_invoice_unchanged(billing, world, issued):
    ticket = national("company-ticket")
    price_set(
        actor=world.advisor,
        region=billing.no,
        product=ticket,
        basis="fixed",
        amount=299,
        includes_vat=True,
        valid_from=date(2026, 3, 1),
    )
    assert_unchanged(issued)
    line = issued[0].lines.get()
    assert str(line.unit_price) == "177.6786"  # still 199 kr with VAT


def test_a_new_vat_rate_leaves_the_issued_invoice_unchanged(billing, world, issued):
    vat_rate_create(
        actor=world.coordinator,
        data={
            "country_id": "NO",
            "tax_class": "passenger_transport",
            "category": "S",
            "rate": 15,
            "valid_from": date(2026, 3, 1),
            "source_url": "https://www.skatteetaten.no/satser/merverdiavgift/",
        },
    )
    assert VatRate.objects.filter(country="NO", rate=15).exists()
    assert_unchanged(issued)


def test_a_renamed_product_and_new_seller_details_leave_it_unchanged(billing, world, issued):
    ticket = national("company-ticket")
    product_save(
        actor=world.coordinator,
        product=ticket,
        data={},
        texts={"name": {"nb": "Jobbreisebillett", "en": "Commuter pass"}},
    )
    seller_profile_save(
        actor=world.advisor,
        region=billing.no,
        data={**SELLERS["NO"], "street": "Nygata 1", "account_number": "86011117947"},
    )
    assert_unchanged(issued)
