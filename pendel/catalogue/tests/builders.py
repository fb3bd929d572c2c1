"""Catalogue data for tests: the seeded national catalogue, offers and prices."""

from datetime import date
from decimal import Decimal

from pendel.catalogue.models import AnnualPassPrice, Price, Product, RegionOffer
from pendel.catalogue.seed import catalogue_seed_national

SINCE = date(2025, 1, 1)


def seed() -> None:
    catalogue_seed_national()


def national(code: str) -> Product:
    return Product.objects.get(region=None, code=code)


def offer(region, code: str, amount: str | None = None, **price) -> Product:
    """Switch the national product on in the region, with a price from 2025 when given."""
    product = national(code)
    RegionOffer.objects.update_or_create(
        region=region, product=product, defaults={"is_enabled": True}
    )
    if amount is not None or price.get("basis") == Price.Basis.ANNUAL_PASS:
        set_price(region, product, amount, **price)
    return product


def set_price(
    region,
    product: Product,
    amount: str | None,
    *,
    includes_vat: bool = False,
    basis: str = Price.Basis.FIXED,
    valid_from: date = SINCE,
) -> Price:
    return Price.objects.create(
        region=region,
        product=product,
        basis=basis,
        amount=Decimal(amount) if amount is not None else None,
        includes_vat=includes_vat,
        valid_from=valid_from,
    )


def annual_pass(region, amount: str, valid_from: date = SINCE) -> AnnualPassPrice:
    return AnnualPassPrice.objects.create(
        region=region, amount=Decimal(amount), valid_from=valid_from
    )
