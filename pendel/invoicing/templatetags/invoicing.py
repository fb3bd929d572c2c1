from babel.numbers import format_decimal
from django import template

from pendel.core.money import babel_locale

register = template.Library()


@register.filter
def unit_price(value) -> str:
    """A unit price as the invoice has it: two to four decimals ('177,6786', '199,00')."""
    if value is None or value == "":
        return ""
    return format_decimal(value, format="#,##0.00##", locale=babel_locale())
