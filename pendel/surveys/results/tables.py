"""Result tables and the one rule every results path goes through: no group smaller than
the minimum group size is ever shown.

`protect()` is that rule. The builders in `build.py` call it on every table before anything
(page, chart, export, API) sees the numbers; the other modules only read protected tables.
"""

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Row:
    """One group of respondents: its size `n` and a value per column (a count for share
    tables, an average for mean tables). A suppressed row carries no number at all."""

    key: str
    label: str
    n: int | None
    values: dict = field(default_factory=dict)
    suppressed: bool = False

    def share(self, column: str) -> float | None:
        """The column's count as a percentage of the group, one decimal."""
        value = self.values.get(column)
        if self.suppressed or not self.n or value is None:
            return None
        return round(100 * value / self.n, 1)

    def shown(self, column: str, unit: str) -> float | None:
        if unit == "share":
            return self.share(column)
        value = self.values.get(column)
        return None if self.suppressed or value is None else round(float(value), 1)


@dataclass(frozen=True)
class Table:
    """Rows of groups × columns of categories. `partition`: the rows split one set of
    respondents whose total is shown elsewhere (departments, age groups, companies)."""

    key: str
    title: str
    columns: list
    rows: list
    unit: str = "share"  # "share": percent of the row's group; "mean": an average
    partition: bool = False
    protected: bool = False
    group_label: str = ""


def _hidden(row: Row) -> Row:
    return replace(row, n=None, values=dict.fromkeys(row.values), suppressed=True)


def protect(table: Table, *, min_size: int) -> Table:
    """Hide every row of fewer than `min_size` respondents. In a partition, when the hidden
    rows together are still fewer than `min_size`, hide the next smallest rows as well, so
    that no hidden group can be worked out by subtracting the shown ones from the total."""
    rows = table.rows
    hidden = {i for i, row in enumerate(rows) if not row.n or row.n < min_size}
    if table.partition and any(rows[i].n for i in hidden):
        hidden_total = sum(rows[i].n or 0 for i in hidden)
        shown = sorted((i for i in range(len(rows)) if i not in hidden), key=lambda i: rows[i].n)
        while hidden_total < min_size and shown:
            smallest = shown.pop(0)
            hidden.add(smallest)
            hidden_total += rows[smallest].n
    protected_rows = [_hidden(row) if i in hidden else row for i, row in enumerate(rows)]
    return replace(table, rows=protected_rows, protected=True)


def change(current: float | None, baseline: float | None) -> tuple[float | None, float | None]:
    """(change in percentage points, relative change in per cent) against the baseline."""
    if current is None or baseline is None:
        return None, None
    points = round(current - baseline, 1)
    percent = round(100 * (current - baseline) / baseline, 1) if baseline else None
    return points, percent


@dataclass(frozen=True)
class FigureRow:
    """A row of final figures (percentages, points), made only from protected rows."""

    key: str
    label: str
    n: int | None
    figures: dict = field(default_factory=dict)
    suppressed: bool = False


@dataclass(frozen=True)
class FigureTable:
    """Figures per group, e.g. the car share per wave or per company. `columns` are
    (key, label, unit) with unit "%" or "pp"."""

    key: str
    title: str
    columns: list
    rows: list
    group_label: str = ""
    note: str = ""
