"""Commuting emissions of a survey wave: GHG Protocol Scope 3 category 7, distance-based.

`wave_emissions(wave, factor_set=None) -> WaveEmissions` is the one calculation; pages,
the yearly climate report and certification call it. Method, step by step:

1. Per respondent r and mode m, commuting days a week d(r, m): each weekday of the survey's
   diary (Monday … Friday) answered with a mode counts one day for that mode. Without a
   diary, the main mode counts for each of the days at the workplace. Days at home, at a hub
   or off are no commuting days (hub trips have no distance in the survey: left out).
2. Emissions a year, e(r) = one-way km × 2 × Σ_m d(r, m) × F(m) × W, with F(m) the factor
   of the mode (kg CO2e per passenger-km, well-to-wheel) and W the region's working weeks
   (46 unless it sets another). Teleworking, optional in the Protocol, adds
   home-office days a week × W × F(home office) only when the factor set has that factor;
   otherwise it is left out and the page says so.
3. Respondents counted: those who gave a distance, and those with no commuting day at all
   (e = 0). Sent answers with commuting days but no distance are left out, like
   non-respondents.
4. Scaling to all employees: the per-employee mean ē = Σe / n times N, the employees of the
   location when the wave opened (on its list then: not yet ended), or the invitations if
   more, and never fewer than n. Total T = N × ē.
5. Uncertainty from the response rate: with s² the sample variance of e, the 95 % interval
   is T ± 1.96 × N × √((1 − n/N) × s² / n) (normal approximation, finite population
   correction). It covers chance, not a difference between those who answered and those
   who did not.
6. What the change in car share means: Δ (percentage points, driving alone as main mode,
   against the baseline wave) ÷ 100 × N × the mean yearly commuting km of a respondent ×
   (F(car alone) − the wave's average factor of every other mode), in tonnes a year.

All of it is one grouped SQL query over the typed answer columns for the wave and its
baseline (no loop over responses), plus one for the factors and two for the headcounts.
Every figure passes the surveys' `protect()`: a wave or a mode with fewer respondents than
the region's minimum group size gives no number.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from math import sqrt

from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    FloatField,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Least
from django.db.models.lookups import Exact
from django.utils.translation import gettext

from pendel.climate.models import HOME_OFFICE, EmissionFactor, EmissionFactorSet, Unit
from pendel.climate.selectors import climate_settings_for, factor_set_for
from pendel.employees.models import Employee
from pendel.surveys.choices import DayPlace, Mode
from pendel.surveys.models import WEEKDAYS, Invitation, Response, Wave
from pendel.surveys.results import min_size_of, protect
from pendel.surveys.results.tables import Row, Table
from pendel.surveys.selectors import survey_settings_for

DAYS = [day for day, _label in WEEKDAYS]
Z = 1.96  # 95 % two-sided, normal approximation
FLOAT = FloatField()
INT = IntegerField()


@dataclass(frozen=True)
class UsedFactor:
    """A factor as the page names it; `fallback`: taken from the set's fallback scope."""

    mode: str
    label: str
    factor: EmissionFactor | None
    fallback: bool = False

    @property
    def value(self) -> float | None:
        return None if self.factor is None else float(self.factor.value)

    @property
    def confirmed(self) -> bool:
        return self.factor is not None and self.factor.confirmed


@dataclass
class Figures:
    """One wave's scaled figures (None where protected)."""

    wave: Wave
    respondents: int | None
    employees: int
    total_kg: float | None = None
    per_employee_kg: float | None = None
    low_kg: float | None = None
    high_kg: float | None = None
    teleworking_kg: float | None = None
    car_share: float | None = None
    suppressed: bool = True

    @property
    def total_t(self) -> float | None:
        return None if self.total_kg is None else self.total_kg / 1000


@dataclass
class WaveEmissions:
    wave: Wave
    factor_set: EmissionFactorSet | None
    factors: dict[str, UsedFactor]
    min_size: int
    working_weeks: int
    withheld: bool
    current: Figures
    by_mode: Table
    teleworking_included: bool
    left_out: int | None = None  # answers with commuting days but no distance
    baseline: Figures | None = None
    change_kg: float | None = None
    change_per_employee_kg: float | None = None
    car_points: float | None = None
    car_effect_t: float | None = None
    missing_modes: list[str] = field(default_factory=list)

    @property
    def suppressed(self) -> bool:
        return self.current.suppressed

    @property
    def unconfirmed(self) -> list[UsedFactor]:
        return [u for u in self.factors.values() if u.factor is not None and not u.confirmed]

    @property
    def is_baseline(self) -> bool:
        return self.baseline is not None and self.baseline.wave.pk == self.wave.pk


def factors_of(factor_set: EmissionFactorSet | None, country: str) -> dict[str, UsedFactor]:
    """Per mode, the country's factor, else the set's fallback scope's, else none."""
    rows = []
    if factor_set is not None:
        scopes = [country, factor_set.fallback_scope]
        rows = list(factor_set.factors.filter(country__in=[s for s in scopes if s]))
    by_key = {(row.country, row.mode): row for row in rows}
    used = {}
    for code, label in [*Mode.choices, (HOME_OFFICE, gettext("Home-office day"))]:
        own = by_key.get((country, code))
        fallback = by_key.get((factor_set.fallback_scope, code)) if factor_set else None
        expected = Unit.PER_DAY if code == HOME_OFFICE else Unit.PER_PKM
        factor = own or fallback
        if factor is not None and factor.unit != expected:
            factor = None
        used[code] = UsedFactor(code, str(label), factor, fallback=own is None and bool(factor))
    return used


def _has_diary() -> Q:
    condition = Q()
    for day in DAYS:
        condition |= ~Q(**{day: ""})
    return condition


def _days_by(mode: str):
    """Commuting days a week by `mode` (step 1 of the method), as an SQL expression."""
    days = [Case(When(**{day: mode}, then=Value(1)), default=Value(0)) for day in DAYS]
    no_diary = Case(
        When(_has_diary(), then=Value(0)),
        When(main_mode=mode, then=Coalesce("days_office", Value(0), output_field=INT)),
        default=Value(0),
    )
    total = no_diary
    for day in days:
        total = total + day
    return total


def _home_days():
    days = [Case(When(**{day: DayPlace.HOME}, then=Value(1)), default=Value(0)) for day in DAYS]
    total = Case(
        When(_has_diary(), then=Value(0)), default=Coalesce("days_home", Value(0), output_field=INT)
    )
    for day in days:
        total = total + day
    return total


def _aggregates(factors: dict[str, UsedFactor], weeks: int) -> dict:
    distance = Cast(Coalesce("distance_km", Value(Decimal("0"))), FLOAT)
    given = Case(When(distance_km__isnull=False, then=Value(1)), default=Value(0))
    modes = {code: _days_by(code) for code in Mode.values}
    commuting_days = sum(modes.values(), Value(0))
    counted = Case(
        When(distance_km__isnull=False, then=Value(1)),
        When(Exact(commuting_days, Value(0)), then=Value(1)),
        default=Value(0),
    )
    per_km = {code: used.value for code, used in factors.items() if code != HOME_OFFICE}
    weekly_kg = sum(
        (ExpressionWrapper(days * Value(per_km[code] or 0.0), output_field=FLOAT)
         for code, days in modes.items()),
        Value(0.0, output_field=FLOAT),
    )  # fmt: skip
    yearly = ExpressionWrapper(distance * weekly_kg * Value(2.0 * weeks), output_field=FLOAT)
    home = factors[HOME_OFFICE].value
    if home is not None:
        yearly = ExpressionWrapper(yearly + _home_days() * Value(home * weeks), output_field=FLOAT)
    e = ExpressionWrapper(counted * yearly, output_field=FLOAT)
    aggregates = {
        "n_all": Count("wave"),
        "car": Count("wave", filter=Q(main_mode=Mode.DRIVE_ALONE)),
        "n": Sum(counted),
        "left_out": Sum(Value(1) - counted),
        "sum_e": Sum(e, output_field=FLOAT),
        "sum_e2": Sum(ExpressionWrapper(e * e, output_field=FLOAT), output_field=FLOAT),
    }
    if home is not None:
        home_kg = ExpressionWrapper(
            counted * _home_days() * Value(home * weeks), output_field=FLOAT
        )
        aggregates["sum_home"] = Sum(home_kg, output_field=FLOAT)
    for code, days in modes.items():
        aggregates[f"km_{code}"] = Sum(
            ExpressionWrapper(given * distance * days * Value(2.0 * weeks), output_field=FLOAT),
            output_field=FLOAT,
        )
        aggregates[f"n_{code}"] = Sum(given * Least(days, Value(1)))
    return aggregates


def sums_by_wave(wave_ids: list[int], factors: dict[str, UsedFactor], weeks: int) -> dict:
    """One grouped query: per wave, the sums the figures are made of."""
    rows = (
        Response.objects.filter(wave_id__in=wave_ids, submitted_at__isnull=False)
        .order_by()
        .values("wave")
        .annotate(**_aggregates(factors, weeks))
    )
    return {row["wave"]: row for row in rows}


def headcounts(waves: list[Wave]) -> dict[int, int]:
    """Employees on each wave's location list on its opening day, and its invitations: the
    larger of the two, per wave (two queries whatever the number of waves)."""
    counts = {}
    by_day: dict[tuple[int, date], list[int]] = {}
    for wave in waves:
        by_day.setdefault((wave.location_id, wave.opens_on), []).append(wave.pk)
    aggregates = {
        f"w{index}": Count(
            "id",
            filter=Q(location_id=location_id)
            & (Q(start_date__isnull=True) | Q(start_date__lte=day))
            & (Q(end_date__isnull=True) | Q(end_date__gt=day)),
        )
        for index, (location_id, day) in enumerate(by_day)
    }
    listed = Employee.objects.filter(location_id__in={w.location_id for w in waves}).aggregate(
        **aggregates
    ) if aggregates else {}  # fmt: skip
    invited = dict(
        Invitation.objects.filter(wave_id__in=[w.pk for w in waves])
        .order_by()
        .values_list("wave")
        .annotate(n=Count("wave"))
    )
    for index, wave_ids in enumerate(by_day.values()):
        for wave_id in wave_ids:
            counts[wave_id] = max(listed.get(f"w{index}") or 0, invited.get(wave_id, 0))
    return counts


def _figures(wave: Wave, sums: dict | None, employees: int, *, min_size: int) -> Figures:
    """Scaled figures of one wave (steps 3–5), or none when too few respondents counted."""
    sums = sums or {}
    n = sums.get("n") or 0
    row = Row("all", "", n, {"kg": sums.get("sum_e")})
    shown = protect(
        Table("emissions", "", [("kg", "")], [row]), min_size=min_size, withheld=not wave.is_closed
    ).rows[0]
    car_row = protect(
        Table("car", "", [("car", "")], [Row("all", "", sums.get("n_all") or 0,
                                            {"car": sums.get("car")})]),
        min_size=min_size, withheld=not wave.is_closed,
    ).rows[0]  # fmt: skip
    big_n = max(employees, n)
    figures = Figures(wave=wave, respondents=shown.n, employees=big_n)
    if shown.suppressed:
        return figures
    mean = sums["sum_e"] / n
    variance = max(0.0, (sums["sum_e2"] - n * mean * mean) / (n - 1)) if n > 1 else 0.0
    error = big_n * sqrt(max(0.0, 1 - n / big_n) * variance / n)
    figures.total_kg = big_n * mean
    figures.per_employee_kg = mean
    figures.low_kg = max(0.0, figures.total_kg - Z * error)
    figures.high_kg = figures.total_kg + Z * error
    if sums.get("sum_home") is not None:
        figures.teleworking_kg = big_n * sums["sum_home"] / n
    figures.car_share = car_row.share("car")
    figures.suppressed = False
    return figures


def mode_table(sums: dict | None, factors: dict[str, UsedFactor], min_size: int, *, withheld):
    """Kilometres and kg CO2e a year per mode among the respondents counted, each mode a
    group of the respondents who used it (hidden under the minimum group size)."""
    sums = sums or {}
    rows = []
    for code, label in Mode.choices:
        km = sums.get(f"km_{code}") or 0.0
        value = factors[code].value
        kg = None if value is None else km * value
        rows.append(Row(code, str(label), sums.get(f"n_{code}") or 0, {"km": km, "kg": kg}))
    table = Table(
        key="by_mode",
        title=gettext("Commuting emissions by mode"),
        columns=[("km", gettext("km a year")), ("kg", gettext("kg CO2e a year"))],
        rows=rows,
        unit="mean",
        partition=True,
        group_label=gettext("Mode"),
    )
    return protect(table, min_size=min_size, withheld=withheld)


def baseline_of(wave: Wave) -> Wave | None:
    return (
        Wave.objects.filter(
            location_id=wave.location_id, kind=Wave.Kind.BASELINE, dispatched_at__isnull=False
        )
        .order_by("opens_on", "id")
        .first()
    )


def car_effect(result: WaveEmissions, sums: dict) -> float | None:
    """Step 6: the change in car share against the baseline, in tonnes CO2e a year."""
    current, baseline = result.current, result.baseline
    if current.suppressed or baseline is None or baseline.suppressed or result.is_baseline:
        return None
    if current.car_share is None or baseline.car_share is None:
        return None
    result.car_points = round(current.car_share - baseline.car_share, 1)
    car = result.factors[Mode.DRIVE_ALONE].value
    if car is None:
        return None
    km = {code: sums.get(f"km_{code}") or 0.0 for code in Mode.values}
    other_km = sum(value for code, value in km.items() if code != Mode.DRIVE_ALONE)
    other_kg = sum(
        value * (result.factors[code].value or 0.0)
        for code, value in km.items()
        if code != Mode.DRIVE_ALONE
    )
    other = other_kg / other_km if other_km else 0.0
    mean_km = sum(km.values()) / (sums.get("n") or 1)
    tonnes = result.car_points / 100 * current.employees * mean_km * (car - other) / 1000
    return round(tonnes, 1)


def wave_emissions(wave: Wave, factor_set: EmissionFactorSet | None = None) -> WaveEmissions:
    """The wave's commuting emissions by the method of this module's docstring, with the
    region's factor set unless another is named."""
    region = wave.location.region
    settings = climate_settings_for(region)
    factor_set = factor_set or factor_set_for(region, settings)
    min_size = min_size_of(survey_settings_for(region))
    factors = factors_of(factor_set, region.country_id)
    weeks = settings.working_weeks
    baseline = baseline_of(wave)
    waves = [wave] + ([baseline] if baseline and baseline.pk != wave.pk else [])
    sums = sums_by_wave([w.pk for w in waves], factors, weeks)
    people = headcounts(waves)
    withheld = not wave.is_closed
    current = _figures(wave, sums.get(wave.pk), people.get(wave.pk, 0), min_size=min_size)
    result = WaveEmissions(
        wave=wave,
        factor_set=factor_set,
        factors=factors,
        min_size=min_size,
        working_weeks=weeks,
        withheld=withheld,
        current=current,
        by_mode=mode_table(sums.get(wave.pk), factors, min_size, withheld=withheld),
        teleworking_included=factors[HOME_OFFICE].factor is not None,
        missing_modes=[u.label for k, u in factors.items() if not u.factor and k != HOME_OFFICE],
    )  # fmt: skip
    left_out = (sums.get(wave.pk) or {}).get("left_out") or 0
    result.left_out = left_out if not current.suppressed else None
    if baseline is not None:
        result.baseline = (
            current
            if baseline.pk == wave.pk
            else _figures(baseline, sums.get(baseline.pk), people.get(baseline.pk, 0),
                          min_size=min_size)
        )  # fmt: skip
        if not (current.suppressed or result.baseline.suppressed or result.is_baseline):
            result.change_kg = current.total_kg - result.baseline.total_kg
            result.change_per_employee_kg = (
                current.per_employee_kg - result.baseline.per_employee_kg
            )
    result.car_effect_t = car_effect(result, sums.get(wave.pk) or {})
    return result
