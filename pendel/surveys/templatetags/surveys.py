from django import template

from pendel.surveys.results.display import format_value

register = template.Library()


@register.filter
def percent(value) -> str:
    """{{ 42.5|percent }} -> "42,5 %" in Norwegian; "–" for a hidden or missing figure."""
    return format_value(value, "%")


@register.filter
def points(value) -> str:
    """A change in percentage points with its sign: "+1,5", "−2"."""
    return format_value(value, "pp")
