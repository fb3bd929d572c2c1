from babel.numbers import format_decimal
from django import template
from django.utils.translation import gettext

from pendel.core import conventions
from pendel.core.money import babel_locale
from pendel.invoicing.routes import delivery_route

register = template.Library()


@register.filter
def unit_price(value) -> str:
    """A unit price as the invoice has it: two to four decimals ('177,6786', '199,00')."""
    if value is None or value == "":
        return ""
    return format_decimal(value, format="#,##0.00##", locale=babel_locale())


@register.filter
def organisation_number(party: dict) -> str:
    """'KvK number: 27312152', 'Org.nr: 555070-7342': labelled as the party's country has it."""
    country = party.get("country", "")
    return gettext("%(label)s: %(value)s") % {
        "label": conventions.organisation_number_label(country),
        "value": conventions.organisation_number_display(country, party["organisation_number"]),
    }


@register.filter
def payment_reference_label(invoice) -> str:
    """KID for a Norwegian seller, OCR for a Swedish one, whatever the reader's language."""
    return conventions.payment_reference_label(invoice.seller.get("country", ""))


@register.filter
def seller_account(invoice) -> str:
    """The account to pay to as its bank prints it: 5050-1055, 1234 56 78903, NL91 ABNA …"""
    seller = invoice.seller
    return conventions.account_display(seller.get("account_kind", ""), seller.get("account_id"))


@register.filter
def invoice_route(organisation):
    """The organisation's e-invoice route (routes.delivery_route): `route.kind`, `.label`."""
    return delivery_route(organisation)
