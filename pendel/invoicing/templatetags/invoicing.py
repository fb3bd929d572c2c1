from babel.numbers import format_decimal
from django import template

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
def invoice_route(organisation):
    """The organisation's e-invoice route (routes.delivery_route): `route.kind`, `.label`."""
    return delivery_route(organisation)
