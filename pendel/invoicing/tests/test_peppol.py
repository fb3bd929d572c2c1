"""Every invoice and credit note Pendel makes passes the official Peppol BIS Billing 3.0
rules: the UBL 2.1 schema, CEN EN 16931 (incl. BR-CO-10..17 on rounding) and Peppol's
own with the Norwegian (EHF), Swedish and Dutch national rules."""

from decimal import Decimal

import pytest

from pendel.catalogue.tests.builders import national
from pendel.invoicing.models import BillingSettings, Invoice
from pendel.invoicing.services import credit_note_issue
from pendel.invoicing.tests.builders import MARCH, make_member, run_month
from pendel.invoicing.ubl import invoice_xml
from pendel.orders.tests import builders as orders


@pytest.fixture
def month_invoiced(billing):
    """A month of tickets, products and fees in three regions (NOK, SEK, EUR), with the
    national company in all three and one invoice per location in Norway."""
    world, ticket = billing.world, national("company-ticket")
    make_member(world.location, fee_basis="per_employee_month", fee="10.00")
    make_member(world.other_location, fee_basis="fixed_year", fee="1200.00")
    people = orders.employees(world.location, 23)
    orders.ticket_order(world.location, people[:20], ticket, start=MARCH, share="50")
    orders.ticket_order(world.location, people[20:], ticket, start=MARCH, share="33.33")
    orders.product_order(world.location, national("event"), start=MARCH)
    orders.product_order(world.location, national("ebike-leasing"), start=MARCH, quantity=3)
    orders.ticket_order(
        world.other_location, orders.employees(world.other_location, 7), ticket, start=MARCH
    )
    orders.product_order(world.other_location, national("event"), start=MARCH)
    for location in (billing.national_no, billing.national_se, billing.national_nl):
        orders.ticket_order(location, orders.employees(location, 4), ticket, start=MARCH)
    orders.product_order(billing.national_se, national("bike-check"), start=MARCH, quantity=2)
    second = orders.employees(
        billing.national.locations.create(region=billing.no, name="Fredrikstad"), 2, prefix="B"
    )
    orders.ticket_order(second[0].location, second, ticket, start=MARCH, share="75")
    BillingSettings.objects.create(organisation=billing.national, invoice_per_location=True)
    for region in (billing.no, billing.se, billing.nl):
        run_month(region)
    return billing


def test_every_invoice_of_three_currencies_passes_peppol(month_invoiced, valid_peppol):
    invoices = Invoice.objects.all()
    assert set(invoices.values_list("currency", flat=True)) == {"NOK", "SEK", "EUR"}
    for invoice in invoices:
        valid_peppol(invoice_xml(invoice))


def test_the_national_company_gets_one_invoice_per_region_and_location(month_invoiced):
    invoices = Invoice.objects.filter(organisation=month_invoiced.national)
    by_region = sorted(invoices.values_list("region__slug", "location__name"))
    assert by_region == [
        ("jamtland-harjedalen", "Östersund"),
        ("nedre-glomma", "Fredrikstad"),
        ("nedre-glomma", "Sarpsborg"),
        ("overijssel", "Enschede"),
    ]
    # Norwegian company: Norwegian invoices, whichever country sells.
    assert set(invoices.values_list("language", flat=True)) == {"nb"}


def test_a_part_credit_and_a_whole_credit_pass_peppol(month_invoiced, valid_peppol):
    invoice = Invoice.objects.get(organisation=month_invoiced.world.company)
    tickets = invoice.lines.get(employer_share=Decimal("50"))
    part = credit_note_issue(
        actor=None, invoice=invoice, reason="To ansatte sluttet", quantities={tickets.pk: 2}
    )
    dutch = Invoice.objects.get(organisation=month_invoiced.world.other_company)
    whole = credit_note_issue(actor=None, invoice=dutch, reason="Dubbel gefactureerd")
    swedish = Invoice.objects.get(region=month_invoiced.se)
    swedish_part = credit_note_issue(
        actor=None,
        invoice=swedish,
        reason="Cykelkontrollen ställdes in",
        quantities={swedish.lines.get(product_code="bike-check").pk: 1},
    )
    for credit in (part, whole, swedish_part):
        assert credit.is_credit_note
        xml = invoice_xml(credit)
        assert b"<CreditNote" in xml and invoice.number.encode() in invoice_xml(part)
        valid_peppol(xml)


def test_the_ehf_invoice_carries_what_norway_asks_for(month_invoiced):
    invoice = Invoice.objects.get(organisation=month_invoiced.world.company)
    xml = invoice_xml(invoice).decode()
    assert '<cbc:EndpointID schemeID="0192">974544466</cbc:EndpointID>' in xml
    assert "<cbc:CompanyID>NO974544466MVA</cbc:CompanyID>" in xml
    assert "<cbc:CompanyID>Foretaksregisteret</cbc:CompanyID>" in xml
    assert "<cbc:BuyerReference>HR-4711</cbc:BuyerReference>" in xml
    assert f"<cbc:DueDate>{invoice.due_date.isoformat()}</cbc:DueDate>" in xml
    assert "<cbc:ID>15031012349</cbc:ID>" in xml  # the seller's account
    assert f"<cbc:PaymentID>{invoice.payment_reference}</cbc:PaymentID>" in xml
    assert "<cbc:Percent>12</cbc:Percent>" in xml and "<cbc:Percent>25</cbc:Percent>" in xml


def test_no_warnings_either_for_a_plain_norwegian_invoice(month_invoiced, peppol):
    invoice = Invoice.objects.get(organisation=month_invoiced.world.company)
    assert peppol.validate(invoice_xml(invoice)) == []
