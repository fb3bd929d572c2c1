"""One company's commuting emissions worked out by hand from six answers, and the same
figure from the system, with the Norwegian, Swedish and Dutch factors of the bundled set."""

from math import sqrt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pendel.climate.emissions import wave_emissions
from pendel.climate.models import EmissionFactorSet
from pendel.climate.tests.conftest import closed_wave, diary
from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.regions.factories import CountryFactory, RegionFactory

# A: 10 km, two days driving alone, a day at home, two days by bus.
# B: 5 km, cycles every day.  C: 20 km, no diary: train on 3 days at the workplace.
# D: 12 km, one day as a car passenger, four at home.  E: no distance, home all week (0).
# F: bus five days but no distance: left out, like someone who did not answer.
ANSWERS = [
    {"distance_km": 10, **diary("drive_alone", "drive_alone", "home", "bus", "bus")},
    {"distance_km": 5, **diary(*["bicycle"] * 5)},
    {"distance_km": 20, "main_mode": "train", "days_office": 3, "days_home": 2},
    {"distance_km": 12, **diary("car_passenger", "home", "home", "home", "home")},
    {"distance_km": None, **diary(*["home"] * 5)},
    {"distance_km": None, "main_mode": "bus", "days_office": 5},
]
EMPLOYEES = 8
WEEKS = 46
# The bundled set's factors (kg CO2e per passenger-km), read off data/emission_factors.csv.
FACTORS = {
    # NO: Brakar/Asplan Viak car and carpool, Brakar bus, SSB rail.
    "NO": {"drive_alone": 0.140, "car_passenger": 0.070, "bus": 0.095, "train": 0.0122},
    # SE: Klimatresa diesel car and carpool; no Swedish local bus: UK DESNZ bus.
    "SE": {"drive_alone": 0.137, "car_passenger": 0.0685, "bus": 0.13034, "train": 0.007},
    # NL: secondary petrol car, derived carpool, CROW bus, green-electricity trains.
    "NL": {"drive_alone": 0.204, "car_passenger": 0.102, "bus": 0.1132, "train": 0.0},
}


def by_hand(f: dict) -> list[float]:
    """Each counted respondent's kg CO2e a year: one-way km × 2 × days × factor × 46."""
    return [
        10 * 2 * WEEKS * (2 * f["drive_alone"] + 2 * f["bus"]),
        5 * 2 * WEEKS * 5 * 0.0,
        20 * 2 * WEEKS * 3 * f["train"],
        12 * 2 * WEEKS * 1 * f["car_passenger"],
        0.0,
    ]


def location_in(code: str, world):
    if code == "NO":
        return world.location
    if code == "NL":
        return world.other_location
    sweden = CountryFactory(code="SE", currency="SEK", default_language="sv",
                            time_zone="Europe/Stockholm")  # fmt: skip
    region = RegionFactory(slug="jamtland", name="Jämtland Härjedalen", country=sweden)
    company = OrganisationFactory(name="Östersund Trä AB", country=sweden,
                                  organisation_number="5560360793")  # fmt: skip
    return LocationFactory(organisation=company, region=region, name="Östersund")


@pytest.mark.parametrize("country", ["NO", "SE", "NL"])
def test_the_system_gives_the_figure_worked_out_by_hand(
    country, world, django_capture_on_commit_callbacks
):
    location = location_in(country, world)
    wave = closed_wave(location, world.coordinator, django_capture_on_commit_callbacks,
                       ANSWERS, employees=EMPLOYEES)  # fmt: skip
    people = by_hand(FACTORS[country])
    n = len(people)
    mean = sum(people) / n
    variance = sum((kg - mean) ** 2 for kg in people) / (n - 1)
    half_width = 1.96 * EMPLOYEES * sqrt((1 - n / EMPLOYEES) * variance / n)

    result = wave_emissions(wave)

    assert result.factor_set.name == "Pendel research set"
    assert result.current.respondents == 5
    assert result.left_out == 1
    assert result.current.employees == EMPLOYEES
    assert result.current.per_employee_kg == pytest.approx(mean, abs=0.001)
    assert result.current.total_kg == pytest.approx(EMPLOYEES * mean, abs=0.01)
    assert result.current.high_kg - result.current.total_kg == pytest.approx(half_width, abs=0.01)
    assert result.teleworking_included is False
    assert result.unconfirmed  # every car and transit factor of the set is unconfirmed


def test_by_hand_in_norway_is_923_kg(world, django_capture_on_commit_callbacks):
    """The Norwegian case written out: (432.4 + 0 + 67.344 + 77.28 + 0) / 5 × 8 employees."""
    wave = closed_wave(world.location, world.coordinator, django_capture_on_commit_callbacks,
                       ANSWERS, employees=EMPLOYEES)  # fmt: skip
    result = wave_emissions(wave)
    assert round(result.current.total_kg, 2) == 923.24
    # Every mode has one or two users here: each is hidden by the minimum group size.
    assert all(row.suppressed and row.values["kg"] is None for row in result.by_mode.rows)


def test_modes_used_by_enough_respondents_are_shown(world, django_capture_on_commit_callbacks):
    wave = closed_wave(world.location, world.coordinator, django_capture_on_commit_callbacks,
                       ANSWERS * 5, employees=40)  # fmt: skip
    by_mode = {row.key: row for row in wave_emissions(wave).by_mode.rows}
    assert by_mode["bicycle"].n == 5 and by_mode["bicycle"].values["kg"] == 0
    # 5 drivers × 10 km × 2 × 2 days × 46 weeks × 0.140 kg
    assert by_mode["drive_alone"].values["kg"] == pytest.approx(5 * 10 * 2 * 2 * 46 * 0.140)
    assert by_mode["drive_alone"].values["km"] == pytest.approx(5 * 10 * 2 * 2 * 46)


def test_query_count_does_not_grow_with_the_answers(world, django_capture_on_commit_callbacks):
    small = closed_wave(world.location, world.coordinator, django_capture_on_commit_callbacks,
                        ANSWERS, employees=8)  # fmt: skip
    large = closed_wave(world.third_location, world.coordinator,
                        django_capture_on_commit_callbacks, ANSWERS * 6, employees=40)  # fmt: skip
    counts = []
    for wave in (small, large):
        with CaptureQueriesContext(connection) as queries:
            wave_emissions(wave)
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_no_factor_set_at_all_gives_no_figure_but_no_error(
    world, django_capture_on_commit_callbacks
):
    wave = closed_wave(world.location, world.coordinator, django_capture_on_commit_callbacks,
                       ANSWERS, employees=EMPLOYEES)  # fmt: skip
    EmissionFactorSet.objects.all().delete()
    result = wave_emissions(wave)
    assert result.factor_set is None
    assert result.current.total_kg == 0
