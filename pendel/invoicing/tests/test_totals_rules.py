"""Invoice totals: VAT per category and rate, rounded half up to the cent, and breakdowns
stored on old invoices still read back."""

from dataclasses import dataclass
from decimal import Decimal

from pendel.invoicing.totals import VatSubtotal, line_amount, round_amount, totals_for


@dataclass
class Line:
    net_amount: Decimal
    vat_category: str
    vat_rate: Decimal
    vat_exemption_reason: str = ""


def test_amounts_round_half_up_to_the_cent():
    assert round_amount(Decimal("0.005")) == Decimal("0.01")
    assert round_amount(Decimal("0.0049")) == Decimal("0.00")
    assert line_amount(Decimal("3"), Decimal("33.335")) == Decimal("100.01")


def test_vat_is_summed_per_rate_and_rounded_once_per_rate():
    totals = totals_for(
        [
            Line(Decimal("100.05"), "S", Decimal("25")),
            Line(Decimal("100.05"), "S", Decimal("25.00")),  # the same rate, written longer
            Line(Decimal("199.00"), "S", Decimal("12")),
            Line(Decimal("50.00"), "E", Decimal("0"), "Exempt"),
        ]
    )
    assert [(s.category, s.rate, s.taxable, s.tax) for s in totals.breakdown] == [
        ("E", Decimal("0"), Decimal("50.00"), Decimal("0.00")),
        ("S", Decimal("12"), Decimal("199.00"), Decimal("23.88")),
        ("S", Decimal("25"), Decimal("200.10"), Decimal("50.03")),  # 50.025 rounds up
    ]
    assert totals.breakdown[0].exemption_reason == "Exempt"
    assert (totals.line_total, totals.vat_total, totals.total) == (
        Decimal("449.10"),
        Decimal("73.91"),
        Decimal("523.01"),
    )


def test_no_lines_make_zero_totals():
    totals = totals_for([])
    assert (totals.line_total, totals.vat_total, totals.total, totals.breakdown) == (
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("0.00"),
        [],
    )


def test_a_breakdown_reads_back_and_an_old_one_without_a_reason_too():
    subtotal = VatSubtotal("E", Decimal("0"), "Exempt", Decimal("50.00"), Decimal("0.00"))
    assert VatSubtotal.from_json(subtotal.as_json()) == subtotal
    old = {"category": "S", "rate": "25", "taxable": "10.00", "tax": "2.50"}
    assert VatSubtotal.from_json(old).exemption_reason == ""
