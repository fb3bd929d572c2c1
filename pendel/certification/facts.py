"""The figures an evaluation rests on, for many locations of one region and year in a fixed
number of queries (never one set of queries per member):

- the year's survey: the last sent survey that opened in the year, its response rate
  (as frozen at close) and the threshold it had to meet;
- activities held: events with status held for the location that started in the year
  (in the region's time zone);
- the car share against the baseline: the year's survey against the location's first
  closed baseline survey, each through the surveys' own protection by the minimum group
  size (`car_shares_by_wave`): a survey too small to show makes the rule not evaluable;
- the year's activity plan's status.
"""

from collections import Counter
from datetime import date

from django.db.models import Count

from pendel.activities.models import ActivityPlan, Event
from pendel.core.dates import region_start_of, region_today
from pendel.surveys.models import Wave
from pendel.surveys.results.build import car_shares_by_wave, min_size_of, rates_by_wave
from pendel.surveys.selectors import Rate, survey_settings_for


def _year_waves(location_ids, year: int) -> dict[int, Wave]:
    """Each location's last sent survey that opened in the year."""
    waves = Wave.objects.filter(
        location_id__in=location_ids,
        dispatched_at__isnull=False,
        opens_on__gte=date(year, 1, 1),
        opens_on__lte=date(year, 12, 31),
    ).order_by("location_id", "opens_on", "id")
    return {wave.location_id: wave for wave in waves}


def _baselines(location_ids, year: int) -> dict[int, Wave]:
    """Each location's first closed baseline survey (opened by the year's end)."""
    waves = Wave.objects.filter(
        location_id__in=location_ids,
        kind=Wave.Kind.BASELINE,
        dispatched_at__isnull=False,
        closed_at__isnull=False,
        opens_on__lte=date(year, 12, 31),
    ).order_by("location_id", "opens_on", "id")
    first: dict[int, Wave] = {}
    for wave in waves:
        first.setdefault(wave.location_id, wave)
    return first


def _held(region, location_ids, year: int) -> Counter:
    rows = (
        Event.objects.filter(
            location_id__in=location_ids,
            status=Event.Status.HELD,
            starts_at__gte=region_start_of(region, date(year, 1, 1)),
            starts_at__lt=region_start_of(region, date(year + 1, 1, 1)),
        )
        .order_by()
        .values("location_id")
        .annotate(n=Count("id"))
    )
    return Counter({row["location_id"]: row["n"] for row in rows})


def _plans(location_ids, year: int) -> dict[int, str]:
    rows = ActivityPlan.objects.filter(location_id__in=location_ids, year=year)
    return dict(rows.values_list("location_id", "status"))


def _survey_facts(wave: Wave | None, rate: Rate | None, settings) -> dict | None:
    if wave is None:
        return None
    if wave.answered_at_close is not None and wave.delivered_at_close is not None:
        answered, delivered = wave.answered_at_close, wave.delivered_at_close
    else:
        rate = rate or Rate(0, 0, 0)
        answered, delivered = rate.answered, rate.delivered
    return {
        "wave": wave.pk,
        "kind": wave.kind,
        "opens_on": wave.opens_on.isoformat(),
        "closed": wave.is_closed,
        "answered": answered,
        "delivered": delivered,
        "threshold": wave.threshold_percent or settings.threshold_for(wave.kind),
    }


def _car_facts(wave, baseline, shares, min_size: int) -> dict:
    state = "ok"
    if wave is None or not wave.is_closed:
        state = "no_survey"
    elif baseline is None:
        state = "no_baseline"
    elif baseline.pk == wave.pk:
        state = "is_baseline"
    elif shares[wave.pk].share is None:
        state = "too_few_now"
    elif shares[baseline.pk].share is None:
        state = "too_few_baseline"
    facts = {"state": state, "min_size": min_size}
    if state == "ok":
        facts.update(baseline=shares[baseline.pk].share, current=shares[wave.pk].share)
    return facts


def facts_for(region, location_ids: list[int], year: int) -> dict[int, dict]:
    """{location id: facts} for the region's locations, in nine queries whatever their
    number."""
    settings = survey_settings_for(region)
    min_size = min_size_of(settings)
    year_waves, baselines = _year_waves(location_ids, year), _baselines(location_ids, year)
    today = region_today(region)
    waves = {wave.pk: wave for wave in [*year_waves.values(), *baselines.values()]}
    shares = car_shares_by_wave(list(waves.values()), settings=settings, today=today)
    rates = rates_by_wave([wave.pk for wave in year_waves.values()], today=today)
    held, plans = _held(region, location_ids, year), _plans(location_ids, year)
    facts = {}
    for location_id in location_ids:
        wave = year_waves.get(location_id)
        facts[location_id] = {
            "year": year,
            "survey": _survey_facts(wave, rates.get(wave.pk) if wave else None, settings),
            "held": held[location_id],
            "car": _car_facts(wave, baselines.get(location_id), shares, min_size),
            "plan": plans.get(location_id, ""),
        }
    return facts
