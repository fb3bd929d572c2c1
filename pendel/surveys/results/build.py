"""The results every path shows: a wave's, a location's over time, a region's or the whole
country's. Each builder computes raw tables in SQL (compute.py) and passes every one through
`protect()` before returning; pages, charts, exports and the API only get what it returns."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext

from pendel.companies.models import Location
from pendel.core.dates import region_today
from pendel.surveys.models import MIN_GROUP_SIZE_FLOOR, Invitation, Wave
from pendel.surveys.results import compute
from pendel.surveys.results.tables import FigureRow, FigureTable, Row, Table, change, protect
from pendel.surveys.selectors import (
    Rate,
    closed_invitations,
    response_rate,
    survey_settings_for,
)

CAR_ALONE = "car_alone"


@dataclass
class Comparison:
    """The car share against the company's baseline survey."""

    baseline_label: str
    baseline: float | None
    current: float | None
    points: float | None
    percent: float | None
    counts_non_respondents: bool


@dataclass
class Results:
    title: str
    min_size: int
    tables: dict = field(default_factory=dict)
    figures: dict = field(default_factory=dict)
    rate: Rate | None = None
    counts_non_respondents: bool = False
    adjusted_car_share: float | None = None
    comparison: Comparison | None = None
    withheld: bool = False  # a wave still open: only its response rate is shown

    @property
    def summary(self) -> Row:
        return self.tables["summary"].rows[0]

    @property
    def respondents(self) -> int | None:
        return self.summary.n

    @property
    def suppressed(self) -> bool:
        return self.summary.suppressed

    @property
    def car_share(self) -> float | None:
        return self.summary.share(CAR_ALONE)

    @property
    def headline_car_share(self) -> float | None:
        return self.adjusted_car_share if self.counts_non_respondents else self.car_share


def submitted(responses: QuerySet) -> QuerySet:
    return responses.filter(submitted_at__isnull=False)


def min_size_of(settings) -> int:
    """The region's smallest group shown, never under the floor of five (whatever the row
    in the database says)."""
    return max(settings.min_group_size, MIN_GROUP_SIZE_FLOOR)


def empty_tables() -> dict[str, Table]:
    return compute.raw_tables([], Counter(), Counter(), {}, {})


def wave_tables(wave: Wave, min_size: int, *, withheld: bool) -> dict[str, Table]:
    raw = compute.raw_tables_by_wave(compute.answers_of([wave.pk]), [wave.pk])
    tables = raw.get(wave.pk) or empty_tables()
    return {
        key: protect(table, min_size=min_size, withheld=withheld) for key, table in tables.items()
    }


def adjusted_share(car_alone: int | None, rate: Rate) -> float | None:
    """The car share counting everyone who got the invitation but did not answer as
    driving alone: (drivers alone + non-respondents) ÷ delivered invitations."""
    if car_alone is None or not rate.delivered:
        return None
    return round(100 * (car_alone + rate.delivered - rate.answered) / rate.delivered, 1)


def car_alone_count(row: Row) -> int | None:
    return None if row.suppressed else row.values.get(CAR_ALONE)


def wave_label(wave: Wave) -> str:
    return f"{wave.get_kind_display()}, {date_format(wave.opens_on, 'SHORT_DATE_FORMAT')}"


def car_row(key, label: str, counts: tuple[int, int]) -> Row:
    n, car_alone = counts
    return Row(str(key), label, n, {CAR_ALONE: car_alone})


def car_table(rows: list[Row], partition: bool = False) -> Table:
    return Table(key="car", title="", columns=[(CAR_ALONE, "")], rows=rows, partition=partition)


def wave_results(wave: Wave) -> Results:
    """One wave's results, as the contact person and the advisor see them."""
    settings = survey_settings_for(wave.location.region)
    min_size = min_size_of(settings)
    withheld = not wave.is_closed
    results = Results(
        title=f"{wave.location} – {wave_label(wave)}",
        min_size=min_size,
        tables=wave_tables(wave, min_size, withheld=withheld),
        rate=response_rate(wave),
        counts_non_respondents=settings.count_non_respondents_as_drive_alone,
        withheld=withheld,
    )
    if results.counts_non_respondents:
        results.adjusted_car_share = adjusted_share(car_alone_count(results.summary), results.rate)
    trend = Trend(wave.location, min_size=min_size, counts=results.counts_non_respondents)
    trend.compute(current=wave, summary=results.summary, rate=results.rate)
    results.figures["trend"] = trend.table()
    results.comparison = trend.comparison(wave, results.headline_car_share)
    return results


def figures_row(key, label, row: Row, figures: dict) -> FigureRow:
    if row.suppressed:
        return FigureRow(key, label, None, dict.fromkeys(figures), True)
    return FigureRow(key, label, row.n, figures)


def trend_columns(counts_non_respondents: bool) -> list:
    columns = [(CAR_ALONE, gettext("Car share (driving alone)"), "%")]
    if counts_non_respondents:
        columns.append(
            ("adjusted", gettext("Car share, non-respondents counted as driving alone"), "%")
        )
    columns += [
        ("points", gettext("Change against the baseline (percentage points)"), "pp"),
        ("percent", gettext("Change against the baseline (per cent)"), "%"),
    ]
    return columns


class Trend:
    """The car share of each wave at a location and its change against the baseline (the
    location's first baseline survey). The wave on the page lends its own figures, so only
    the other waves are counted here."""

    def __init__(self, location: Location, *, min_size: int, counts: bool):
        self.location, self.min_size, self.counts = location, min_size, counts
        self.rows: list[FigureRow] = []
        self.baseline: tuple[int, str, float | None] | None = None

    def compute(self, *, current: Wave | None = None, summary: Row | None = None, rate=None):
        waves = list(
            Wave.objects.filter(location=self.location, dispatched_at__isnull=False).order_by(
                "opens_on", "id"
            )
        )
        others = [wave.pk for wave in waves if current is None or wave.pk != current.pk]
        counts = compute.car_alone_by(compute.answers_of(others).responses, "wave")
        rates = rates_by_wave(others, today=region_today(self.location.region))
        if current is not None:
            rates[current.pk] = rate
        rows = [
            protect(
                car_table([car_row(w.pk, wave_label(w), counts.get(w.pk, (0, 0)))]),
                min_size=self.min_size,
                withheld=not w.is_closed,
            ).rows[0]
            for w in waves
        ]
        if current is not None:
            index = next(i for i, w in enumerate(waves) if w.pk == current.pk)
            rows[index] = _summary_as_car_row(current, summary)
        for wave, row in zip(waves, rows, strict=True):
            self._add(wave, row, rates.get(wave.pk) or Rate(0, 0, 0))

    def _add(self, wave: Wave, row: Row, rate: Rate) -> None:
        car_alone, share = car_alone_count(row), row.share(CAR_ALONE)
        adjusted = adjusted_share(car_alone, rate)
        headline = adjusted if self.counts else share
        if self.baseline is None and wave.kind == Wave.Kind.BASELINE:
            self.baseline = (wave.pk, row.label, headline)
        points, percent = change(headline, self.baseline[2] if self.baseline else None)
        figures = {CAR_ALONE: share, "points": points, "percent": percent}
        if self.counts:
            figures["adjusted"] = adjusted
        self.rows.append(figures_row(str(wave.pk), row.label, row, figures))

    def table(self) -> FigureTable:
        return FigureTable(
            key="trend",
            title=gettext("Car share survey by survey"),
            columns=trend_columns(self.counts),
            rows=self.rows,
            group_label=gettext("Survey"),
            note=counting_note(self.counts),
        )

    def comparison(self, wave: Wave, current: float | None) -> Comparison | None:
        if self.baseline is None or self.baseline[0] == wave.pk:
            return None
        _pk, label, before = self.baseline
        points, percent = change(current, before)
        return Comparison(label, before, current, points, percent, self.counts)


def _summary_as_car_row(wave: Wave, summary: Row) -> Row:
    """The wave's own protected summary, as a row of the trend."""
    return Row(str(wave.pk), wave_label(wave), summary.n, {CAR_ALONE: car_alone_count(summary)},
               summary.suppressed)  # fmt: skip


def rates_by_wave(wave_ids: list[int], *, today) -> dict[int, Rate]:
    """Each wave's rate in one query, counting the invitations closed for ended or erased
    employees apart, as the wave's own rate does (`response_rate`)."""
    if not wave_ids:
        return {}
    closed = closed_invitations(today, closes_on=F("wave__closes_on"))
    rows = (
        Invitation.objects.filter(wave_id__in=wave_ids)
        .order_by()
        .values("wave")
        .annotate(
            invited=Count("id"),
            undelivered=Count("id", filter=Q(undelivered_at__isnull=False)),
            answered=Count("id", filter=Q(answered_at__isnull=False)),
            closed=Count("id", filter=closed),
        )
    )
    return {
        row["wave"]: Rate(row["invited"], row["undelivered"], row["answered"], row["closed"])
        for row in rows
    }


@dataclass(frozen=True)
class CarShare:
    """A wave's headline car share as the trend shows it (adjusted where the region counts
    non-respondents as driving alone), or None with `suppressed` when fewer than the
    minimum group size answered (or the wave is still open)."""

    n: int | None
    share: float | None
    suppressed: bool


def car_shares_by_wave(waves: list[Wave], *, settings, today) -> dict[int, CarShare]:
    """The car share of each of a region's waves (one region's `settings`), each protected
    on its own by the minimum group size, in two queries whatever the number of waves."""
    if not waves:
        return {}
    ids = [wave.pk for wave in waves]
    counts = compute.car_alone_by(compute.answers_of(ids).responses, "wave")
    adjusted = settings.count_non_respondents_as_drive_alone
    rates = rates_by_wave(ids, today=today) if adjusted else {}
    shares = {}
    for wave in waves:
        row = protect(
            car_table([car_row(wave.pk, "", counts.get(wave.pk, (0, 0)))]),
            min_size=min_size_of(settings),
            withheld=not wave.is_closed,
        ).rows[0]
        share = row.share(CAR_ALONE)
        if adjusted:
            share = adjusted_share(car_alone_count(row), rates.get(wave.pk) or Rate(0, 0, 0))
        shares[wave.pk] = CarShare(row.n, share, row.suppressed)
    return shares


def location_trend(location: Location, *, settings=None) -> FigureTable:
    """The car share of each wave at a location and its change against the baseline."""
    settings = settings or survey_settings_for(location.region)
    counts = settings.count_non_respondents_as_drive_alone
    trend = Trend(location, min_size=min_size_of(settings), counts=counts)
    trend.compute()
    return trend.table()


def counting_note(counts_non_respondents: bool) -> str:
    if not counts_non_respondents:
        return ""
    return gettext(
        "This region counts everyone invited who did not answer as driving alone; the "
        "changes against the baseline use that car share."
    )
