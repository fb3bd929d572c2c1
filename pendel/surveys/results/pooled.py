"""Results across companies: a region's or the whole country's, pooling every respondent
(so each company weighs by its respondents), with each company's car share against its own
baseline. The same protection applies: every group goes through `protect()`."""

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext

from pendel.companies.models import Location
from pendel.regions.models import Region
from pendel.surveys.models import MIN_GROUP_SIZE_FLOOR, Invitation, Wave
from pendel.surveys.results import compute
from pendel.surveys.results.build import (
    CAR_ALONE,
    Results,
    adjusted_share,
    car_row,
    car_table,
    figures_row,
    protected_tables,
)
from pendel.surveys.results.tables import FigureTable, change, protect
from pendel.surveys.selectors import Rate, settings_by_region


def pooled_rate(waves: QuerySet[Wave]) -> Rate:
    counts = Invitation.objects.filter(wave__in=waves.values("id")).aggregate(
        invited=Count("id"),
        undelivered=Count("id", filter=Q(undelivered_at__isnull=False)),
        answered=Count("id", filter=Q(answered_at__isnull=False)),
    )
    return Rate(counts["invited"], counts["undelivered"], counts["answered"])


def pooled_results(*, waves: QuerySet[Wave], regions: list[Region], title: str) -> Results:
    """Results of all submitted responses of `waves` (already scoped by the caller)."""
    region_settings = settings_by_region([region.pk for region in regions])
    min_size = max([MIN_GROUP_SIZE_FLOOR, *(s.min_group_size for s in region_settings.values())])
    counts = len(regions) == 1 and all(
        s.count_non_respondents_as_drive_alone for s in region_settings.values()
    )
    answers = compute.answers_of(waves.values("id"))
    responses = answers.responses
    results = Results(
        title=title,
        min_size=min_size,
        tables=protected_tables(answers, min_size),
        rate=pooled_rate(waves),
        counts_non_respondents=counts,
    )
    if counts:
        car_alone = None if results.suppressed else results.summary.values[CAR_ALONE]
        results.adjusted_car_share = adjusted_share(car_alone, results.rate)
    results.figures["companies"] = companies_table(responses, min_size=min_size, counts=counts)
    if len(regions) > 1:
        results.figures["regions"] = regions_table(responses, regions, min_size=min_size)
    return results


def _first_baselines(location_ids) -> dict[int, int]:
    """Each location's baseline wave: its first baseline survey that was sent."""
    waves = (
        Wave.objects.filter(
            location_id__in=location_ids, kind=Wave.Kind.BASELINE, dispatched_at__isnull=False
        )
        .order_by("location_id", "opens_on", "id")
        .values_list("location_id", "id")
    )
    first: dict[int, int] = {}
    for location_id, wave_id in waves:
        first.setdefault(location_id, wave_id)
    return first


def companies_table(responses: QuerySet, *, min_size: int, counts: bool) -> FigureTable:
    """Per location: respondents, car share, its baseline and the change."""
    current = compute.car_alone_by(responses, "location")
    locations = {
        location.pk: location
        for location in Location.objects.filter(id__in=list(current)).select_related(
            "organisation", "region"
        )
    }
    baselines = _first_baselines(list(current))
    before = compute.car_alone_by(
        compute.answers_of(list(baselines.values())).responses, "location"
    )
    ordered = sorted(current, key=lambda pk: str(locations[pk]).lower())
    baseline_rows = protect(
        car_table([car_row(pk, "", before.get(pk, (0, 0))) for pk in ordered]),
        min_size=min_size,
    ).rows
    table = protect(
        car_table([car_row(pk, str(locations[pk]), current[pk]) for pk in ordered], partition=True),
        min_size=min_size,
    )
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


def regions_table(responses: QuerySet, regions: list[Region], *, min_size: int) -> FigureTable:
    current = compute.car_alone_by(responses, "location__region")
    ordered = [region for region in regions if region.pk in current]
    table = protect(
        car_table([car_row(r.pk, str(r), current[r.pk]) for r in ordered], partition=True),
        min_size=min_size,
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
