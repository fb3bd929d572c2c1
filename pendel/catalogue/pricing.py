"""What a product costs in a region on a day: the net unit price an invoice uses, with the
VAT category and rate in force that day.

Prices are entered as staff know them: a fixed amount with or without VAT (HjemJobbHjem's
199 kr a month is a consumer price, VAT included), or "the ordinary annual pass ÷ 12" (the
national proposal), where the annual pass is the public price, VAT included. A price with VAT
is what a person pays, in cents (`Quote.gross`); invoices carry it next to the net unit
price with four decimals derived from it, so that the invoice costs quantity × the price
with VAT (pendel/invoicing/totals.py). A part of a price with VAT (the employer's share of
a ticket) is that part of the price with VAT, rounded to cents: `share_of()`, which the
invoice run and the ticket hand-off both use, so that the two agree to the cent.

`quotes_for()` prices every product of a region for one day with three queries, so an
invoice run does no query per line.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext

from pendel.catalogue.models import AnnualPassPrice, Price, Product, VatRate
from pendel.core.dates import add_months

UNIT_PRICE = Decimal("0.0001")
CENT = Decimal("0.01")
HUNDRED = Decimal("100")


@dataclass(frozen=True)
class Vat:
    category: str
    rate: Decimal
    exemption_reason: str
    confirmed: bool
    source_url: str


@dataclass(frozen=True)
class Quote:
    product_id: int
    net: Decimal  # per unit excluding VAT, four decimals
    gross: Decimal  # per unit including VAT, rounded to cents: what a person pays
    vat: Vat
    basis: str
    includes_vat: bool = False  # the price was set with VAT: `gross` is the price


@dataclass(frozen=True)
class Share:
    """The part of a quote someone pays, per unit."""

    net: Decimal  # four decimals
    gross: Decimal  # cents, VAT included
    includes_vat: bool  # bill it as a price with VAT: quantity × gross


def share_of(quote: Quote, percent: Decimal, *, with_vat: bool = False) -> Share:
    """`percent` of the quote. A price with VAT (or any price, `with_vat`) is split with
    VAT, in cents (50 % of 690.00 is 345.00), and its net is derived from that; otherwise
    the net price is split."""
    if quote.includes_vat or with_vat:
        gross = (quote.gross * percent / HUNDRED).quantize(CENT, ROUND_HALF_UP)
        return Share(net=net_from_gross(gross, quote.vat.rate), gross=gross, includes_vat=True)
    net = (quote.net * percent / HUNDRED).quantize(UNIT_PRICE, ROUND_HALF_UP)
    return Share(net=net, gross=gross_from_net(net, quote.vat.rate), includes_vat=False)


def _valid_on(on: date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def net_from_gross(gross: Decimal, rate: Decimal) -> Decimal:
    return (gross / (1 + rate / HUNDRED)).quantize(UNIT_PRICE, ROUND_HALF_UP)


def gross_from_net(net: Decimal, rate: Decimal) -> Decimal:
    return (net * (1 + rate / HUNDRED)).quantize(CENT, ROUND_HALF_UP)


def vat_rates_on(country_id: str, on: date) -> dict[str, Vat]:
    """The rate of each tax class in force on the day (the latest start wins)."""
    rates = {}
    for rate in VatRate.objects.filter(_valid_on(on), country_id=country_id).order_by("valid_from"):
        rates[rate.tax_class] = Vat(
            category=rate.category,
            rate=rate.rate,
            exemption_reason=rate.exemption_reason,
            confirmed=rate.confirmed,
            source_url=rate.source_url,
        )
    return rates


def annual_pass_on(region_id: int, on: date) -> AnnualPassPrice | None:
    return (
        AnnualPassPrice.objects.filter(_valid_on(on), region_id=region_id)
        .order_by("-valid_from")
        .first()
    )


def _price_rows(region_id: int, on: date, product_ids=None) -> dict[int, Price]:
    prices = Price.objects.filter(_valid_on(on), region_id=region_id).select_related("product")
    if product_ids is not None:
        prices = prices.filter(product_id__in=product_ids)
    return {price.product_id: price for price in prices.order_by("valid_from")}


def _quote(price: Price, vat: Vat, annual: AnnualPassPrice | None) -> Quote | None:
    if price.basis == Price.Basis.ANNUAL_PASS:
        if annual is None:
            return None
        amount, includes_vat = annual.amount / 12, True
    else:
        amount, includes_vat = price.amount, price.includes_vat
    if includes_vat:
        gross = amount.quantize(CENT, ROUND_HALF_UP)
        net = net_from_gross(gross, vat.rate)
    else:
        net = amount.quantize(UNIT_PRICE, ROUND_HALF_UP)
        gross = gross_from_net(net, vat.rate)
    return Quote(
        product_id=price.product_id,
        net=net,
        gross=gross,
        vat=vat,
        basis=price.basis,
        includes_vat=includes_vat,
    )


def quotes_for(region, on: date, product_ids=None) -> dict[int, Quote]:
    """Product id -> quote for every product of the region that has a price, an annual
    pass (when needed) and a VAT rate on the day. Missing ones are left out: see
    `missing_price_reason()`."""
    rates = vat_rates_on(region.country_id, on)
    rows = _price_rows(region.pk, on, product_ids)
    needs_pass = any(row.basis == Price.Basis.ANNUAL_PASS for row in rows.values())
    annual = annual_pass_on(region.pk, on) if needs_pass else None
    quotes = {}
    for product_id, row in rows.items():
        vat = rates.get(row.product.tax_class)
        quote = _quote(row, vat, annual) if vat else None
        if quote is not None:
            quotes[product_id] = quote
    return quotes


def quote_for(region, product: Product, on: date) -> Quote | None:
    return quotes_for(region, on, product_ids=[product.pk]).get(product.pk)


def missing_price_reason(region, product: Product, on: date) -> str:
    """Why `product` has no quote in the region on the day, in words for staff."""
    params = {"product": product.get_name_display(), "date": on.isoformat()}
    if product.tax_class not in vat_rates_on(region.country_id, on):
        return gettext("No VAT rate for %(product)s on %(date)s.") % params
    row = _price_rows(region.pk, on, [product.pk]).get(product.pk)
    if row is None:
        return gettext("No price for %(product)s on %(date)s.") % params
    return gettext("No annual pass price on %(date)s to derive %(product)s from.") % params


def month_start_problem(day: date) -> str:
    """Prices change per month: invoices bill each month at the price in force on its first
    day, so a price dated mid-month would never apply to its own month. "" when fine."""
    if day is None or day.day == 1:
        return ""
    suggestion = add_months(day.replace(day=1), 1)
    return gettext(
        "Prices change per month: choose the first day of a month, e.g. %(date)s. Each "
        "month is invoiced at the price in force on its first day."
    ) % {"date": formats.date_format(suggestion, "DATE_FORMAT")}
