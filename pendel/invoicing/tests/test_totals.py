"""Rounding once, by EN 16931: lines to cents, VAT per category on the category's total."""

from dataclasses import dataclass
from decimal import Decimal

from pendel.invoicing.identifiers import (
    iban_valid,
    mod10_check_digit,
    no_account_valid,
    payment_reference,
    vat_number_valid,
)
from pendel.invoicing.totals import line_amount, totals_for
from pendel.invoicing.ubl import plain, price


@dataclass
class Line:
    net_amount: Decimal
    vat_category: str = "S"
    vat_rate: Decimal = Decimal("12")
    vat_exemption_reason: str = ""


def test_a_line_is_quantity_times_price_rounded_half_up_to_cents():
    assert line_amount(Decimal("3"), Decimal("177.6786")) == Decimal("533.04")
    assert line_amount(Decimal("1"), Decimal("0.125")) == Decimal("0.13")
    assert line_amount(Decimal("20"), Decimal("88.8393")) == Decimal("1776.79")


def test_vat_is_rounded_per_category_not_per_line():
    # Per line: 3 × round(0.05 × 12 %) = 3 × 0.01 = 0.03; on the total: 0.15 × 12 % = 0.02.
    totals = totals_for([Line(Decimal("0.05"))] * 3)
    assert totals.vat_total == Decimal("0.02")
    assert totals.total == Decimal("0.17")


def test_each_rate_has_its_own_subtotal():
    totals = totals_for(
        [
            Line(Decimal("533.04")),
            Line(Decimal("5000.00"), vat_rate=Decimal("25")),
            Line(Decimal("1776.79")),
            Line(Decimal("230.00"), vat_rate=Decimal("25.00")),
        ]
    )
    assert [(s.rate, s.taxable, s.tax) for s in totals.breakdown] == [
        (Decimal("12"), Decimal("2309.83"), Decimal("277.18")),
        (Decimal("25"), Decimal("5230.00"), Decimal("1307.50")),
    ]
    assert (totals.line_total, totals.vat_total, totals.total) == (
        Decimal("7539.83"),
        Decimal("1584.68"),
        Decimal("9124.51"),
    )


def test_numbers_are_written_as_peppol_expects():
    assert (plain(Decimal("23.00")), plain(Decimal("12.00")), plain(Decimal("0.50"))) == (
        "23",
        "12",
        "0.5",
    )
    assert (price(Decimal("199.0000")), price(Decimal("177.6786"))) == ("199.00", "177.6786")


def test_identifiers():
    assert vat_number_valid("NO", "NO923609016MVA")
    assert not vat_number_valid("NO", "NO923609017MVA")
    assert vat_number_valid("SE", "SE556036079301")
    assert vat_number_valid("NL", "NL123456789B01")
    assert iban_valid("NL91 ABNA 0417 1643 00")
    assert not iban_valid("NL91 ABNA 0417 1643 01")
    assert no_account_valid("8601.11.17947")
    assert not no_account_valid("8601.11.17948")
    kid = payment_reference("NO", "NG-000042", 42)
    assert kid == "0000042" + mod10_check_digit("0000042")
    assert payment_reference("NL", "OV-000042", 42) == "OV-000042"
