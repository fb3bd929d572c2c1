"""Protected tables as the result pages show them: formatted cells, "–" for what is
hidden, and the same figures the charts and exports use."""

from dataclasses import dataclass

from babel import Locale
from babel.numbers import format_decimal
from django.utils.translation import gettext

from pendel.core.money import babel_locale, format_number

HIDDEN = "–"


@dataclass(frozen=True)
class Cell:
    text: str
    hidden: bool = False


def one_decimal(value) -> str:
    """12.5 -> "12,5" in Norwegian; 25 -> "25,0": figures line up in a column."""
    return format_decimal(value, format="#,##0.0", locale=babel_locale())


NBSP = "\u00a0"


def percent_text(number: str) -> str:
    """The locale's way of writing a percentage around a formatted number, as one
    unbreakable token: "12,5 %" in Norwegian and Swedish, "12.5%" in English, "12,5%" in
    Dutch (the space, where there is one, is a no-break space)."""
    pattern = Locale.parse(babel_locale()).percent_formats[None].pattern
    before, _, after = pattern.partition(";")[0].partition("#,##0")
    space = lambda text: text.replace(" ", NBSP).replace("\u202f", NBSP)  # noqa: E731
    return f"{space(before)}{number}{space(after.lstrip('0.#'))}"


def format_value(value, unit: str) -> str:
    if value is None:
        return HIDDEN
    if unit == "pp":
        sign = "+" if value > 0 else ("−" if value < 0 else "±")
        return f"{sign}{one_decimal(abs(value))}"
    if unit == "%":
        sign = "" if value >= 0 else "−"
        return f"{sign}{percent_text(one_decimal(abs(value)))}"
    return one_decimal(value)


def _n(row) -> Cell:
    return Cell(HIDDEN, True) if row.suppressed else Cell(format_number(row.n))


def table_display(table) -> dict:
    unit = "%" if table.unit == "share" else "mean"
    display = {
        "key": table.key,
        "title": table.title,
        "group_label": table.group_label or gettext("Group"),
        "headers": [str(label) for _key, label in table.columns],
        "rows": [
            {
                "label": row.label,
                "n": _n(row),
                "cells": [
                    Cell(format_value(row.shown(key, table.unit), unit), row.suppressed)
                    for key, _label in table.columns
                ],
                "hidden": row.suppressed,
            }
            for row in table.rows
        ],
        "any_hidden": any(row.suppressed for row in table.rows),
        "left_out": left_out(table),
    }
    display["single"] = _single(display)
    return display


def _single(display: dict) -> dict | None:
    """A table of one group (all respondents) read down rather than across: one row per
    category, so that a dozen categories fit a phone's width and a page's."""
    if len(display["rows"]) != 1:
        return None
    row = display["rows"][0]
    return {
        "label": row["label"],
        "n": row["n"],
        "hidden": row["hidden"],
        "rows": list(zip(display["headers"], row["cells"], strict=True)),
    }


def left_out(table) -> int:
    """Respondents kept out of a breakdown because their group is hidden at a lower level
    (a wave's department of three does not feed the region's department)."""
    return table.left_out if table.partition else 0


def figures_display(table) -> dict:
    return {
        "key": table.key,
        "title": table.title,
        "group_label": table.group_label or gettext("Group"),
        "headers": [label for _key, label, _unit in table.columns],
        "rows": [
            {
                "label": row.label,
                "n": _n(row),
                "cells": [
                    Cell(format_value(row.figures.get(key), unit), row.suppressed)
                    for key, _label, unit in table.columns
                ],
                "hidden": row.suppressed,
            }
            for row in table.rows
        ],
        "any_hidden": any(row.suppressed for row in table.rows),
        "note": table.note,
    }
