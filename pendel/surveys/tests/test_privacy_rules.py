"""Issue 11, the rules beside one wave's results: an open wave's downloads do not move with
one answer; the baseline and the trend rows obey the minimum; pooled results use the
largest minimum and never less than five; pooled and trend rates leave closed invitations
out; texts that state a rule take its number from the region's settings."""

import io
import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from pendel.catalogue.seed_data import NATIONAL_PRODUCTS
from pendel.surveys.models import Invitation, SurveySettings, Wave
from pendel.surveys.results import location_trend, pooled_results, wave_results
from pendel.surveys.tests.conftest import (
    answer,
    close,
    dispatch,
    make_employees,
    make_wave,
    move_dates,
)


def cells(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    return [list(row) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]


def result_tables(page: bytes) -> list[str]:
    return re.findall(r"<table\b.*?</table>", page.decode(), re.S)


def test_two_downloads_of_an_open_wave_one_answer_apart_are_identical(
    client, world, sent_wave, invitations
):
    for invitation in invitations[:6]:
        answer(invitation, main_mode="drive_alone", department="Lager")
    client.force_login(world.advisor)
    urls = {
        "xlsx": reverse("staff:survey_wave_export", args=[sent_wave.pk, "xlsx"]),
        "json": reverse("staff:survey_wave_api", args=[sent_wave.pk]),
        "page": reverse("staff:survey_wave_results", args=[sent_wave.pk]),
        "company": reverse("company:survey_export", args=[sent_wave.pk, "xlsx"]),
    }

    def download():
        got = {name: client.get(url).content for name, url in urls.items() if name != "company"}
        client.force_login(world.contact)
        got["company"] = client.get(urls["company"]).content
        client.force_login(world.advisor)
        return got

    before = download()
    answer(invitations[6], main_mode="bicycle", department="Lager")
    after = download()

    assert cells(before["xlsx"]) == cells(after["xlsx"])
    assert cells(before["company"]) == cells(after["company"])
    assert json.loads(before["json"]) == json.loads(after["json"])
    assert result_tables(before["page"]) == result_tables(after["page"])
    assert b"only the response rate is shown" in after["page"]
    assert b'"stat-value">60.0%' in before["page"] and b'"stat-value">70.0%' in after["page"]


@pytest.fixture
def small_baseline(world, django_capture_on_commit_callbacks):
    """A baseline of four who all drive alone, then a follow-up of eight (closed)."""
    make_employees(world.location, 8, department="Lager", language="en")
    baseline = dispatch(
        make_wave(world.location), world.advisor, django_capture_on_commit_callbacks
    )
    for invitation in Invitation.objects.filter(wave=baseline).order_by("id")[:4]:
        answer(invitation, main_mode="drive_alone")
    baseline = move_dates(close(baseline), -400)
    follow_up = dispatch(
        make_wave(world.location, kind=Wave.Kind.FOLLOW_UP),
        world.advisor,
        django_capture_on_commit_callbacks,
    )
    for number, invitation in enumerate(Invitation.objects.filter(wave=follow_up).order_by("id")):
        answer(invitation, main_mode="bus" if number % 2 else "walk")
    return baseline, close(follow_up)


def test_a_baseline_of_four_is_not_shown_beside_the_follow_up(client, world, small_baseline):
    baseline, follow_up = small_baseline
    results = wave_results(follow_up)
    trend = {row.key: row for row in results.figures["trend"].rows}
    client.force_login(world.advisor)
    page = client.get(reverse("staff:survey_wave_results", args=[follow_up.pk])).content.decode()
    location_page = client.get(
        reverse("staff:survey_location_results", args=[world.location.pk])
    ).content.decode()

    assert trend[str(baseline.pk)].suppressed and trend[str(baseline.pk)].n is None
    assert results.comparison.baseline is None and results.comparison.points is None
    assert trend[str(follow_up.pk)].figures["car_alone"] == 0.0
    for shown in (page, location_page):
        tables = "".join(result_tables(shown.encode()))
        assert "100.0%" not in tables
        assert '<td class="num">4</td>' not in tables


def test_the_pooled_companies_table_hides_a_baseline_of_four(world, small_baseline):
    _baseline, follow_up = small_baseline
    results = pooled_results(
        waves=Wave.objects.filter(location__region=world.region),
        regions=[world.region],
        title="Region",
    )
    (company,) = results.figures["companies"].rows
    assert company.n == 8
    assert company.figures["baseline"] is None and company.figures["points"] is None


def _department_of(location, size: int, callbacks, actor, *, others: int = 6) -> Wave:
    make_employees(location, size + others, department="Innkjøp", language="en")
    wave = dispatch(make_wave(location), actor, callbacks)
    invitations = list(Invitation.objects.filter(wave=wave).order_by("id"))
    for invitation in invitations[:size]:
        answer(invitation, main_mode="drive_alone", department="Innkjøp")
    for invitation in invitations[size : size + others]:
        answer(invitation, main_mode="bus", department="Lager")
    return close(wave)


def test_pooled_results_use_the_largest_minimum_of_the_regions_pooled(
    world, django_capture_on_commit_callbacks
):
    SurveySettings.objects.update_or_create(
        region=world.third_region, defaults={"min_group_size": 8}
    )
    _department_of(world.location, 6, django_capture_on_commit_callbacks, world.advisor)
    _department_of(
        world.third_location, 9, django_capture_on_commit_callbacks, world.coordinator, others=9
    )

    results = pooled_results(
        waves=Wave.objects.all(), regions=[world.region, world.third_region], title="All"
    )
    rows = {row.label: row for row in results.tables["department"].rows}

    assert results.min_size == 8
    assert rows["Innkjøp"].n == 9  # Fredrikstad's six are under the eight of Nord-Jæren
    assert rows["Lager"].n == 9
    assert results.tables["department"].left_out == 12  # its six and the six beside them


def test_the_floor_of_five_holds_when_a_region_sets_less(world, django_capture_on_commit_callbacks):
    SurveySettings.objects.update_or_create(region=world.region, defaults={"min_group_size": 5})
    SurveySettings.objects.filter(region=world.region).update(min_group_size=3)
    wave = _department_of(world.location, 4, django_capture_on_commit_callbacks, world.advisor)

    rows = {row.label: row for row in wave_results(wave).tables["department"].rows}
    pooled = pooled_results(
        waves=Wave.objects.filter(pk=wave.pk), regions=[world.region], title="Region"
    )

    assert wave_results(wave).min_size == pooled.min_size == 5
    assert rows["Innkjøp"].suppressed and rows["Lager"].suppressed  # and its complement
    assert all(row.suppressed for row in pooled.tables["department"].rows)


@pytest.fixture
def closed_one(world, results_wave):
    """One of results_wave's two non-respondents left before it closed."""
    unanswered = Invitation.objects.filter(wave=results_wave, answered_at__isnull=True).first()
    Invitation.objects.filter(pk=unanswered.pk).update(
        closed_on=results_wave.opens_on, closed_reason="ended"
    )
    return results_wave


def test_the_pooled_rate_leaves_closed_invitations_out(client, world, closed_one):
    client.force_login(world.advisor)
    region = client.get(reverse("staff:survey_region_api", args=[world.region.slug])).json()
    wave = client.get(reverse("staff:survey_wave_api", args=[closed_one.pk])).json()

    assert region["response_rate"] == wave["response_rate"]
    assert region["response_rate"]["delivered"] == 19
    assert region["response_rate"]["percent"] == 94.7


def test_the_trend_rate_leaves_closed_invitations_out(
    world, closed_one, django_capture_on_commit_callbacks
):
    SurveySettings.objects.update_or_create(
        region=world.region, defaults={"count_non_respondents_as_drive_alone": True}
    )
    trend = {row.key: row for row in location_trend(world.location).rows}
    # 9 drive alone of 18 answers; 19 delivered (20 less the one closed): (9 + 1) ÷ 19.
    assert trend[str(closed_one.pk)].figures["adjusted"] == 52.6
    assert wave_results(closed_one).adjusted_car_share == 52.6


def test_the_invitation_mail_states_the_regions_minimum(
    world, wave, employees, django_capture_on_commit_callbacks
):
    SurveySettings.objects.update_or_create(region=world.region, defaults={"min_group_size": 7})
    mail.outbox.clear()

    dispatch(wave, world.advisor, django_capture_on_commit_callbacks)

    body = mail.outbox[0].body
    assert "only totals for groups of at least 7 people" in body
    assert "five people" not in body


def test_the_catalogue_text_of_the_survey_states_no_threshold():
    (survey,) = [product for product in NATIONAL_PRODUCTS if product[0] == "travel-survey"]
    texts = [text for field in survey if isinstance(field, dict) for text in field.values()]
    assert texts
    assert not any(re.search(r"\d", str(text)) for text in texts)
