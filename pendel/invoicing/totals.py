"""Rounding, once, where the document is made (DESIGN.md, "Money and time"), by the rules
of EN 16931 that the Peppol validator checks:

- a line's net amount is quantity × unit price, rounded to cents (BT-131, PEPPOL-R120);
- the document's sum of lines is the sum of those rounded amounts (BR-CO-10);
- VAT is computed per category and rate on that category's total, not per line (BT-117,
  BR-CO-17);
- the VAT total is the sum of the category amounts (BR-CO-14), the total with VAT is the net
  total plus that (BR-CO-15), and the amount due is the total with VAT plus the rounding
  amount (BR-CO-16; nothing is prepaid).

Prices that include VAT. A ticket of 690 SEK with 6 % VAT, of which the employer pays 50 %,
costs the employer 345.00 SEK a month, VAT included; nine of them cost 3,105.00. No net
amount in cents gives that with VAT on top: 9 × 325.4717 = 2,929.25, and 6 % of it is
175.755, so 175.76 and a total of 3,105.01 (2,929.24 would give 3,104.99). Such a line
therefore keeps its VAT-inclusive unit price (`unit_price_incl_vat`, cents) next to the net
one (four decimals, what BT-146 carries), and the VAT of the category is the VAT the
VAT-inclusive amounts contain:

    VAT = Σ (quantity × price incl. VAT) − Σ net amounts of those lines
          + round(Σ net amounts of lines priced without VAT × rate)

which is how Skatteverket and Skatteetaten compute the VAT in a price that includes it
(the "omräkningstal"/"omregningsfaktor": 3,105.00 × 6/106 = 175.75), and the amount due
is exactly Σ quantity × price incl. VAT. EN 16931 allows it: BR-CO-17 and BR-S-09 accept a
category tax amount that differs from taxable amount × rate by less than one unit of the
currency, because VAT computed from VAT-inclusive prices differs by a cent or so. Here
the difference is at most about half a cent per line plus 0.00005 × quantity, so a cent or
two on a normal invoice.

Should an unusual invoice (hundreds of lines with the same rounding error) come near that
tolerance, the category's VAT is held within MAX_VAT_DRIFT of the exact rule and the rest
goes to the document's rounding amount (BT-114, cbc:PayableRoundingAmount), which the PDF
shows as its own line. The amount due is then still Σ quantity × price incl. VAT. A zero
rate has no VAT at all (BR-Z-09, BR-E-09...), so there the whole difference, if any, is
rounding.

A chosen alternative was to keep the exact VAT (175.76) and put −0.01 in BT-114 on every
such invoice; that states 0.01 more VAT than the prices contain and adds a rounding line
to almost every invoice, so it is only the fallback.

Rounding is half up, as the validator's XPath round() does.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# How far a category's VAT may be from taxable × rate before the rest is rounding: well
# inside BR-CO-17's "less than 1".
MAX_VAT_DRIFT = Decimal("0.50")


def round_amount(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def line_amount(quantity: Decimal, unit_price: Decimal) -> Decimal:
    return round_amount(quantity * unit_price)


def shown_unit_price(quantity: Decimal, unit_price: Decimal) -> Decimal:
    """The unit price a line states (BT-146, and so the PDF): two decimals wherever that
    gives the same line amount, else the four-decimal price. 1 × 325.47 is 325.47 as
    1 × 325.4717 is, so one ticket shows 325.47; nine need 325.4717 (2,929.25, not
    2,929.23)."""
    cents = round_amount(unit_price)
    if cents != unit_price and line_amount(quantity, cents) == line_amount(quantity, unit_price):
        return cents
    return unit_price


def line_gross(line) -> Decimal | None:
    """What a line priced with VAT costs, VAT included: quantity × price incl. VAT."""
    unit = getattr(line, "unit_price_incl_vat", None)
    return None if unit is None else line_amount(line.quantity, unit)


def exact_vat(taxable: Decimal, rate: Decimal) -> Decimal:
    return round_amount(taxable * rate / 100)


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
    line_total: Decimal  # BT-106 = BT-109
    vat_total: Decimal  # BT-110
    rounding: Decimal  # BT-114
    total: Decimal  # BT-115, the amount due: BT-112 + BT-114
    breakdown: list[VatSubtotal]

    @property
    def tax_inclusive(self) -> Decimal:  # BT-112
        return self.line_total + self.vat_total


def vat_group_key(category: str, rate) -> tuple[str, Decimal]:
    return (category, Decimal(rate).normalize())


def held_vat(wanted: Decimal, taxable: Decimal, rate: Decimal) -> tuple[Decimal, Decimal]:
    """(tax, rounding): the VAT `wanted`, held within MAX_VAT_DRIFT of taxable × rate (none
    at a zero rate); whatever it is moved by becomes rounding, so tax + rounding = wanted."""
    exact = exact_vat(taxable, rate)
    drift = MAX_VAT_DRIFT if rate else ZERO
    tax = min(max(wanted, exact - drift), exact + drift)
    return tax, wanted - tax


def _group_vat(group: list, rate: Decimal) -> Decimal:
    """The VAT the group's lines carry: what VAT-inclusive prices contain, plus VAT on the
    lines priced without it."""
    included = ZERO
    net_priced = ZERO
    for line in group:
        gross = line_gross(line)
        if gross is None:
            net_priced += line.net_amount
        else:
            included += gross - line.net_amount
    return included + exact_vat(net_priced, rate)


def totals_for(lines: Iterable) -> Totals:
    """Totals of lines that have quantity, net_amount, vat_category, vat_rate,
    vat_exemption_reason and, when priced with VAT, unit_price_incl_vat."""
    groups: dict[tuple[str, Decimal], list] = {}
    for line in lines:
        groups.setdefault(vat_group_key(line.vat_category, line.vat_rate), []).append(line)
    breakdown = []
    rounding = ZERO
    for (category, _rate), group in sorted(groups.items(), key=lambda item: item[0]):
        taxable = sum((line.net_amount for line in group), ZERO)
        rate = Decimal(group[0].vat_rate)
        tax, moved = held_vat(_group_vat(group, rate), taxable, rate)
        rounding += moved
        breakdown.append(
            VatSubtotal(
                category=category,
                rate=rate,
                exemption_reason=group[0].vat_exemption_reason,
                taxable=taxable,
                tax=tax,
            )
        )
    line_total = sum((subtotal.taxable for subtotal in breakdown), ZERO)
    vat_total = sum((subtotal.tax for subtotal in breakdown), ZERO)
    return Totals(
        line_total=line_total,
        vat_total=vat_total,
        rounding=rounding,
        total=line_total + vat_total + rounding,
        breakdown=breakdown,
    )
