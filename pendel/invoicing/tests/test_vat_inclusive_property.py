"""Over many random prices, shares, quantities and rates (Norway 25/12/0, Sweden 25/12/6,
the Netherlands 21/9), an invoice costs exactly Σ quantity × unit price incl. VAT for lines
priced with VAT (plus net + VAT for the others), its credits add up to it, and every
document passes the Peppol rules. Invoices are made by the issuing code itself
(issuing.issue_build) and credited by credit_note_issue."""

from datetime import date
from decimal import Decimal
from itertools import count

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pendel.catalogue.pricing import Quote, Vat, share_of
from pendel.catalogue.tests.builders import national
from pendel.core.money import format_money
from pendel.invoicing.billing import ORDER, Draft, DraftLine, Plan
from pendel.invoicing.issuing import issue_build, seller_snapshot
from pendel.invoicing.models import Invoice, InvoiceLine, InvoiceRun
from pendel.invoicing.numbering import counter_lock, counter_take, invoice_number
from pendel.invoicing.services import credit_note_issue
from pendel.invoicing.totals import exact_vat, line_amount, round_amount
from pendel.invoicing.ubl import invoice_xml

D = Decimal
MARCH = date(2026, 3, 1)
RATES = {"NO": ["25", "12", "0"], "SE": ["25", "12", "6"], "NL": ["21", "9"]}
SHARES = ["100", "75", "50", "33.33", "25", "12.5", "66.67", "1"]
VALIDATE_EVERY = 4  # the validator takes ~10 ms a document; check every fourth example
_example = count()


def _vat(rate: str) -> Vat:
    if rate == "0":
        return Vat("Z", D("0"), "", True, "")
    return Vat("S", D(rate), "", True, "")


@st.composite
def line_specs(draw, country: str):
    rate = draw(st.sampled_from(RATES[country]))
    with_vat = draw(st.booleans())
    cents = draw(st.integers(min_value=100, max_value=2_000_000))
    share = D(draw(st.sampled_from(SHARES)))
    quantity = draw(st.integers(min_value=1, max_value=400))
    net_decimals = draw(st.sampled_from([2, 4]))
    return rate, with_vat, cents, share, quantity, net_decimals


def _draft_line(spec, location, product) -> DraftLine:
    rate, with_vat, cents, share, quantity, net_decimals = spec
    vat = _vat(rate)
    if with_vat:  # a ticket: the employer's share of a price with VAT
        gross = D(cents) / 100
        quote = Quote(product.pk, D("0"), gross, vat, "fixed", includes_vat=True)
        part = share_of(quote, share, with_vat=True)
        net, incl = part.net, part.gross
    else:  # a product priced without VAT, e.g. a fee or ÷ 12 of a yearly amount
        net, incl = (D(cents) / 100 if net_decimals == 2 else D(cents) / 10_000), None
    return DraftLine(
        organisation_id=location.organisation_id,
        location_id=location.pk,
        product_id=product.pk,
        period_start=MARCH,
        period_end=date(2026, 3, 31),
        quantity=D(quantity),
        unit_price=net,
        unit_price_incl_vat=incl,
        vat=vat,
        items=[(ORDER, 0, None)],
    )


def _issue(region, location, products, specs) -> Invoice:
    """An invoice of these lines, made by the issuing code and numbered from the counter."""
    run, _ = InvoiceRun.objects.get_or_create(region=region, period=MARCH)
    product = products[0]
    lines = [_draft_line(spec, location, product) for spec in specs]
    plan = Plan(
        drafts=[],
        problems=[],
        locations={location.pk: location},
        products={product.pk: product},
        contacts={},
    )
    draft = Draft(f"org:{location.organisation_id}", location.organisation_id, None, lines)
    seller = seller_snapshot(region)
    with transaction.atomic():
        issue = issue_build(draft, plan, seller=seller, run=run, issue_date=MARCH)
        (sequence,) = counter_take(counter_lock(region.pk), 1)
        issue.invoice.sequence = sequence
        issue.invoice.number = invoice_number(seller["prefix"], sequence)
        issue.invoice.save()
        for line in issue.lines:
            line.invoice = issue.invoice
        InvoiceLine.objects.bulk_create(issue.lines)
    return issue.invoice


def _expected_due(invoice: Invoice) -> Decimal:
    """What the customer should pay: Σ quantity × price incl. VAT for lines priced with
    VAT; net plus VAT on the net for the others, per rate."""
    due, net_by_rate = D("0"), {}
    for line in invoice.lines.all():
        if line.unit_price_incl_vat is not None:
            due += line_amount(line.quantity, line.unit_price_incl_vat)
        else:
            net_by_rate[line.vat_rate] = net_by_rate.get(line.vat_rate, 0) + line.net_amount
    for rate, net in net_by_rate.items():
        due += net + exact_vat(net, rate)
    return due


def _check_document(document: Invoice, peppol, validate: bool) -> None:
    for subtotal in document.vat_breakdown:
        drift = D(subtotal["tax"]) - round_amount(
            D(subtotal["taxable"]) * D(subtotal["rate"]) / 100
        )
        assert abs(drift) <= D("0.50")  # BR-CO-17 allows < 1
    if validate:
        fatal = [f for f in peppol.validate(invoice_xml(document)) if f.is_fatal]
        assert not fatal, [(f.rule, f.text) for f in fatal]


@pytest.fixture
def sellers(billing):
    return {
        "NO": (billing.no, billing.national_no),
        "SE": (billing.se, billing.national_se),
        "NL": (billing.nl, billing.national_nl),
    }


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_amount_due_is_quantity_times_the_price_with_vat(sellers, peppol, data):
    country = data.draw(st.sampled_from(["NO", "SE", "NL"]))
    region, location = sellers[country]
    specs = data.draw(st.lists(line_specs(country), min_size=1, max_size=6))
    invoice = _issue(region, location, [national("company-ticket")], specs)
    validate = next(_example) % VALIDATE_EVERY == 0
    assert invoice.total == _expected_due(invoice)
    assert invoice.total == invoice.line_total + invoice.vat_total + invoice.rounding_amount
    _check_document(invoice, peppol, validate)

    # Credit part of each line, then the rest: the balance comes to exactly 0.00.
    lines = list(invoice.lines.all())
    part = {
        line.pk: D(data.draw(st.integers(min_value=0, max_value=int(line.quantity))))
        for line in lines
    }
    credits = []
    if any(part.values()):
        credits.append(credit_note_issue(actor=None, invoice=invoice, reason="x", quantities=part))
    if any(part[line.pk] < line.quantity for line in lines):
        credits.append(credit_note_issue(actor=None, invoice=invoice, reason="y"))
    invoice.refresh_from_db()
    assert invoice.total - invoice.credited_total - invoice.paid_total == D("0.00")
    assert invoice.status == Invoice.Status.CREDITED
    assert sum(credit.line_total for credit in credits) == invoice.line_total
    for credit in credits:
        _check_document(credit, peppol, validate)


def _worst_gross(rate: Decimal) -> int:
    """A price in cents whose net (four decimals) is as far as can be from the exact net."""

    def error(cents: int) -> Decimal:
        exact = D(cents) / 100 / (1 + rate / 100)
        return abs(exact.quantize(D("0.0001")) - exact)

    return max(range(10_000, 12_000), key=error)


def test_a_huge_invoice_keeps_its_vat_within_the_rules_and_rounds_the_rest(sellers, peppol):
    """Forty lines of 400 tickets whose net price is rounded the same way: the VAT the
    prices contain drifts from taxable × rate by more than MAX_VAT_DRIFT. The VAT is held
    at the limit and the rest is the rounding amount (BT-114), shown on the PDF; the
    amount due is still Σ quantity × price incl. VAT, and the document passes."""
    from pendel.invoicing.pdf import invoice_pdf
    from pendel.invoicing.tests.test_vat_inclusive import pdf_text

    region, location = sellers["NO"]
    cents = _worst_gross(D("12"))
    specs = [("12", True, cents, D("100"), 400, 4)] * 40
    invoice = _issue(region, location, [national("company-ticket")], specs)
    assert invoice.rounding_amount != 0
    assert invoice.total == 40 * 400 * D(cents) / 100 == _expected_due(invoice)
    _check_document(invoice, peppol, validate=True)
    text = pdf_text(invoice_pdf(invoice))
    assert "Øreavrunding" in text
    assert format_money(invoice.rounding_amount, "NOK", "nb").replace("\xa0", " ") in text
    credit = credit_note_issue(actor=None, invoice=invoice, reason="Feil")
    assert credit.total == invoice.total
    _check_document(credit, peppol, validate=True)
