"""What the audit trail records about the catalogue (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import date_text, register_actions


class CatalogueAction(models.TextChoices):
    PRODUCT_CREATED = "product.created", _("Product created.")
    PRODUCT_CHANGED = "product.changed", _("Product changed.")
    OFFER_ENABLED = "offer.enabled", _("Product offered in the region.")
    OFFER_DISABLED = "offer.disabled", _("Product no longer offered in the region.")
    PRICE_SET = "price.set", _("Price set.")
    ANNUAL_PASS_SET = "annual_pass.set", _("Annual pass price set.")
    VAT_RATE_CREATED = "vat_rate.created", _("VAT rate added.")
    VAT_RATE_CONFIRMED = "vat_rate.confirmed", _("VAT rate checked at the source.")


def _price_set(changes: dict) -> str:
    return gettext("Price set from %(date)s.") % {"date": date_text(changes["valid_from"])}


register_actions(CatalogueAction, sentences={CatalogueAction.PRICE_SET: _price_set})
