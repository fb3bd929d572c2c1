"""Prices that include VAT add up (issue 12, item 2): nine tickets of 690 SEK incl. 6 % VAT
at a 50 % share cost the employer 3,105.00, on the invoice, its e-invoice, its PDF and the
ticket hand-off; a credit of the rest brings the balance to exactly 0.00."""

import base64
import re
import zlib
from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from pendel.catalogue.models import AnnualPassPrice, Price
from pendel.catalogue.tests.builders import national
from pendel.invoicing.models import Invoice
from pendel.invoicing.pdf import invoice_pdf
from pendel.invoicing.services import credit_note_issue, payment_record
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.invoicing.ubl import invoice_xml
from pendel.orders.handoff import handoff_rows
from pendel.orders.tests import builders as orders

D = Decimal
NS = {
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}


def xml_amount(xml: bytes, path: str) -> Decimal:
    return D(etree.fromstring(xml).findtext(path, namespaces=NS))


def pdf_text(pdf: bytes) -> str:
    """The text a reader sees in the PDF: the strings of its page streams (reportlab writes
    them ASCII85 and Flate encoded)."""
    texts = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        data = stream.strip()
        try:
            content = zlib.decompress(base64.a85decode(data.removesuffix(b"~>")))
        except (ValueError, zlib.error):  # a font or an image
            continue
        texts += re.findall(rb"\((.*?)\) Tj", content)
    text = " ".join(_unescape(text).decode("cp1252") for text in texts)
    return text.replace("\xa0", " ")


def _unescape(text: bytes) -> bytes:
    """A PDF string's escapes: \\330 is Ø in the built-in fonts' encoding."""
    return re.sub(rb"\\([0-7]{3}|.)", lambda m: _escaped(m[1]), text)


def _escaped(code: bytes) -> bytes:
    return bytes([int(code, 8)]) if len(code) == 3 else code


@pytest.fixture
def nine(billing):
    """Nine employees of the national company in Östersund with a ticket of 690 SEK a
    month (the annual pass ÷ 12, VAT included, 6 %), half paid by the employer."""
    AnnualPassPrice.objects.filter(region=billing.se).update(amount=D("8280.00"))
    people = orders.employees(billing.national_se, 9)
    orders.ticket_order(
        billing.national_se, people, national("company-ticket"), start=MARCH, share="50"
    )
    run_month(billing.se)
    return Invoice.objects.get(region=billing.se, organisation=billing.national)


def test_nine_tickets_at_half_of_690_cost_3105(nine, valid_peppol):
    (line,) = nine.lines.all()
    assert (line.quantity, line.unit_price_incl_vat, line.unit_price) == (
        D("9"),
        D("345.00"),
        D("325.4717"),
    )
    assert (line.net_amount, nine.line_total, nine.vat_total, nine.total) == (
        D("2929.25"),
        D("2929.25"),
        D("175.75"),  # 3,105.00 × 6/106, the VAT the prices contain
        D("3105.00"),
    )
    assert nine.rounding_amount == 0
    xml = invoice_xml(nine)
    assert xml_amount(xml, "cac:LegalMonetaryTotal/cbc:PayableAmount") == D("3105.00")
    assert xml_amount(xml, "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount") == D("3105.00")
    assert b"PayableRoundingAmount" not in xml
    note = etree.fromstring(xml).findtext("cac:InvoiceLine/cbc:Note", namespaces=NS)
    assert note.replace("\xa0", " ") == "SEK 345,00 per stk. inkl. mva."
    valid_peppol(xml)


def test_the_pdf_shows_the_figures_of_the_xml(nine):
    text = pdf_text(invoice_pdf(nine))
    for figure in ("325,4717", "SEK 345,00 per stk. inkl. mva.", "2 929,25", "175,75", "3 105,00"):
        assert figure in text, (figure, text)
    assert "3 105,01" not in text


def test_the_hand_off_shows_each_share_and_adds_up_to_the_invoice(nine, billing):
    rows = [r for r in handoff_rows(billing.se, MARCH) if r["location"] == "Östersund"]
    assert len(rows) == 9
    assert {(r["monthly_price"], r["employer_pays"], r["employee_pays"]) for r in rows} == {
        ("690.00", "345.00", "345.00")
    }
    billed = sum(line.quantity * line.unit_price_incl_vat for line in nine.lines.all())
    assert sum(D(r["employer_pays"]) for r in rows) == billed == nine.total


def test_an_odd_share_still_adds_up_for_employer_and_employee(billing):
    """199.99 at 50 %: the employer's 100.00 and the employee's 99.99 make the price."""
    Price.objects.filter(region=billing.nl, product=national("company-ticket")).update(
        amount=D("199.99")
    )
    people = orders.employees(billing.national_nl, 3)
    orders.ticket_order(
        billing.national_nl, people, national("company-ticket"), start=MARCH, share="50"
    )
    run_month(billing.nl)
    invoice = Invoice.objects.get(region=billing.nl, organisation=billing.national)
    rows = [r for r in handoff_rows(billing.nl, MARCH) if r["location"] == "Enschede"]
    assert {(r["employer_pays"], r["employee_pays"]) for r in rows} == {("100.00", "99.99")}
    assert invoice.total == D("300.00") == sum(D(r["employer_pays"]) for r in rows)


def test_a_credit_of_the_rest_after_a_part_credit_leaves_exactly_nothing(nine, valid_peppol):
    (line,) = nine.lines.all()
    part = credit_note_issue(actor=None, invoice=nine, reason="Slutat", quantities={line.pk: 4})
    assert part.total == D("1380.00")  # 4 × 345.00
    nine.refresh_from_db()
    assert (nine.status, nine.outstanding) == ("issued", D("1725.00"))
    rest = credit_note_issue(actor=None, invoice=nine, reason="Avslutat")
    nine.refresh_from_db()
    assert rest.total == D("1725.00")
    assert nine.total - nine.credited_total - nine.paid_total == D("0.00")
    assert nine.status == "credited"
    # The credits together take back exactly the invoice's net and VAT.
    assert part.line_total + rest.line_total == nine.line_total
    assert part.vat_total + rest.vat_total == nine.vat_total
    for credit in (part, rest):
        valid_peppol(invoice_xml(credit))


def test_one_by_one_credits_add_up_to_the_line(nine, valid_peppol):
    """Nine part credits of one ticket each: each 345.00, together exactly the invoice."""
    (line,) = nine.lines.all()
    credits = [
        credit_note_issue(actor=None, invoice=nine, reason="Slutat", quantities={line.pk: 1})
        for _ in range(9)
    ]
    nine.refresh_from_db()
    assert {credit.total for credit in credits} == {D("345.00")}
    assert (nine.credited_total, nine.outstanding, nine.status) == (nine.total, 0, "credited")
    assert sum(c.line_total for c in credits) == nine.line_total
    assert sum(c.vat_total for c in credits) == nine.vat_total
    for credit in credits[::4]:
        valid_peppol(invoice_xml(credit))


def test_paying_what_a_part_credit_leaves_settles_the_invoice_to_the_cent(nine):
    """Four tickets credited, the other five paid at 345.00 each: nothing is left to pay,
    not 0.01 (as when the invoice said 3,105.01)."""
    (line,) = nine.lines.all()
    credit_note_issue(actor=None, invoice=nine, reason="Slutat", quantities={line.pk: 4})
    payment_record(actor=None, invoice=nine, amount=D("1725.00"), received_on=date(2026, 3, 20))
    nine.refresh_from_db()
    assert nine.total - nine.credited_total - nine.paid_total == D("0.00")
    assert (nine.status, nine.outstanding) == ("paid", 0)


def test_credits_and_payments_in_turn_settle_the_invoice_to_the_cent(nine):
    """Three tickets credited, three paid for, three more credited: settled, and "paid"
    rather than "credited", since its whole amount is not credited."""
    (line,) = nine.lines.all()
    credit_note_issue(actor=None, invoice=nine, reason="Slutat", quantities={line.pk: 3})
    payment_record(actor=None, invoice=nine, amount=D("1035.00"), received_on=date(2026, 3, 20))
    credit_note_issue(actor=None, invoice=nine, reason="Slutat", quantities={line.pk: 3})
    nine.refresh_from_db()
    assert nine.total - nine.credited_total - nine.paid_total == D("0.00")
    assert (nine.status, nine.outstanding) == ("paid", 0)
    assert nine.paid_at is not None


def test_unit_prices_have_two_decimals_wherever_the_amount_stays_the_same():
    from pendel.invoicing.totals import shown_unit_price

    assert shown_unit_price(D("1"), D("325.4717")) == D("325.47")  # 325.47 either way
    assert shown_unit_price(D("3"), D("177.6786")) == D("177.68")  # 533.04 either way
    assert shown_unit_price(D("9"), D("325.4717")) == D("325.4717")  # 2,929.25, not .23
    assert shown_unit_price(D("4"), D("159.2000")) == D("159.2000")


def test_one_ticket_shows_its_unit_price_with_two_decimals(billing, valid_peppol):
    AnnualPassPrice.objects.filter(region=billing.se).update(amount=D("8280.00"))
    people = orders.employees(billing.national_se, 1)
    orders.ticket_order(
        billing.national_se, people, national("company-ticket"), start=MARCH, share="50"
    )
    run_month(billing.se)
    invoice = Invoice.objects.get(region=billing.se, organisation=billing.national)
    (line,) = invoice.lines.all()
    assert (line.unit_price, line.net_amount, invoice.total) == (
        D("325.47"),
        D("325.47"),
        D("345.00"),
    )
    xml = invoice_xml(invoice)
    assert b'<cbc:PriceAmount currencyID="SEK">325.47</cbc:PriceAmount>' in xml
    valid_peppol(xml)
    text = pdf_text(invoice_pdf(invoice))
    assert "325,47" in text and "325,4717" not in text
