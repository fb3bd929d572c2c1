"""The charts of the survey results, drawn by pendel.core.charts (matplotlib, inline SVG that
needs no JavaScript and prints in the PDF). Each sits beside a table with the same figures,
which is its text alternative. Charts are made only from protected tables, so a hidden group
is an empty track with "–" and no number; the base (n = …) is written only where the group's
size is shown in the table too."""

import base64
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext

from pendel.core.charts import Bar, bar_chart, chart_title
from pendel.core.money import format_number
from pendel.surveys.results.display import format_value
from pendel.surveys.results.tables import FigureTable, Table


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: list
    scale: float = 100

    @cached_property
    def svg(self) -> str:
        return bar_chart(self.key, self.title, self.bars, scale=self.scale)

    @cached_property
    def data_uri(self) -> str:
        """The same SVG as an image source, for the PDF (WeasyPrint draws SVG images)."""
        svg = bar_chart(self.key, self.title, self.bars, scale=self.scale, text_as_paths=True)
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _bars(pairs: list[tuple[str, float | None]], unit: str) -> list[Bar]:
    return [Bar(str(label), value, format_value(value, unit)) for label, value in pairs]


def _with_n(label: str, n: int | None) -> str:
    return label if not n else f"{label} (n\u00a0=\u00a0{format_number(n)})"


def columns_chart(table: Table, *, row_index: int = 0, title: str = "") -> Chart:
    """One group's categories as bars, e.g. the mode shares of all respondents."""
    row = table.rows[row_index]
    share = table.unit == "share"
    pairs = [(str(label), row.shown(key, table.unit)) for key, label in table.columns]
    what = title or table.title
    if share:
        what = gettext("%(what)s, share of respondents") % {"what": what}
    return Chart(
        key=table.key,
        title=chart_title(what, None if row.suppressed else row.n),
        bars=_bars(pairs, "%" if share else "mean"),
        scale=100 if share else 5,
    )


def rows_chart(table: Table, *, column: str, title: str) -> Chart:
    """One category across groups, e.g. the car share per department; each bar's label
    carries its group's size where it is shown."""
    pairs = [(_with_n(row.label, row.n), row.share(column)) for row in table.rows]
    shown = sum(row.n for row in table.rows if not row.suppressed and row.n)
    return Chart(
        key=f"{table.key}-{column}",
        title=chart_title(title, shown or None),
        bars=_bars(pairs, "%"),
    )


def figures_chart(table: FigureTable, *, column: str, title: str) -> Chart:
    pairs = [(_with_n(row.label, row.n), row.figures.get(column)) for row in table.rows]
    return Chart(key=f"{table.key}-{column}", title=title, bars=_bars(pairs, "%"))


def result_charts(results) -> dict[str, Chart]:
    """The charts of a results page, by the key of the table they sit beside."""
    tables = results.tables
    car = gettext("Car share (driving alone)")
    charts = {
        "summary": columns_chart(tables["summary"], title=gettext("How people travel to work")),
        "modes": columns_chart(tables["modes"]),
        "distance": columns_chart(tables["distance"]),
        "days": columns_chart(tables["days"]),
    }
    for key in ("department", "age_group", "is_manager"):
        charts[key] = rows_chart(
            tables[key], column="car_alone", title=f"{tables[key].title}: {car}"
        )
    for key in ("trend", "companies", "regions"):
        if key in results.figures:
            figure = results.figures[key]
            charts[key] = figures_chart(figure, column="car_alone", title=figure.title)
    return charts
