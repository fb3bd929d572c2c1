"""Rounding, once, where the document is made (DESIGN.md, "Money and time"), by the rules
of EN 16931 that the Peppol validator checks:

- a line's net amount is quantity × unit price, rounded to cents (BT-131, PEPPOL-R120);
- the document's sum of lines is the sum of those rounded amounts (BR-CO-10);
- VAT is computed per category and rate on that category's total and rounded there, not
  per line (BT-117 = BT-116 × BT-119 / 100, BR-CO-17);
- the VAT total is the sum of the category amounts (BR-CO-14), and the total with VAT is
  the net total plus that (BR-CO-15); nothing is prepaid, so it is also the amount due
  (BR-CO-16).

Rounding is half up, as the validator's XPath round() does.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def round_amount(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def line_amount(quantity: Decimal, unit_price: Decimal) -> Decimal:
    return round_amount(quantity * unit_price)


@dataclass(frozen=True)
class VatSubtotal:
    category: str
    rate: Decimal
    exemption_reason: str
    taxable: Decimal
    tax: Decimal

    def as_json(self) -> dict:
        return {
            "category": self.category,
            "rate": str(self.rate),
            "exemption_reason": self.exemption_reason,
            "taxable": str(self.taxable),
            "tax": str(self.tax),
        }

    @classmethod
    def from_json(cls, data: dict) -> "VatSubtotal":
        return cls(
            category=data["category"],
            rate=Decimal(data["rate"]),
            exemption_reason=data.get("exemption_reason", ""),
            taxable=Decimal(data["taxable"]),
            tax=Decimal(data["tax"]),
        )


@dataclass(frozen=True)
class Totals:
    line_total: Decimal
    vat_total: Decimal
    total: Decimal
    breakdown: list[VatSubtotal]


def totals_for(lines: Iterable) -> Totals:
    """Totals of lines that have net_amount, vat_category, vat_rate, vat_exemption_reason."""
    groups: dict[tuple[str, Decimal], list] = {}
    for line in lines:
        key = (line.vat_category, Decimal(line.vat_rate).normalize())
        groups.setdefault(key, []).append(line)
    breakdown = []
    for (category, _rate), group in sorted(groups.items(), key=lambda item: item[0]):
        taxable = sum((line.net_amount for line in group), ZERO)
        rate = Decimal(group[0].vat_rate)
        breakdown.append(
            VatSubtotal(
                category=category,
                rate=rate,
                exemption_reason=group[0].vat_exemption_reason,
                taxable=taxable,
                tax=round_amount(taxable * rate / 100),
            )
        )
    line_total = sum((subtotal.taxable for subtotal in breakdown), ZERO)
    vat_total = sum((subtotal.tax for subtotal in breakdown), ZERO)
    return Totals(
        line_total=line_total,
        vat_total=vat_total,
        total=line_total + vat_total,
        breakdown=breakdown,
    )
