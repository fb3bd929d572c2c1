from django import template

from pendel.core import conventions
from pendel.core import forms as core_forms
from pendel.core.money import format_money, format_number

register = template.Library()


@register.filter
def money(amount, currency: str) -> str:
    """{{ amount|money:region.currency }} -> 'kr 1 234,50' in Norwegian."""
    if amount is None or amount == "":
        return ""
    return format_money(amount, currency)


@register.filter
def number(value) -> str:
    if value is None or value == "":
        return ""
    return format_number(value)


@register.filter
def fields_named(form, names: str):
    """The bound fields of `form` named in the space-separated `names`, in that order."""
    return [form[name] for name in names.split()]


@register.filter
def organisation_number_label(country) -> str:
    """{{ organisation.country_id|organisation_number_label }}: 'KvK number' for a Dutch
    company, 'Organisation number' for a Norwegian one, in the reader's language."""
    return conventions.organisation_number_label(str(country or ""))


@register.filter
def organisation_number(number, country) -> str:
    """{{ organisation.organisation_number|organisation_number:organisation.country_id }}:
    555070-7342, 923 609 016, 27312152."""
    return conventions.organisation_number_display(str(country or ""), number)


@register.filter
def error_summary(form):
    """{% for line in form|error_summary %}: see pendel.core.forms.error_summary."""
    return core_forms.error_summary(form) if form is not None else []
