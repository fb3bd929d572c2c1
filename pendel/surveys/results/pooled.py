"""Results across companies: a region's or the whole country's, pooling every respondent
(so each company weighs by its respondents), with each company's car share against its own
baseline. The same protection applies: every group goes through `protect()`."""

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext

from pendel.companies.models import Location
from pendel.core.dates import earliest_today
from pendel.regions.models import Region
from pendel.surveys.models import MIN_GROUP_SIZE_FLOOR, Invitation, Wave
from pendel.surveys.results import compute
from pendel.surveys.results.build import (
    CAR_ALONE,
    Results,
    adjusted_share,
    car_row,
    car_table,
    empty_tables,
    figures_row,
    min_size_of,
)
from pendel.surveys.results.tables import FigureTable, Table, change, pool, protect
from pendel.surveys.selectors import Rate, closed_invitations, settings_by_region


def pooled_rate(waves: QuerySet[Wave], regions: list[Region]) -> Rate:
    """The rate over the waves, counting the invitations closed for ended or erased
    employees apart, as each wave's own rate does (the day that has begun in every region
    pooled)."""
    closed = closed_invitations(earliest_today(regions), closes_on=F("wave__closes_on"))
    counts = Invitation.objects.filter(wave__in=waves.values("id")).aggregate(
        invited=Count("id"),
        undelivered=Count("id", filter=Q(undelivered_at__isnull=False)),
        answered=Count("id", filter=Q(answered_at__isnull=False)),
        closed=Count("id", filter=closed),
    )
    return Rate(counts["invited"], counts["undelivered"], counts["answered"], counts["closed"])


def pooled_results(*, waves: QuerySet[Wave], regions: list[Region], title: str) -> Results:
    """Results of the submitted responses of `waves` (already scoped by the caller) that
    are closed. Each wave's tables are protected on their own and only the groups shown
    there are pooled (`pool`); the minimum is the largest of the regions pooled."""
    region_settings = settings_by_region([region.pk for region in regions])
    min_size = max([MIN_GROUP_SIZE_FLOOR, *(min_size_of(s) for s in region_settings.values())])
    counts = len(regions) == 1 and all(
        s.count_non_respondents_as_drive_alone for s in region_settings.values()
    )
    closed = waves.filter(closed_at__isnull=False)
    wave_places = list(closed.values_list("id", "location_id", "location__region_id"))
    wave_ids = [wave_id for wave_id, _location, _region in wave_places]
    by_wave = compute.raw_tables_by_wave(
        compute.answers_of(closed.values("id")), closed.values("id")
    )
    per_wave = [by_wave.get(wave_id) or empty_tables() for wave_id in wave_ids] or [empty_tables()]
    tables = {key: pool([t[key] for t in per_wave], min_size=min_size) for key in per_wave[0]}
    results = Results(
        title=title,
        min_size=min_size,
        tables=tables,
        rate=pooled_rate(waves, regions),
        counts_non_respondents=counts,
    )
    if counts:
        car_alone = None if results.suppressed else results.summary.values[CAR_ALONE]
        results.adjusted_car_share = adjusted_share(car_alone, results.rate)
    summaries = {wave_id: by_wave[wave_id]["summary"] for wave_id in wave_ids if wave_id in by_wave}
    results.figures["companies"] = companies_table(
        wave_places, summaries, min_size=min_size, counts=counts
    )
    if len(regions) > 1:
        results.figures["regions"] = regions_table(
            wave_places, summaries, regions, min_size=min_size
        )
    return results


def _car_summary(summary) -> Table:
    """A wave's summary as a one-row car table."""
    row = summary.rows[0]
    return car_table([car_row("all", "", (row.n or 0, row.values.get(CAR_ALONE, 0)))])


def _pooled_car_rows(wave_places, summaries, place: int, keys, labels, *, min_size: int):
    """Per location or region: the car share of its waves, each protected on its own and
    pooled from the shown ones only, then protected as a partition (complementary
    suppression), so that no hidden company follows from the total minus the shown ones."""
    groups: dict = {key: [] for key in keys}
    for wave in wave_places:
        if wave[0] in summaries and wave[place] in groups:
            groups[wave[place]].append(_car_summary(summaries[wave[0]]))
    rows = []
    for key in keys:
        pooled = pool(groups[key], min_size=min_size).rows if groups[key] else []
        row = pooled[0] if pooled else None
        n, car_alone = (row.n, row.values[CAR_ALONE]) if row and not row.suppressed else (0, 0)
        rows.append(car_row(key, labels[key], (n, car_alone)))
    return protect(car_table(rows, partition=True), min_size=min_size).rows


def _first_baselines(location_ids) -> dict[int, int]:
    """Each location's baseline wave: its first baseline survey that was sent and closed."""
    waves = (
        Wave.objects.filter(
            location_id__in=location_ids, kind=Wave.Kind.BASELINE, dispatched_at__isnull=False
        )
        .exclude(closed_at=None)
        .order_by("location_id", "opens_on", "id")
        .values_list("location_id", "id")
    )
    first: dict[int, int] = {}
    for location_id, wave_id in waves:
        first.setdefault(location_id, wave_id)
    return first


def companies_table(wave_places, summaries, *, min_size: int, counts: bool) -> FigureTable:
    """Per location: respondents, car share, its baseline and the change."""
    location_ids = list(dict.fromkeys(location for _wave, location, _region in wave_places))
    locations = {
        location.pk: location
        for location in Location.objects.filter(id__in=location_ids).select_related(
            "organisation", "region"
        )
    }
    baselines = _first_baselines(location_ids)
    before = compute.car_alone_by(
        compute.answers_of(list(baselines.values())).responses, "location"
    )
    ordered = sorted(locations, key=lambda pk: str(locations[pk]).lower())
    baseline_rows = [
        protect(
            car_table([car_row(pk, "", before.get(pk, (0, 0)))]),
            min_size=min_size,
            withheld=pk not in baselines,
        ).rows[0]
        for pk in ordered
    ]
    labels = {pk: str(location) for pk, location in locations.items()}
    company_rows = _pooled_car_rows(wave_places, summaries, 1, ordered, labels, min_size=min_size)
    table = car_table(company_rows)
    rows = []
    for pk, row, base_row in zip(ordered, table.rows, baseline_rows, strict=True):
        share, baseline = row.share(CAR_ALONE), base_row.share(CAR_ALONE)
        points, percent = change(share, baseline)
        figures = {CAR_ALONE: share, "baseline": baseline, "points": points, "percent": percent}
        rows.append(figures_row(str(pk), row.label, row, figures))
    return FigureTable(
        key="companies",
        title=gettext("Car share per company"),
        columns=[
            (CAR_ALONE, gettext("Car share (driving alone)"), "%"),
            ("baseline", gettext("Car share in the baseline survey"), "%"),
            ("points", gettext("Change against the baseline (percentage points)"), "pp"),
            ("percent", gettext("Change against the baseline (per cent)"), "%"),
        ],
        rows=rows,
        group_label=gettext("Company"),
        note=gettext("Per company, the car share of those who answered.") if counts else "",
    )


def regions_table(wave_places, summaries, regions: list[Region], *, min_size: int) -> FigureTable:
    present = {region for _wave, _location, region in wave_places}
    ordered = [region.pk for region in regions if region.pk in present]
    labels = {region.pk: str(region) for region in regions}
    table = car_table(
        _pooled_car_rows(wave_places, summaries, 2, ordered, labels, min_size=min_size)
    )
    rows = [
        figures_row(
            key=row.key,
            label=row.label,
            row=row,
            figures={CAR_ALONE: row.share(CAR_ALONE)},
        )
        for row in table.rows
    ]
    return FigureTable(
        key="regions",
        title=gettext("Car share per programme"),
        columns=[(CAR_ALONE, gettext("Car share (driving alone)"), "%")],
        rows=rows,
        group_label=gettext("Programme"),
        note=gettext("Figures of those who answered; regions' own counting rules do not apply."),
    )
