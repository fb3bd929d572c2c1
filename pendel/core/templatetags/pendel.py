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


# The colour of a status tag (Designsystemet `ds-tag` with `data-color`), by the status's
# badge name (`badge-<status>` in templates): what each status means to the person reading.
STATUS_COLOURS = {
    "failed": "danger",
    "rejected": "danger",
    "overdue": "danger",
    "successful": "success",
    "active": "success",
    "qualified": "success",
    "done": "success",
    "paid": "success",
    "applied": "warning",
    "pending": "warning",
    "approved": "info",
    "ended": "neutral",
}


@register.filter
def status_colour(status) -> str:
    """{{ membership.status|status_colour }}: danger, success, warning, info or neutral."""
    return STATUS_COLOURS.get(str(status or ""), "neutral")


@register.filter
def ds_widget(field):
    """{{ field|ds_widget }}: the field's widget as a Designsystemet input (`ds-input`), tied
    to its description and validation message for screen readers."""
    attrs = {}
    widget = field.field.widget
    classes = widget.attrs.get("class", "")
    if "ds-input" not in classes.split():
        attrs["class"] = f"{classes} ds-input".strip()
    described_by = widget.attrs.get("aria-describedby", "").split()
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(dict.fromkeys(described_by))
    return field.as_widget(attrs=attrs)
