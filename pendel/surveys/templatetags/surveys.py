from django import template

from pendel.core.money import format_number
from pendel.surveys.results.display import format_value, percent_text

register = template.Library()


@register.filter
def percent(value) -> str:
    """{{ 42.5|percent }} -> "42,5 %" in Norwegian; "–" for a hidden or missing figure."""
    return format_value(value, "%")


@register.filter
def points(value) -> str:
    """A change in percentage points with its sign: "+1,5", "−2"."""
    return format_value(value, "pp")


@register.filter
def whole_percent(value) -> str:
    """A whole percentage, e.g. a threshold: {{ 75|whole_percent }} -> "75 %" in Norwegian."""
    return "–" if value is None else percent_text(format_number(value))
