"""Server-rendered bar charts: geometry for an inline SVG, drawn by
templates/surveys/includes/bar_chart.html beside a table with the same figures. Charts are
made only from protected tables, so a hidden group is a bar with no value."""

from dataclasses import dataclass

from django.utils.translation import gettext

from pendel.surveys.results.display import format_value
from pendel.surveys.results.tables import FigureTable, Table

WIDTH = 400
LABEL_HEIGHT = 20
BAR_HEIGHT = 16
ROW_HEIGHT = 46
PLOT_WIDTH = 310  # room on the right for the value
FONT_SIZE = 14


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    text: str
    y: int
    width: float

    @property
    def label_y(self) -> int:
        return self.y + LABEL_HEIGHT - 5

    @property
    def bar_y(self) -> int:
        return self.y + LABEL_HEIGHT

    @property
    def text_x(self) -> float:
        return self.width + 6

    @property
    def text_y(self) -> int:
        return self.bar_y + BAR_HEIGHT - 2


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: list
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT
    plot_width: int = PLOT_WIDTH
    font_size: int = FONT_SIZE

    @property
    def height(self) -> int:
        return max(ROW_HEIGHT, len(self.bars) * ROW_HEIGHT)

    @property
    def description(self) -> str:
        return gettext("Bar chart. The same figures are in the table next to it.")


def _text(value: float | None, unit: str) -> str:
    return format_value(value, "%" if unit == "%" else "mean")


def _bars(pairs: list[tuple[str, float | None]], unit: str, scale: float) -> list[Bar]:
    bars = []
    for index, (label, value) in enumerate(pairs):
        width = 0 if value is None or scale <= 0 else max(0.0, PLOT_WIDTH * value / scale)
        bars.append(Bar(label, value, _text(value, unit), index * ROW_HEIGHT, round(width, 1)))
    return bars


def columns_chart(table: Table, *, row_index: int = 0) -> Chart:
    """One group's categories as bars, e.g. the mode shares of all respondents."""
    row = table.rows[row_index]
    unit = "%" if table.unit == "share" else "days"
    pairs = [(str(label), row.shown(key, table.unit)) for key, label in table.columns]
    scale = 100 if table.unit == "share" else 5
    return Chart(key=table.key, title=table.title, bars=_bars(pairs, unit, scale))


def rows_chart(table: Table, *, column: str, title: str) -> Chart:
    """One category across groups, e.g. the car share per department."""
    pairs = [(row.label, row.share(column)) for row in table.rows]
    return Chart(key=f"{table.key}-{column}", title=title, bars=_bars(pairs, "%", 100))


def figures_chart(table: FigureTable, *, column: str, title: str) -> Chart:
    pairs = [(row.label, row.figures.get(column)) for row in table.rows]
    return Chart(key=f"{table.key}-{column}", title=title, bars=_bars(pairs, "%", 100))


def result_charts(results) -> dict[str, Chart]:
    """The charts of a results page, by the key of the table they sit beside."""
    tables = results.tables
    car = gettext("Car share (driving alone)")
    charts = {
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
