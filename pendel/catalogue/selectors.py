"""Reads of the catalogue. Region-bound reads take the actor's scope; national products and
VAT rates are the same for everyone who may use the back office."""

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from pendel.accounts.access import Scope
from pendel.catalogue.models import Price, Product, RegionOffer, VatRate
from pendel.regions.selectors import regions_for


def products_for_region(region) -> QuerySet[Product]:
    """The national catalogue and the region's own add-ons, each marked `offered`."""
    offered = RegionOffer.objects.filter(region=region, product=OuterRef("pk"), is_enabled=True)
    return (
        Product.objects.filter(Q(region__isnull=True) | Q(region=region))
        .select_related("region")
        .annotate(offered=Exists(offered))
        .order_by("region_id", "sort_order", "code")
    )


def offered_products(region, *, orderable_only: bool = False) -> QuerySet[Product]:
    """What the region's members can have: active products the region has switched on."""
    products = Product.objects.filter(
        is_active=True,
        offers__region=region,
        offers__is_enabled=True,
    ).select_related("region")
    if orderable_only:
        products = products.filter(is_orderable=True)
    return products.order_by("sort_order", "code")


def product_get_for_edit(scope: Scope, pk) -> Product:
    """A national product for the coordinator, a region's own one for its staff; else 404."""
    product = Product.objects.select_related("region").filter(pk=pk).first()
    if product is None:
        raise Http404
    if product.is_national and scope.is_coordinator:
        return product
    if not product.is_national and regions_for(scope).filter(pk=product.region_id).exists():
        return product
    raise Http404


def product_get_for_region(region, pk) -> Product:
    """A product the region may offer (national or its own); else 404."""
    product = products_for_region(region).filter(pk=pk).first()
    if product is None:
        raise Http404
    return product


def prices_for_region(region) -> QuerySet[Price]:
    return Price.objects.filter(region=region).select_related("product__region", "created_by")


def vat_rates() -> QuerySet[VatRate]:
    return VatRate.objects.select_related("country").order_by(
        "country_id", "tax_class", "-valid_from"
    )


def vat_rate_get(pk) -> VatRate:
    rate = vat_rates().filter(pk=pk).first()
    if rate is None:
        raise Http404
    return rate


# What a new price changes is known to the apps that bill (orders, invoices), which import
# the catalogue, not the other way: the invoicing app registers its reckoning at start-up.
_price_change_effect = None


def price_change_effect_register(function) -> None:
    global _price_change_effect
    _price_change_effect = function


def price_change_effect(region, product, month):
    """What a price from `month` on affects (invoicing.selectors.PriceChangeEffect)."""
    if _price_change_effect is None:
        raise ImproperlyConfigured("pendel.invoicing registers the price change effect.")
    return _price_change_effect(region, product, month)
