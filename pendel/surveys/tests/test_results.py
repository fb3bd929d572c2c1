"""Results are counted in SQL from the typed columns and compared with the baseline."""

from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.regions.models import Region
from pendel.surveys.models import Invitation, SurveySettings, Wave
from pendel.surveys.results import pooled_results, protect, wave_results
from pendel.surveys.results.tables import Row, Table
from pendel.surveys.selectors import survey_settings_for
from pendel.surveys.services import wave_close
from pendel.surveys.tests.conftest import (
    answer,
    close,
    dispatch,
    make_employees,
    make_wave,
    move_dates,
)


def row(results, table, key):
    return next(r for r in results.tables[table].rows if r.key == key)


def test_mode_shares_and_car_share(results_wave):
    results = wave_results(results_wave)

    assert results.respondents == 18
    assert results.car_share == 50.0
    modes = results.tables["modes"].rows[0]
    assert (modes.share("drive_alone"), modes.share("bus"), modes.share("walk")) == (
        50.0,
        22.2,
        16.7,
    )
    assert results.rate.percent == 90.0


def test_distance_bands_days_and_weekdays(results_wave):
    results = wave_results(results_wave)

    distance = results.tables["distance"].rows[0]
    assert distance.values == {"0_2": 2, "2_5": 3, "5_10": 3, "10_20": 4, "20_50": 4, "50_plus": 2}
    days = results.tables["days"].rows[0]
    assert (days.shown("office", "mean"), days.shown("home", "mean")) == (3.0, 2.0)
    monday, friday = results.tables["weekdays"].rows[0], results.tables["weekdays"].rows[4]
    assert monday.share("car_alone") == 50.0
    assert friday.share("home") == 100.0


def test_managers_are_compared_with_other_employees(results_wave):
    results = wave_results(results_wave)
    managers, others = results.tables["is_manager"].rows
    assert (managers.n, managers.share("car_alone")) == (6, 83.3)
    assert (others.n, others.share("car_alone")) == (12, 33.3)


def test_the_department_breakdown_hides_the_group_of_four_and_its_complement(results_wave):
    results = wave_results(results_wave)

    kontor, lager, salg = results.tables["department"].rows
    assert (kontor.label, kontor.suppressed, kontor.n, kontor.share("car_alone")) == (
        "Kontor",
        True,
        None,
        None,
    )
    assert set(kontor.values.values()) == {None}
    # Kontor plus Lager would reveal Salg: the next smallest group is hidden as well.
    assert (salg.suppressed, salg.n) == (True, None)
    assert (lager.n, lager.share("car_alone")) == (8, 25.0)


def test_protect_hides_small_groups():
    table = Table(
        key="t",
        title="",
        columns=[("a", "A")],
        rows=[Row("x", "X", 4, {"a": 4}), Row("y", "Y", 5, {"a": 1}), Row("z", "Z", 9, {"a": 2})],
    )
    shown = protect(table, min_size=5)
    assert [r.n for r in shown.rows] == [None, 5, 9]
    assert shown.rows[0].values == {"a": None}
    assert shown.protected


def test_protect_hides_a_complement_in_a_partition():
    rows = [Row("x", "X", 3, {}), Row("y", "Y", 7, {}), Row("z", "Z", 12, {})]
    table = Table(key="t", title="", columns=[], rows=rows, partition=True)
    assert [r.suppressed for r in protect(table, min_size=5).rows] == [True, True, False]
    two_small = [Row("x", "X", 3, {}), Row("w", "W", 2, {}), Row("z", "Z", 12, {})]
    table = Table(key="t", title="", columns=[], rows=two_small, partition=True)
    # 3 + 2 hidden together make five: nothing more needs hiding.
    assert [r.suppressed for r in protect(table, min_size=5).rows] == [True, True, False]


def test_a_larger_minimum_from_the_region_settings(world, results_wave):
    survey_settings_for(world.region)
    SurveySettings.objects.filter(region=world.region).update(min_group_size=10)
    results = wave_results(results_wave)
    assert all(r.suppressed for r in results.tables["department"].rows)
    assert results.min_size == 10


def test_too_few_respondents_hides_everything(world, django_capture_on_commit_callbacks):
    make_employees(world.location, 10, language="en")
    wave = dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)
    for invitation in Invitation.objects.filter(wave=wave)[:4]:
        answer(invitation, main_mode="drive_alone")

    results = wave_results(wave)

    assert results.suppressed and results.respondents is None and results.car_share is None
    assert all(r.suppressed for t in results.tables.values() for r in t.rows)
    assert results.rate.answered == 4  # the response rate is not a group's answers
    assert results.figures["trend"].rows[0].figures["car_alone"] is None


def test_non_respondents_counted_as_driving_alone_where_the_region_says_so(world, results_wave):
    assert wave_results(results_wave).adjusted_car_share is None
    survey_settings_for(world.region)
    SurveySettings.objects.filter(region=world.region).update(
        count_non_respondents_as_drive_alone=True
    )

    results = wave_results(results_wave)

    # (9 drivers alone + 2 who did not answer) ÷ 20 delivered
    assert results.adjusted_car_share == 55.0
    assert results.car_share == 50.0
    assert "adjusted" in results.figures["trend"].rows[0].figures


def test_a_follow_up_is_compared_with_the_baseline(
    world, results_wave, django_capture_on_commit_callbacks
):
    move_dates(results_wave, -20)
    wave_close(wave=results_wave, actor=None)
    follow_up = make_wave(world.location, kind=Wave.Kind.FOLLOW_UP)
    follow_up = dispatch(follow_up, world.advisor, django_capture_on_commit_callbacks)
    for number, invitation in enumerate(Invitation.objects.filter(wave=follow_up)[:16]):
        answer(invitation, main_mode="drive_alone" if number < 4 else "bus")

    results = wave_results(close(follow_up))

    assert results.car_share == 25.0
    assert results.comparison.baseline == 50.0
    assert (results.comparison.points, results.comparison.percent) == (-25.0, -50.0)
    trend = results.figures["trend"].rows
    assert [r.figures["car_alone"] for r in trend] == [50.0, 25.0]
    assert trend[1].figures["points"] == -25.0


def test_the_region_pools_its_companies_weighted_by_respondents(
    world, results_wave, django_capture_on_commit_callbacks
):
    second = LocationFactory(
        organisation=OrganisationFactory(name="Glomma Bakeri AS"), region=world.region
    )
    make_employees(second, 10, language="en")
    other = dispatch(make_wave(second), world.advisor, django_capture_on_commit_callbacks)
    for invitation in Invitation.objects.filter(wave=other)[:6]:
        answer(invitation, main_mode="bus")
    close(other)

    results = pooled_results(
        waves=Wave.objects.filter(location__region=world.region),
        regions=[world.region],
        title="Nedre Glomma",
    )

    assert results.respondents == 24
    assert results.car_share == 37.5  # 9 of 24, not the mean of 50 % and 0 %
    companies = {r.label: r for r in results.figures["companies"].rows}
    assert companies[str(second)].figures["car_alone"] == 0.0
    assert companies[str(world.location)].figures["car_alone"] == 50.0


def test_a_company_of_four_is_hidden_in_the_region(
    world, results_wave, django_capture_on_commit_callbacks
):
    for name, count in [("Liten AS", 4), ("Mellom AS", 7)]:
        location = LocationFactory(organisation=OrganisationFactory(name=name), region=world.region)
        make_employees(location, count, language="en")
        wave = dispatch(make_wave(location), world.advisor, django_capture_on_commit_callbacks)
        for invitation in Invitation.objects.filter(wave=wave):
            answer(invitation, main_mode="drive_alone")
        close(wave)

    results = pooled_results(
        waves=Wave.objects.filter(location__region=world.region), regions=[world.region], title=""
    )

    rows = {r.label.split(" – ")[0]: r for r in results.figures["companies"].rows}
    assert rows["Liten AS"].suppressed and rows["Liten AS"].figures["car_alone"] is None
    # Liten AS's four are left out of the region's figures, so the total minus the shown
    # companies is nothing: Mellom AS can be shown.
    assert rows["Mellom AS"].figures["car_alone"] == 100.0
    assert results.respondents == 18 + 7
    assert results.tables["summary"].left_out == 4
    assert not rows["Fredrikstad Fisk AS"].suppressed


def test_national_results_per_programme(world, results_wave, other_wave):
    for invitation in Invitation.objects.filter(wave=other_wave):
        answer(invitation, main_mode="bicycle")
    close(other_wave)
    regions = list(Region.objects.all())

    results = pooled_results(waves=Wave.objects.all(), regions=regions, title="")

    per_region = {r.label: r for r in results.figures["regions"].rows}
    assert per_region["HjemJobbHjem Nedre Glomma"].figures["car_alone"] == 50.0
    assert per_region["Twente Mobiel"].figures["car_alone"] == 0.0
    assert results.respondents == 24


def test_results_take_a_fixed_number_of_queries(results_wave, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        wave_results(results_wave)
