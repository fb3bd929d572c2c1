"""The attacker test (issue 11): one user at a time opens every results page, export and API
they can reach, collects every figure, and tries to work out a hidden group by adding and
subtracting what they saw: a region's group minus the companies' same group, a total minus
the shown groups of a breakdown, one selection of surveys minus another. Nothing they derive
may equal a hidden group's real count, computed here from the raw responses.

The data: five companies in two regions, each with a baseline and a follow-up (both closed),
one more survey still open, and departments and age groups of one to four and of five and
more respondents. With the cross-level rule switched off (pooling every group, hidden or
not) the same attacker finds the hidden groups: the test of the test."""

import io
import itertools
import json
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from html import unescape

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.employees.models import AgeGroup
from pendel.surveys.choices import MODE_GROUP, Manager, Mode
from pendel.surveys.models import Invitation, Response, SurveySettings, Wave
from pendel.surveys.results import build, pooled
from pendel.surveys.results.tables import Row, Table, protect
from pendel.surveys.tests.conftest import (
    answer,
    close,
    dispatch,
    make_employees,
    make_wave,
    move_dates,
)
from pendel.surveys.tests.helpers import pdf_strings

ALL = "All respondents"
SUMMARY = "Main mode of travel to work, grouped"
MODES = "Main mode of travel to work"
BREAKDOWNS = {
    "By department": "department",
    "By age group": "age_group",
    "Managers and other employees": "is_manager",
}
FIGURE_TABLES = ("Car share survey by survey", "Car share per company", "Car share per programme")
CAR_SHARE = "Car share (driving alone)"
BASELINE_SHARE = "Car share in the baseline survey"
HIDDEN = "–"
# Key figures repeat the summary; averages are not counts.
SKIPPED = ("Key figures", "Days a week, on average")

# Per company, per survey: (department, age groups of its respondents, modes). Innkjøp of
# Fredrikstad (3, all driving alone) hides beside Innkjøp of Kråkerøy (6); Gressvik has a
# survey of four respondents; Nord-Jæren repeats the pattern with groups of two and three.
PLANS = {
    "Fredrikstad": {
        "baseline": [
            ("Innkjøp", ["35_44", "35_44", "45_54"], ["drive_alone"] * 3),
            ("Lager", ["25_34"] * 5 + ["55_64"] * 3, None),
            ("Salg", ["25_34"] * 4 + ["under_25", "under_25"], None),
            ("Kontor", ["65_plus"] * 4, ["drive_alone"] * 4),
        ],
        "follow_up": [
            ("Innkjøp", ["35_44", "45_54"], ["drive_alone", "walk"]),
            ("Lager", ["25_34"] * 6 + ["55_64"], None),
            ("Salg", ["25_34"] * 5, None),
            ("Kontor", ["65_plus"] * 3, ["drive_alone"] * 3),
        ],
    },
    "Kråkerøy": {
        "baseline": [
            ("Innkjøp", ["35_44"] * 6, ["drive_alone", "bus", "bus", "walk", "bicycle", "bus"]),
            ("Lager", ["25_34"] * 5, None),
            ("IT", ["under_25", "under_25"], ["e_bike", "e_bike"]),
        ],
        "follow_up": [
            ("Innkjøp", ["35_44"] * 5 + ["45_54"], None),
            ("Lager", ["25_34"] * 4 + ["55_64"], None),
            ("IT", ["under_25"], ["train"]),
        ],
    },
    "Gressvik": {
        "baseline": [("Lager", ["45_54"] * 4, ["drive_alone", "drive_alone", "bus", "walk"])],
        "follow_up": [
            ("Lager", ["45_54"] * 5, None),
            ("Innkjøp", ["55_64"] * 2, ["drive_alone", "drive_alone"]),
        ],
    },
    "Sandnes": {
        "baseline": [
            ("Innkjøp", ["35_44", "35_44"], ["drive_alone", "drive_alone"]),
            ("Lager", ["25_34"] * 7, None),
            ("Salg", ["45_54"] * 5, None),
        ],
        "follow_up": [
            ("Innkjøp", ["35_44"] * 3, ["bus", "drive_alone", "drive_alone"]),
            ("Lager", ["25_34"] * 6, None),
        ],
    },
    "Stavanger": {
        "baseline": [
            ("Innkjøp", ["35_44"] * 5, None),
            ("Lager", ["55_64"] * 3, ["walk", "walk", "drive_alone"]),
            ("Drift", ["25_34"] * 6, None),
        ],
        "follow_up": [
            ("Innkjøp", ["35_44"] * 6, None),
            ("Drift", ["25_34"] * 4, ["ferry"] * 4),
        ],
    },
}
OPEN_WAVE_ANSWERS = 6  # Fredrikstad's third survey, still open


@dataclass
class Data:
    waves: list
    locations: dict
    regions: list
    minimum: dict = field(default_factory=dict)  # region id -> its smallest group shown
    truth: dict = field(default_factory=dict)  # (wave id, table, group) -> Counter


def _answer_plan(location, plan, kind, world, callbacks, *, rng, start) -> Wave:
    people = 0
    for department, ages, _modes in plan:
        for age in ages:
            make_employees(location, 1, start=start + people, department=department, age_group=age)
            people += 1
    make_employees(location, 3, start=start + people, department="Lager")  # do not answer
    wave = dispatch(make_wave(location, kind=kind), world.advisor, callbacks)
    invitations = {
        i.employee_id: i for i in Invitation.objects.filter(wave=wave).order_by("employee_id")
    }
    employees = iter(sorted(invitations))
    modes = [m for m in Mode.values if m != Mode.DRIVE_ALONE] + [Mode.DRIVE_ALONE] * 3
    for department, ages, fixed in plan:
        for index, age in enumerate(ages):
            invitation = invitations[next(employees)]
            answer(
                invitation,
                main_mode=fixed[index] if fixed else rng.choice(modes),
                department=department,
                age_group=age,
                is_manager=rng.random() < 0.3,
            )
    return wave


@pytest.fixture
def data(world, django_capture_on_commit_callbacks) -> Data:
    rng = random.Random(11)
    glomma, jaeren = world.region, world.third_region
    locations = {
        "Fredrikstad": world.location,
        "Kråkerøy": LocationFactory(
            organisation=OrganisationFactory(name="Kråkerøy Kran AS"),
            region=glomma,
            name="Kråkerøy",
        ),
        "Gressvik": LocationFactory(
            organisation=OrganisationFactory(name="Gressvik Glass AS"),
            region=glomma,
            name="Gressvik",
        ),
        "Sandnes": world.third_location,
        "Stavanger": world.fourth_location,
    }
    SurveySettings.objects.update_or_create(region=jaeren, defaults={"min_group_size": 6})
    waves = []
    for number, (name, plans) in enumerate(PLANS.items()):
        location = locations[name]
        start = 1000 * number
        baseline = _answer_plan(
            location, plans["baseline"], Wave.Kind.BASELINE, world,
            django_capture_on_commit_callbacks, rng=rng, start=start,
        )  # fmt: skip
        waves.append(move_dates(close(baseline), -400))
        follow_up = _answer_plan(
            location, plans["follow_up"], Wave.Kind.FOLLOW_UP, world,
            django_capture_on_commit_callbacks, rng=rng, start=start + 100,
        )  # fmt: skip
        waves.append(move_dates(close(follow_up), -30))
    open_plan = [("Lager", ["25_34"] * OPEN_WAVE_ANSWERS, None)]
    waves.append(
        _answer_plan(
            world.location, open_plan, Wave.Kind.FOLLOW_UP, world,
            django_capture_on_commit_callbacks, rng=rng, start=500,
        )
    )  # fmt: skip
    result = Data(waves=waves, locations=locations, regions=[glomma, jaeren])
    result.minimum = {glomma.pk: 5, jaeren.pk: 6}
    result.truth = truth_of(waves)
    return result


def _group_label(dimension: str, value) -> str:
    if value in ("", None):
        return "Not given"
    if dimension == "age_group":
        return str(AgeGroup(value).label)
    if dimension == "is_manager":
        return str(Manager.MANAGER.label if value else Manager.OTHER.label)
    return str(value)


def truth_of(waves) -> dict:
    """The real counts per wave, table and group, straight from the responses."""
    truth: dict = defaultdict(Counter)
    responses = Response.objects.filter(wave__in=waves, submitted_at__isnull=False)
    for response in responses:
        group = str(MODE_GROUP[Mode(response.main_mode)].label)
        mode = str(Mode(response.main_mode).label)
        for table, label, column in ((SUMMARY, ALL, group), (MODES, ALL, mode)):
            truth[(response.wave_id, table, label)]["n"] += 1
            truth[(response.wave_id, table, label)][column] += 1
        for table, dimension in BREAKDOWNS.items():
            key = (response.wave_id, table, _group_label(dimension, getattr(response, dimension)))
            truth[key]["n"] += 1
            truth[key][group] += 1
    return truth


# Reading what the user sees: pages, workbooks and JSON as (title, header, rows).


def _number(text):
    text = unescape(re.sub(r"<.*?>", "", str(text))).strip()
    if text.startswith(HIDDEN) or text == "":
        return None
    cleaned = text.replace("−", "-").replace("±", "").replace("+", "").replace("%", "")
    cleaned = cleaned.replace(",", "").replace("\xa0", "").strip()
    try:
        return float(cleaned)
    except ValueError:
        return text


def html_tables(page: str) -> list:
    tables = []
    for table in re.findall(r"<table\b[^>]*>(.*?)</table>", page, re.S):
        caption = re.search(r"<caption[^>]*>(.*?)</caption>", table, re.S)
        if caption is None:
            continue
        title = unescape(caption.group(1))
        header = [
            unescape(re.sub(r"<.*?>", "", h)).strip()
            for h in re.findall(r'<th scope="col"[^>]*>(.*?)</th>', table, re.S)
        ]
        rows = []
        for row in re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", table, re.S):
            label, cells = row.split("</th>", 1)
            values = [_number(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", cells, re.S)]
            rows.append([unescape(label).strip(), *values])
        tables.append((title.strip(), header, rows))
    return tables


def _unit_free(header: str) -> str:
    return re.sub(r" \((%|days)\)$", "", str(header))


def xlsx_tables(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    tables = []
    for sheet in workbook.worksheets:
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        title, header = rows[0][0], [_unit_free(h) for h in rows[1] if h is not None]
        body = []
        for row in rows[2:]:
            if not row or row[0] is None or len([c for c in row if c is not None]) < 2:
                break
            body.append([row[0], *(None if c == HIDDEN else c for c in row[1 : len(header)])])
        tables.append((str(title), header, body))
    return tables


def json_tables(answer_json: dict) -> list:
    tables = []
    for table in answer_json["tables"]:
        header = ["", "Respondents", *(c["label"] for c in table["columns"])]
        rows = [
            [r["label"], r["respondents"], *(r["values"][c["key"]] for c in table["columns"])]
            for r in table["rows"]
        ]
        tables.append((table["title"], header, rows))
    for table in answer_json["figures"]:
        header = ["", "Respondents", *(c["label"] for c in table["columns"])]
        rows = [
            [r["label"], r["respondents"], *(r["values"].get(c["key"]) for c in table["columns"])]
            for r in table["rows"]
        ]
        tables.append((table["title"], header, rows))
    return tables


def pdf_numbers(content: bytes) -> set:
    figure = re.compile(r"[−+±]?\d[\d,.\xa0]*(\xa0?%)?")
    return {s for s in pdf_strings(content) if figure.fullmatch(s)}


# What the attacker knows: observations (table, group, column) -> {frozenset(waves): value}.


class Attacker:
    def __init__(self, data: Data):
        self.data = data
        self.seen: dict = defaultdict(dict)
        self.observed: dict = defaultdict(dict)  # as shown, before any subtraction
        self.direct: set = set()  # (wave, table, group) seen with its respondents
        self.shares: list = []  # (waves, share) of baselines shown without their size
        self.listed: dict = defaultdict(set)  # (waves, table) -> every group row listed
        self.wave_labels = defaultdict(set)  # survey labels repeat across companies
        for w in data.waves:
            self.wave_labels[build.wave_label(w)].add(w.pk)
        self.location_labels = {str(loc): loc.pk for loc in data.locations.values()}
        self.region_labels = {str(r): r.pk for r in data.regions}
        # Figures pooled at one minimum add up; a region of 5 and the country at 6 do not
        # (a group of five counts in one and not the other), so each minimum is its own level.
        self.level = 5

    def note(self, waves, table, group, column, value):
        waves = frozenset(waves)
        if value is None or not waves:
            return
        known = self.seen[(self.level, table, group, column)]
        assert known.get(waves, value) == value, f"two values for {table} {group} {column}"
        known[waves] = value
        self.observed[(self.level, table, group, column)][waves] = value
        if len(waves) == 1 and column == "n":
            self.direct.add((next(iter(waves)), table, group))

    def read(self, tables, waves: set, *, location_waves=None, region_waves=None):
        """A view's tables over `waves` (the closed surveys it pools)."""
        for title, header, rows in tables:
            if title in SKIPPED:
                continue
            if title in FIGURE_TABLES:
                self._figures(title, header, rows, location_waves, region_waves)
                continue
            for row in rows:
                label, n, values = str(row[0]), row[1], row[2:]
                self.listed[(self.level, frozenset(waves), title)].add(label)
                if n is None:
                    continue
                self.note(waves, title, label, "n", int(n))
                for column, share in zip(header[2:], values, strict=False):
                    if isinstance(share, int | float):
                        self.note(waves, title, label, str(column), round(share * n / 100))

    def _figures(self, title, header, rows, location_waves, region_waves):
        columns = {str(h): i for i, h in enumerate(header)}
        car = str(Mode.DRIVE_ALONE.label)
        for row in rows:
            label, n = str(row[0]), row[1]
            if title == FIGURE_TABLES[0]:
                (location_trend,) = location_waves.values()
                waves = self.wave_labels[label] & location_trend
                assert len(waves) == 1
            elif title == FIGURE_TABLES[1]:
                waves = location_waves[self.location_labels[label]]
                baseline = row[columns[BASELINE_SHARE]]
                if baseline is not None:
                    self.shares.append((self._baseline_of(label), baseline))
            else:
                waves = region_waves[self.region_labels[label]]
            share = row[columns[CAR_SHARE]]
            if n is not None:
                self.note(waves, MODES, ALL, "n", int(n))
                if share is not None:
                    self.note(waves, MODES, ALL, car, round(share * n / 100))

    def _baseline_of(self, location_label) -> int:
        location_id = self.location_labels[location_label]
        baselines = [
            w for w in self.data.waves
            if w.location_id == location_id and w.kind == Wave.Kind.BASELINE
        ]  # fmt: skip
        return baselines[0].pk

    def derive(self):
        """Subtract every selection of surveys from every larger one, and the shown groups
        of a breakdown from its total, until nothing new follows."""
        for _round in range(4):
            before = sum(len(v) for v in self.seen.values())
            self._absent_groups()
            self._breakdown_remainders()
            for known in list(self.seen.values()):
                for (big, a), (small, b) in itertools.permutations(list(known.items()), 2):
                    if small < big and (big - small) not in known and len(known) < 4000:
                        known[big - small] = a - b
            if sum(len(v) for v in self.seen.values()) == before:
                break

    def _absent_groups(self):
        """A group without a row in a survey's breakdown had nobody in it there: every
        invited group has a row."""
        for (level, waves, table), groups in list(self.listed.items()):
            if table not in BREAKDOWNS or len(waves) != 1:
                continue
            for (at, name, group, _column), known in list(self.seen.items()):
                if at == level and name == table and group not in groups:
                    known.setdefault(waves, 0)

    def _breakdown_remainders(self):
        for (level, waves, table), groups in list(self.listed.items()):
            # Pooled breakdowns leave out the groups hidden in their own survey (and say
            # how many): only one survey's breakdown adds up to its total.
            if table not in BREAKDOWNS or len(waves) != 1:
                continue
            for column, total in self._totals(level, waves).items():
                # Shown figures only: a difference of pooled figures is what a survey
                # added to them (nothing for a group hidden there), not its real count.
                known = {g: self.observed[(level, table, g, column)].get(waves) for g in groups}
                missing = [g for g, value in known.items() if value is None]
                if len(missing) == 1:
                    rest = sum(value for value in known.values() if value is not None)
                    self.seen[(level, table, missing[0], column)].setdefault(waves, total - rest)

    def _totals(self, level, waves) -> dict:
        totals = {}
        for (at, table, group, column), known in self.observed.items():
            if at == level and table == SUMMARY and group == ALL and waves in known:
                totals[column] = known[waves]
        return totals

    def leaks(self) -> list:
        """Hidden groups (never shown to this user with their size) whose real respondents
        or counts the user worked out."""
        found = []
        for (_level, table, group, column), known in self.seen.items():
            for waves, value in known.items():
                if len(waves) != 1:
                    continue
                wave = next(iter(waves))
                real = self.data.truth.get((wave, table, group), Counter())
                if (wave, table, group) in self.direct or not real["n"]:
                    continue
                if real[column] and value == real[column]:
                    found.append((wave, table, group, column, value))
        return found


def _wave_sets(data: Data, regions, **filters):
    closed = [
        w for w in data.waves
        if w.closed_at and w.location.region_id in {r.pk for r in regions}
        and all(getattr(w, name) == value for name, value in filters.items())
    ]  # fmt: skip
    waves = {w.pk for w in closed}
    by_location, by_region = defaultdict(set), defaultdict(set)
    for w in closed:
        by_location[w.location_id].add(w.pk)
        by_region[w.location.region_id].add(w.pk)
    return waves, by_location, by_region


def _filters(data: Data) -> list[dict]:
    years = sorted({w.opens_on.year for w in data.waves})
    options = [{}]
    options += [{"kind": kind} for kind in Wave.Kind.values]
    options += [{"year": year} for year in years]
    options += [{"year": y, "kind": k} for y in years for k in Wave.Kind.values]
    return options


def _as_wave_filter(query: dict) -> dict:
    wave_filter = {}
    if "kind" in query:
        wave_filter["kind"] = query["kind"]
    return wave_filter


class Visit:
    """Everything one user opens, checked on the way: a page, its XLSX, PDF and JSON show
    the same figures."""

    def __init__(self, client, attacker: Attacker):
        self.client, self.attacker = client, attacker
        self.opened = 0

    def get(self, url, **query):
        response = self.client.get(url, query)
        assert response.status_code in (200, 302, 403, 404), (url, response.status_code)
        return response if response.status_code == 200 else None

    def results(self, page_url, files_url, api_url, waves, *, level, **sets):
        page = self.get(page_url[0], **page_url[1])
        if page is None:
            return
        self.attacker.level = level
        assert page.status_code == 200
        self.opened += 1
        tables = html_tables(page.content.decode())
        self.attacker.read(tables, waves, **sets)
        xlsx = xlsx_tables(self.get(files_url("xlsx"), **page_url[1]).content)
        self.attacker.read(xlsx, waves, **sets)
        pdf = self.get(files_url("pdf"), **page_url[1])
        shown = {str(v) for _t, _h, rows in tables + xlsx for row in rows for v in row[1:]}
        # numbers that are labels on the page (the answers 1 to 5 of a scale) are no figures
        shown |= {str(float(h)) for _t, header, _r in tables for h in header if h.isdigit()}
        for number in pdf_numbers(pdf.content):
            value = _number(number)
            assert value is None or str(value) in shown or _close_to(value, shown), number
        if api_url:
            answer_json = json.loads(self.get(api_url, **page_url[1]).content)
            self.attacker.read(json_tables(answer_json), waves, **sets)


def _close_to(value, shown) -> bool:
    numbers = {float(s) for s in shown if re.fullmatch(r"-?[\d.]+", s)}
    return any(abs(value - n) < 0.051 for n in numbers) or value in (0.0,)


def attack(client, user, data: Data) -> Attacker:
    """Log in as `user`, open every results view and export, and derive what follows."""
    client.force_login(user)
    attacker = Attacker(data)
    visit = Visit(client, attacker)
    for wave in data.waves:
        location = data.locations_by_id[wave.location_id]
        trend = {w.pk for w in data.waves if w.location_id == location.pk}
        sets = {"location_waves": {location.pk: trend}}
        for portal, name in (("staff", "survey_wave"), ("company", "survey")):
            page = f"{portal}:{name}_results"
            visit.results(
                (reverse(page, args=[wave.pk]), {}),
                lambda fmt, p=portal, n=name, w=wave: reverse(f"{p}:{n}_export", args=[w.pk, fmt]),
                reverse("staff:survey_wave_api", args=[wave.pk]) if portal == "staff" else None,
                {wave.pk},
                level=data.minimum[location.region_id],
                **sets,
            )
    for location in data.locations.values():
        page = visit.get(reverse("staff:survey_location_results", args=[location.pk]))
        if page is not None:
            trend = {w.pk for w in data.waves if w.location_id == location.pk}
            tables = html_tables(page.content.decode())
            attacker.level = data.minimum[location.region_id]
            attacker.read(tables, set(), location_waves={location.pk: trend})
    for query in _filters(data):
        years = {w.opens_on.year for w in data.waves}
        for region in data.regions:
            waves, by_location, by_region = _wave_sets(data, [region], **_as_wave_filter(query))
            if "year" in query:
                waves, by_location, by_region = _year(data, waves, by_location, query["year"])
            visit.results(
                (reverse("staff:survey_region_results", args=[region.slug]), query),
                lambda fmt, r=region: reverse("staff:survey_region_export", args=[r.slug, fmt]),
                reverse("staff:survey_region_api", args=[region.slug]),
                waves,
                level=data.minimum[region.pk],
                location_waves=by_location,
                region_waves=by_region,
            )
        assert years
        waves, by_location, by_region = _wave_sets(data, data.regions, **_as_wave_filter(query))
        if "year" in query:
            waves, by_location, by_region = _year(data, waves, by_location, query["year"])
        visit.results(
            (reverse("staff:survey_national_results"), query),
            lambda fmt: reverse("staff:survey_national_export", args=[fmt]),
            reverse("staff:survey_national_api"),
            waves,
            level=max(data.minimum.values()),
            location_waves=by_location,
            region_waves=by_region,
        )
    attacker.opened = visit.opened
    attacker.derive()
    return attacker


def _year(data: Data, waves, by_location, year):
    keep = {w.pk for w in data.waves if w.opens_on.year == year}
    by_region = defaultdict(set)
    for w in data.waves:
        if w.pk in waves & keep:
            by_region[w.location.region_id].add(w.pk)
    located = {loc: found & keep for loc, found in by_location.items() if found & keep}
    return waves & keep, located, by_region


@pytest.fixture
def scene(data):
    data.locations_by_id = {loc.pk: loc for loc in data.locations.values()}
    return data


def _check_shown_sizes(attacker: Attacker, data: Data):
    """Whatever is shown for one survey has at least the region's minimum behind it, and a
    baseline's car share is shown only for a baseline that big."""
    sizes = {w.pk: data.minimum[w.location.region_id] for w in data.waves}
    for wave, table, group in attacker.direct:
        if table not in (SUMMARY, MODES, *BREAKDOWNS):
            continue
        assert data.truth[(wave, table, group)]["n"] >= sizes[wave], (wave, table, group)
    for wave, _share in attacker.shares:
        assert data.truth[(wave, SUMMARY, ALL)]["n"] >= sizes[wave]


PERSONAS = ["advisor", "coordinator", "contact", "staff_and_contact"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_hidden_group_follows_from_what_one_user_sees(client, world, scene, persona):
    attacker = attack(client, getattr(world, persona), scene)

    assert attacker.opened >= 3  # the user did see results
    assert attacker.direct  # and figures in them
    _check_shown_sizes(attacker, scene)
    assert attacker.leaks() == []
    open_wave = scene.waves[-1]
    assert not [seen for seen in attacker.direct if seen[0] == open_wave.pk]


def _leaky_pool(tables: list[Table], *, min_size: int) -> Table:
    """The rule switched off: every group is pooled, hidden in its own survey or not."""
    first = tables[0]
    sizes, values, labels = Counter(), defaultdict(Counter), {}
    for table in tables:
        for row in table.rows:
            labels.setdefault(row.key, row.label)
            sizes[row.key] += row.n or 0
            for column, value in row.values.items():
                values[row.key][column] += value or 0
    rows = [Row(key, labels[key], sizes[key], dict(values[key])) for key in labels]
    return protect(replace(first, rows=rows, protected=False), min_size=min_size)


def test_the_attacker_finds_the_hidden_groups_when_the_rule_is_switched_off(
    client, world, scene, monkeypatch
):
    monkeypatch.setattr(pooled, "pool", _leaky_pool)

    found = attack(client, world.advisor, scene).leaks()

    fredrikstad = {w.pk for w in scene.waves if w.location_id == world.location.pk}
    found_groups = {(wave in fredrikstad, table, group) for wave, table, group, _c, _v in found}
    assert (True, "By department", "Innkjøp") in found_groups
    assert any(table == SUMMARY for _w, table, _g, _c, _v in found)  # Gressvik's survey of four
