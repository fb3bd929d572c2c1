"""Every write to the catalogue, each in one transaction with its AuditEvent."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from pendel.catalogue.audit import CatalogueAction
from pendel.catalogue.models import (
    AnnualPassPrice,
    Price,
    Product,
    RegionOffer,
    VatRate,
)
from pendel.catalogue.pricing import month_start_problem
from pendel.core.audit import audit_record
from pendel.core.dates import today_in
from pendel.core.texts import texts_clean

PRODUCT_FIELDS = ("code", "kind", "billing", "tax_class", "is_orderable", "is_active", "sort_order")


def _audit(*, actor, action: str, obj, region_id=None, changes=None) -> None:
    audit_record(actor=actor, action=action, target=obj, region_id=region_id, changes=changes)


def _jsonable(value):
    return str(value) if isinstance(value, Decimal | date) else value


@transaction.atomic
def product_save(*, actor, product: Product, data: dict, texts: dict) -> Product:
    """Create or change a product: national (no region) or a region's own add-on. A new
    add-on is offered in its region at once."""
    texts = {field: texts_clean(texts.get(field)) for field in Product.TEXT_FIELDS}
    if not texts["name"]:
        raise ValidationError(gettext("Give the product a name in at least one language."))
    created = product.pk is None
    changes = {
        name: [_jsonable(getattr(product, name, None)), _jsonable(value)]
        for name, value in data.items()
        if created or getattr(product, name) != value
    }
    for name, value in data.items():
        setattr(product, name, value)
    for field, value in texts.items():
        if created or getattr(product, field) != value:
            changes[field] = [getattr(product, field), value]
        setattr(product, field, value)
    product.full_clean()
    product.save()
    if created and product.region_id:
        RegionOffer.objects.get_or_create(region_id=product.region_id, product=product)
    action = CatalogueAction.PRODUCT_CREATED if created else CatalogueAction.PRODUCT_CHANGED
    _audit(actor=actor, action=action, obj=product, region_id=product.region_id, changes=changes)
    return product


@transaction.atomic
def offer_set(*, actor, region, product: Product, enabled: bool) -> RegionOffer:
    """The region switches a national product (or its own) on or off."""
    if product.region_id not in (None, region.pk):
        raise ValidationError(gettext("This product belongs to another region."))
    offer, _ = RegionOffer.objects.get_or_create(
        region=region, product=product, defaults={"is_enabled": enabled}
    )
    if offer.is_enabled != enabled:
        offer.is_enabled = enabled
        offer.save(update_fields=["is_enabled"])
    _audit(
        actor=actor,
        action=CatalogueAction.OFFER_ENABLED if enabled else CatalogueAction.OFFER_DISABLED,
        obj=offer,
        region_id=region.pk,
        changes={"product": product.code},
    )
    return offer


def _check_month_start(valid_from: date) -> None:
    problem = month_start_problem(valid_from)
    if problem:
        raise ValidationError({"valid_from": problem}, code="month")


def _close_earlier(rows, valid_from: date, later_message: str) -> None:
    """A new row from `valid_from` ends the one in force before it; a later row stops it
    (`later_message` says so, with the later row's %(date)s)."""
    later = rows.filter(valid_from__gt=valid_from).order_by("valid_from").first()
    if later is not None:
        raise ValidationError(
            {"valid_from": later_message % {"date": later.valid_from.isoformat()}}
        )
    rows.filter(valid_from=valid_from).delete()
    day_before = valid_from - timedelta(days=1)
    rows.filter(valid_from__lt=valid_from).exclude(valid_to__lt=valid_from).update(
        valid_to=day_before
    )


@transaction.atomic
def price_set(
    *,
    actor,
    region,
    product: Product,
    basis: str,
    amount: Decimal | None,
    includes_vat: bool,
    valid_from: date,
) -> Price:
    """A new price from a day on; the price before it ends the day before. Issued invoices
    keep the price they copied."""
    if product.region_id not in (None, region.pk):
        raise ValidationError(gettext("This product belongs to another region."))
    _check_month_start(valid_from)
    price = Price(
        region=region,
        product=product,
        basis=basis,
        amount=amount if basis == Price.Basis.FIXED else None,
        includes_vat=includes_vat if basis == Price.Basis.FIXED else True,
        valid_from=valid_from,
        created_by=actor,
    )
    price.full_clean(exclude=["region", "product"], validate_unique=False)
    rows = Price.objects.select_for_update().filter(region=region, product=product)
    _close_earlier(
        rows,
        valid_from,
        gettext("A later price from %(date)s exists already; change that one first."),
    )
    price.save()
    changes = {
        "product": product.code,
        "basis": basis,
        "amount": _jsonable(price.amount),
        "includes_vat": price.includes_vat,
        "valid_from": valid_from.isoformat(),
    }
    _audit(
        actor=actor,
        action=CatalogueAction.PRICE_SET,
        obj=price,
        region_id=region.pk,
        changes=changes,
    )
    return price


@transaction.atomic
def annual_pass_set(
    *, actor, region, amount: Decimal, valid_from: date, source_url: str = ""
) -> AnnualPassPrice:
    _check_month_start(valid_from)
    annual = AnnualPassPrice(
        region=region,
        amount=amount,
        valid_from=valid_from,
        source_url=source_url,
        created_by=actor,
    )
    annual.full_clean(exclude=["region"], validate_unique=False)
    rows = AnnualPassPrice.objects.select_for_update().filter(region=region)
    _close_earlier(
        rows,
        valid_from,
        gettext("A later annual pass price from %(date)s exists already; change that one first."),
    )
    annual.save()
    changes = {"amount": str(amount), "valid_from": valid_from.isoformat()}
    _audit(
        actor=actor,
        action=CatalogueAction.ANNUAL_PASS_SET,
        obj=annual,
        region_id=region.pk,
        changes=changes,
    )
    return annual


@transaction.atomic
def vat_rate_create(*, actor, data: dict) -> VatRate:
    """A new rate from a day on (a change in law); the rate before it ends the day before."""
    rate = VatRate(**data)
    if rate.confirmed and not rate.checked_on:
        rate.checked_on = today_in(rate.country.time_zone)
    rate.full_clean(validate_unique=False)
    rows = VatRate.objects.select_for_update().filter(
        country_id=rate.country_id, tax_class=rate.tax_class
    )
    _close_earlier(
        rows,
        rate.valid_from,
        gettext("A later VAT rate from %(date)s exists already; change that one first."),
    )
    rate.save()
    changes = {key: _jsonable(value) for key, value in data.items() if key != "country"}
    _audit(actor=actor, action=CatalogueAction.VAT_RATE_CREATED, obj=rate, changes=changes)
    return rate


@transaction.atomic
def vat_rate_confirm(*, actor, rate: VatRate, source_url: str, source_text: str = "") -> VatRate:
    """Someone checked the rate on the tax authority's own page today; `source_text` is
    what the page says, kept with the rate's note and in the audit trail. Invoices that
    wait for the rate (a run's drafts) can be issued from then on."""
    rate.confirmed = True
    rate.checked_on = today_in(rate.country.time_zone)
    rate.source_url = source_url or rate.source_url
    source_text = " ".join(source_text.split())
    if source_text:
        quoted = f"{rate.checked_on.isoformat()}: «{source_text}»"
        rate.note = f"{rate.note}\n{quoted}".strip()
    rate.full_clean(validate_unique=False)
    rate.save(update_fields=["confirmed", "checked_on", "source_url", "note"])
    _audit(
        actor=actor,
        action=CatalogueAction.VAT_RATE_CONFIRMED,
        obj=rate,
        changes={
            "source_url": rate.source_url,
            "source_text": source_text,
            "checked_on": rate.checked_on.isoformat(),
        },
    )
    return rate
