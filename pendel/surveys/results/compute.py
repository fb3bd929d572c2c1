"""The SQL side of the results: four grouped queries make every table of a results page.

- `crosstab`: respondents per main mode × department × age group × manager;
- `week_patterns`: respondents per pattern of the week's diary (Monday … Friday);
- `profile`: per car access × parking × willingness, the distance bands (Count with
  filter) and the sums of days at the workplace, at home and at a hub;
- `choice_counts`: ticks per option of the multiple-choice questions.

Each is a values().annotate() that reads one partial covering index of the sent answers
(see Response.Meta), not the table, so 200,000 responses are counted in tens of
milliseconds. The tables are sums of these groups' counts: Python adds up groups, never
looks at a single response. Raw tables are never shown: build.py protects them first.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext

from pendel.employees.models import AgeGroup
from pendel.surveys.choices import (
    DISTANCE_BANDS,
    MODE_GROUP,
    CarAccess,
    ChangeFactor,
    DayPlace,
    Manager,
    Mode,
    ModeGroup,
    Parking,
    Reason,
)
from pendel.surveys.models import WEEKDAYS, Invitation, Response, ResponseChoice
from pendel.surveys.results.tables import Row, Table

GROUP_MODES = {
    group.value: [mode.value for mode, its_group in MODE_GROUP.items() if its_group == group]
    for group in ModeGroup
}
GROUP_OF = {mode.value: group.value for mode, group in MODE_GROUP.items()}
DAY_COLUMNS = [*((group.value, group.label) for group in ModeGroup), *DayPlace.choices]
DAYS = [("days_office", "office"), ("days_home", "home"), ("days_hub", "hub")]
WILLINGNESS = [(str(point), str(point)) for point in range(1, 6)]
CROSSTAB = ("main_mode", "department", "age_group", "is_manager")
NOT_GIVEN = "-"
# Count a column of every covering index (never null), so the databases answer from the
# index alone; COUNT("id") would send them to the table.
INDEXED = "wave"


@dataclass(frozen=True)
class Answers:
    """The sent answers to count: their responses and their ticked options."""

    responses: QuerySet
    choices: QuerySet


def _waves_filter(wave_ids) -> dict:
    if isinstance(wave_ids, list | tuple) and len(wave_ids) == 1:
        return {"wave_id": wave_ids[0]}  # "=" rather than "IN": the index then orders groups
    return {"wave__in": wave_ids}


def answers_of(wave_ids) -> Answers:
    """Sent answers of the waves given as ids or as a subquery of ids."""
    waves = _waves_filter(wave_ids)
    return Answers(
        responses=Response.objects.filter(**waves, submitted_at__isnull=False),
        choices=ResponseChoice.objects.filter(**waves, submitted=True),
    )


def crosstab(responses: QuerySet) -> list[dict]:
    return list(responses.order_by().values(INDEXED, *CROSSTAB).annotate(n=Count(INDEXED)))


def _distance_filter(low, high) -> Q:
    condition = Q(distance_km__gte=low)
    return condition & Q(distance_km__lt=high) if high is not None else condition


SINGLE_CHOICE_COLUMNS = [
    ("car", "car_access", CarAccess.choices),
    ("parking", "parking", Parking.choices),
    ("willing", "willingness", WILLINGNESS),
]


PROFILE = ("car_access", "parking", "willingness")
WEEK = tuple(day for day, _label in WEEKDAYS)


def profile(responses: QuerySet) -> dict[int, Counter]:
    """One grouped query, summed per wave: the figures of the distance, days, car, parking
    and willingness tables."""
    aggregates = {"n": Count(INDEXED), "distance_n": Count("distance_km")}
    for key, _label, low, high in DISTANCE_BANDS:
        aggregates[f"distance_{key}"] = Count(INDEXED, filter=_distance_filter(low, high))
    aggregates["days_n"] = Count("days_office")
    aggregates.update({f"sum_{key}": Sum(field) for field, key in DAYS})
    by_wave: dict[int, Counter] = defaultdict(Counter)
    for group in responses.order_by().values(INDEXED, *PROFILE).annotate(**aggregates):
        totals = by_wave[group[INDEXED]]
        for name in aggregates:
            totals[name] += group[name] or 0
        for prefix, field, _choices in SINGLE_CHOICE_COLUMNS:
            if group[field] not in ("", None):
                totals[f"{prefix}_n"] += group["n"]
                totals[f"{prefix}_{group[field]}"] += group["n"]
    for totals in by_wave.values():
        days = totals["days_n"]
        for _field, key in DAYS:
            totals[f"mean_{key}"] = totals[f"sum_{key}"] / days if days else None
    return by_wave


def weekdays(responses: QuerySet) -> dict[int, Counter]:
    """One grouped query over the week's patterns, summed per wave, day and group."""
    by_wave: dict[int, Counter] = defaultdict(Counter)
    for pattern in responses.order_by().values(INDEXED, *WEEK).annotate(n=Count(INDEXED)):
        totals = by_wave[pattern[INDEXED]]
        for day in WEEK:
            answer = pattern[day]
            if answer:
                totals[f"{day}_n"] += pattern["n"]
                totals[f"{day}_{GROUP_OF.get(answer, answer)}"] += pattern["n"]
    return by_wave


def choice_counts(choices: QuerySet) -> dict[int, dict[tuple[str, str], int]]:
    rows = choices.order_by().values(INDEXED, "question", "value").annotate(count=Count(INDEXED))
    by_wave: dict[int, dict] = defaultdict(dict)
    for row in rows:
        by_wave[row[INDEXED]][(row["question"], row["value"])] = row["count"]
    return by_wave


def invited_groups(wave_ids) -> dict[int, dict[str, set]]:
    """Per wave, every department and age group of the employee list that was invited, so
    that a group's row shows (hidden or not) whether or not anyone in it answered."""
    waves = _waves_filter(wave_ids)
    rows = (
        Invitation.objects.filter(**waves)
        .order_by()
        .values_list("wave", "department", "age_group")
        .distinct()
    )
    groups: dict[int, dict[str, set]] = defaultdict(
        lambda: {"department": set(), "age_group": set()}
    )
    for wave_id, department, age_group in rows:
        if department:
            groups[wave_id]["department"].add(department)
        if age_group:
            groups[wave_id]["age_group"].add(age_group)
    return groups


def _one_row(key, title, columns, n, values, unit="share", label="") -> Table:
    row = Row(key="all", label=label or gettext("All respondents"), n=n, values=values)
    return Table(key=key, title=title, columns=columns, rows=[row], unit=unit)


def mode_tables(cells: list[dict]) -> dict[str, Table]:
    """The overall modes and mode groups, summed from the cross-tabulation's groups."""
    modes = Counter()
    for cell in cells:
        modes[cell["main_mode"]] += cell["n"]
    n = sum(modes.values())
    groups = Counter()
    for mode, count in modes.items():
        if mode in GROUP_OF:
            groups[GROUP_OF[mode]] += count
    return {
        "summary": _one_row(
            "summary",
            gettext("Main mode of travel to work, grouped"),
            [(g.value, g.label) for g in ModeGroup],
            n,
            {g.value: groups[g.value] for g in ModeGroup},
        ),
        "modes": _one_row(
            "modes",
            gettext("Main mode of travel to work"),
            list(Mode.choices),
            n,
            {m: modes[m] for m in Mode.values},
        ),
    }


def profile_tables(data: dict) -> dict[str, Table]:
    tables = {
        "distance": _one_row(
            "distance",
            gettext("One-way distance to work"),
            [(key, label) for key, label, _low, _high in DISTANCE_BANDS],
            data["distance_n"],
            {key: data[f"distance_{key}"] for key, *_rest in DISTANCE_BANDS},
            label=gettext("Respondents who gave a distance"),
        ),
        "days": _one_row(
            "days",
            gettext("Days a week, on average"),
            [
                ("office", gettext("At the workplace")),
                ("home", gettext("At home")),
                ("hub", gettext("At a hub")),
            ],
            data["days_n"],
            {key: data[f"mean_{key}"] for _field, key in DAYS},
            unit="mean",
        ),
    }
    titles = {
        "car": gettext("Access to a car"),
        "parking": gettext("Parking at work"),
        "willing": gettext("Willingness to travel differently (1 = not at all, 5 = very)"),
    }
    for prefix, _field, choices in SINGLE_CHOICE_COLUMNS:
        tables[prefix] = _one_row(
            prefix,
            titles[prefix],
            list(choices),
            data[f"{prefix}_n"],
            {value: data[f"{prefix}_{value}"] for value, _label in choices},
        )
    return tables


def weekday_table(data: dict) -> Table:
    return Table(
        key="weekdays",
        title=gettext("Last week, day by day"),
        columns=DAY_COLUMNS,
        rows=[
            Row(
                key=day,
                label=str(label),
                n=data[f"{day}_n"],
                values={key: data[f"{day}_{key}"] for key, _label in DAY_COLUMNS},
            )
            for day, label in WEEKDAYS
        ],
        group_label=gettext("Day"),
    )


def _breakdown_label(dimension: str, value) -> str:
    if value in ("", None):
        return gettext("Not given")
    if dimension == "age_group":
        return str(AgeGroup(value).label) if value in AgeGroup.values else str(value)
    if dimension == "is_manager":
        return str(Manager.MANAGER.label if value else Manager.OTHER.label)
    return str(value)


BREAKDOWN_TITLES = {
    "department": lambda: gettext("By department"),
    "age_group": lambda: gettext("By age group"),
    "is_manager": lambda: gettext("Managers and other employees"),
}
BREAKDOWN_GROUP_LABELS = {
    "department": lambda: gettext("Department"),
    "age_group": lambda: gettext("Age group"),
    "is_manager": lambda: gettext("Group"),
}


def _breakdown_order(dimension: str, value) -> tuple:
    if value in ("", None):
        return (1, "")
    if dimension == "age_group":
        return (0, AgeGroup.values.index(value) if value in AgeGroup.values else 99)
    if dimension == "is_manager":
        return (0, 0 if value else 1)
    return (0, str(value).lower())


def breakdown(cells: list[dict], dimension: str, invited=()) -> Table:
    """Grouped main modes per department, age group or manager status, summed from the
    cross-tabulation's groups; every `invited` group has a row even if nobody answered."""
    sizes, groups = Counter(dict.fromkeys(invited, 0)), defaultdict(Counter)
    for cell in cells:
        value = "" if cell[dimension] is None else cell[dimension]
        sizes[value] += cell["n"]
        if cell["main_mode"] in GROUP_OF:
            groups[value][GROUP_OF[cell["main_mode"]]] += cell["n"]
    ordered = sorted(sizes, key=lambda value: _breakdown_order(dimension, value))
    return Table(
        key=dimension,
        title=BREAKDOWN_TITLES[dimension](),
        columns=[(g.value, g.label) for g in ModeGroup],
        rows=[
            Row(
                key=NOT_GIVEN if value == "" else str(value),
                label=_breakdown_label(dimension, value),
                n=sizes[value],
                values={g.value: groups[value][g.value] for g in ModeGroup},
                order=_breakdown_order(dimension, value),
            )
            for value in ordered
        ],
        partition=True,
        group_label=BREAKDOWN_GROUP_LABELS[dimension](),
    )


CHOICE_QUESTIONS = {
    "reasons": (Reason, lambda: gettext("Reasons for the way people travel")),
    "change_factors": (ChangeFactor, lambda: gettext("What would make people change")),
}


def choice_tables(counts: dict, respondents: int) -> dict[str, Table]:
    """Shares of all respondents who ticked each option."""
    return {
        code: _one_row(
            code,
            title(),
            list(enum.choices),
            respondents,
            {value: counts.get((code, value), 0) for value in enum.values},
        )
        for code, (enum, title) in CHOICE_QUESTIONS.items()
    }


def raw_tables(cells, profile_data, weekday_data, counts, invited) -> dict[str, Table]:
    """Every table of one wave's results page, unprotected."""
    tables = mode_tables(cells)
    tables.update(profile_tables(profile_data))
    tables["weekdays"] = weekday_table(weekday_data)
    for dimension in ("department", "age_group", "is_manager"):
        tables[dimension] = breakdown(cells, dimension, invited.get(dimension, ()))
    respondents = tables["summary"].rows[0].n
    tables.update(choice_tables(counts, respondents))
    return tables


def raw_tables_by_wave(answers: Answers, wave_ids) -> dict[int, dict[str, Table]]:
    """Every table of each wave's results, unprotected, in five queries whatever the number
    of waves: each wave is protected on its own before anything pools it."""
    cells: dict[int, list] = defaultdict(list)
    for cell in crosstab(answers.responses):
        cells[cell[INDEXED]].append(cell)
    profiles, days = profile(answers.responses), weekdays(answers.responses)
    counts, invited = choice_counts(answers.choices), invited_groups(wave_ids)
    waves = set(cells) | set(invited)
    return {
        wave_id: raw_tables(
            cells.get(wave_id, []),
            profiles.get(wave_id, Counter()),
            days.get(wave_id, Counter()),
            counts.get(wave_id, {}),
            invited.get(wave_id, {}),
        )
        for wave_id in waves
    }


def car_alone_by(responses: QuerySet, field: str) -> dict:
    """One query: respondents and drivers alone per value of `field` (wave, location…)."""
    rows = (
        responses.order_by()
        .values(field)
        .annotate(n=Count(INDEXED), car_alone=Count(INDEXED, filter=Q(main_mode=Mode.DRIVE_ALONE)))
    )
    return {row[field]: (row["n"], row["car_alone"]) for row in rows}
