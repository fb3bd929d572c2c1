"""Result tables and the one rule every results path goes through: no group smaller than
the minimum group size is ever shown, and no hidden group can be worked out from shown ones.

`protect()` is that rule. The builders in `build.py` and `pooled.py` call it on every table
before anything (page, chart, export, API) sees the numbers; the other modules only read
protected tables. Results across waves (a company's, a region's, the country's) are made
by `pool()`, which protects each wave's table first and adds up only the rows shown there:
a group hidden in one wave never feeds the same breakdown higher up, so "region minus the
shown companies" or "region minus the other company's department" gives nothing hidden.
"""

from collections import Counter
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
    order: tuple = ()

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
    left_out: int = 0  # respondents of groups hidden at a lower level, kept out of this table


def _hidden(row: Row) -> Row:
    return replace(row, n=None, values=dict.fromkeys(row.values), suppressed=True)


def protect(table: Table, *, min_size: int, withheld: bool = False) -> Table:
    """Hide every row of fewer than `min_size` respondents. In a partition, when the hidden
    rows together are still fewer than `min_size`, hide the next smallest rows as well, so
    that no hidden group can be worked out by subtracting the shown ones from the total.
    `withheld` (a wave still open) hides every row: its figures would move answer by answer."""
    rows = table.rows
    if withheld:
        hidden = set(range(len(rows)))
    else:
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


def pool(tables: list[Table], *, min_size: int) -> Table:
    """One table over several waves' tables of the same kind (at least one): each is
    protected on its own, the rows shown there are added up by key, the respondents of the
    rows hidden there are left out (counted in `left_out`), and the sum is protected again.
    Means are weighted by their groups' sizes."""
    protected = [protect(table, min_size=min_size) for table in tables]
    first = tables[0]
    sizes, values, labels, orders, left_out = Counter(), {}, {}, {}, 0
    for raw, shown in zip(tables, protected, strict=True):
        for raw_row, row in zip(raw.rows, shown.rows, strict=True):
            labels.setdefault(row.key, row.label)
            orders.setdefault(row.key, row.order)
            totals = values.setdefault(row.key, Counter())
            if row.suppressed:
                left_out += raw_row.n or 0
                continue
            sizes[row.key] += row.n
            for column, value in row.values.items():
                weight = row.n if first.unit == "mean" else 1
                totals[column] += (value or 0) * weight
    keys = list(labels)
    if first.partition:
        keys.sort(key=lambda key: (orders[key], str(labels[key]).lower()))
    columns = [key for key, _label in first.columns]
    rows = []
    for key in keys:
        n = sizes[key]
        if first.unit == "mean":
            row_values = {c: (values[key][c] / n if n else None) for c in columns}
        else:
            row_values = {c: values[key][c] for c in columns}
        rows.append(Row(key, labels[key], n, row_values, order=orders[key]))
    pooled = replace(first, rows=rows, protected=False, left_out=left_out)
    return protect(pooled, min_size=min_size)


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
