"""No group smaller than the minimum is ever shown: each results path (page, chart, XLSX,
PDF, JSON, for a wave, a region and the country) is fed a group of four (Kontor, who all
drive alone) and must show no number for it, nor for the group that would reveal it."""

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.core.tests.assertions import assert_private_download
from pendel.surveys.models import Invitation
from pendel.surveys.results import wave_results
from pendel.surveys.results.charts import result_charts
from pendel.surveys.results.exports import result_sheets
from pendel.surveys.tests.conftest import answer, close, dispatch, make_employees, make_wave
from pendel.surveys.tests.helpers import pdf_strings, pdf_text

HIDDEN = "–"


def html_row(page: str, label: str) -> list[str]:
    """The cells of the table row headed `label`, as text."""
    match = re.search(rf'<th scope="row">{label}</th>(.*?)</tr>', page, re.S)
    assert match, f"no row {label}"
    return [
        re.sub(r"<.*?>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
    ]


def hidden(cells) -> bool:
    return all(str(cell).startswith(HIDDEN) for cell in cells)


def department_rows(rows) -> dict:
    return {row[0]: row[1:] for row in rows}


def test_the_staff_results_page(client, world, results_wave):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:survey_wave_results", args=[results_wave.pk])).content.decode()

    assert hidden(html_row(page, "Kontor"))
    assert hidden(html_row(page, "Salg"))
    assert html_row(page, "Lager")[:2] == ["8", "25.0%"]
    assert hidden(html_row(page, "55–64"))


def test_the_company_results_page(client, world, results_wave):
    client.force_login(world.contact)
    page = client.get(reverse("company:survey_results", args=[results_wave.pk])).content.decode()
    assert hidden(html_row(page, "Kontor"))
    assert hidden(html_row(page, "Salg"))


def test_the_chart_data(results_wave):
    chart = result_charts(wave_results(results_wave))["department"]
    bars = {bar.label.split(" (n")[0]: bar for bar in chart.bars}
    assert (bars["Kontor"].label, bars["Kontor"].value, bars["Kontor"].text) == (
        "Kontor",
        None,
        HIDDEN,
    )
    assert bars["Salg"].value is None
    assert bars["Lager"].value == 25.0
    assert bars["Lager"].label == "Lager (n\xa0=\xa08)"  # the base only where it is shown
    assert "(n\xa0=\xa08)" in chart.title


def test_the_chart_on_the_page_draws_no_bar_for_the_group(client, world, results_wave):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:survey_wave_results", args=[results_wave.pk])).content.decode()
    chart = re.search(r'<svg[^>]*aria-label="By department: Car share[^"]*".*?</svg>', page, re.S)
    svg = chart.group(0)
    assert 'role="img"' in svg and "style=" not in svg and "<style" not in svg
    assert svg.count('fill="#0b5cad"') == 1  # Lager's bar; Kontor and Salg have none
    kontor = re.search(r">Kontor</text>(.*?)</text>", svg, re.S).group(1)
    assert kontor.strip().endswith(HIDDEN)


@pytest.mark.parametrize("portal", ["staff", "company"])
def test_the_xlsx_export(client, world, results_wave, portal):
    user, name = (
        (world.advisor, "staff:survey_wave_export")
        if portal == "staff"
        else (world.contact, "company:survey_export")
    )
    client.force_login(user)
    response = client.get(reverse(name, args=[results_wave.pk, "xlsx"]))
    workbook = load_workbook(io.BytesIO(response.content))

    sheet = workbook["By department"]
    rows = department_rows(list(sheet.iter_rows(min_row=3, values_only=True)))
    assert hidden(rows["Kontor"]) and hidden(rows["Salg"])
    assert rows["Lager"][:2] == (8, 25.0)


@pytest.mark.parametrize("portal", ["staff", "company"])
def test_the_pdf_export(client, world, results_wave, portal):
    user, name = (
        (world.advisor, "staff:survey_wave_export")
        if portal == "staff"
        else (world.contact, "company:survey_export")
    )
    client.force_login(user)
    response = client.get(reverse(name, args=[results_wave.pk, "pdf"]))
    strings = pdf_strings(response.content)

    assert response["Content-Type"] == "application/pdf"
    assert_private_download(response)
    start = strings.index("Department", strings.index("By department"))  # its table
    kontor = strings.index("Kontor", start)
    assert strings[kontor + 1 : kontor + 8] == [HIDDEN] * 7
    assert strings[strings.index("Lager", start) + 1 : strings.index("Lager", start) + 3] == [
        "8",
        "25.0%",
    ]


def test_the_pdf_is_made_from_the_same_protected_sheets(results_wave):
    sheets = {sheet.title: sheet for sheet in result_sheets(wave_results(results_wave))}
    rows = department_rows(sheets["By department"].rows)
    assert hidden(rows["Kontor"]) and hidden(rows["Salg"])


def test_the_json_api(client, world, results_wave):
    client.force_login(world.advisor)
    data = client.get(reverse("staff:survey_wave_api", args=[results_wave.pk])).json()

    table = next(t for t in data["tables"] if t["key"] == "department")
    rows = {row["label"]: row for row in table["rows"]}
    assert rows["Kontor"] == {
        "key": "Kontor",
        "label": "Kontor",
        "respondents": None,
        "suppressed": True,
        "values": dict.fromkeys(rows["Kontor"]["values"]),
    }
    assert rows["Salg"]["respondents"] is None
    assert rows["Lager"]["values"]["car_alone"] == 25.0
    assert data["min_group_size"] == 5


@pytest.fixture
def small_company(world, results_wave, django_capture_on_commit_callbacks):
    """A company of four respondents, all driving alone, beside a larger one of seven."""
    for name, count in [("Liten AS", 4), ("Mellom AS", 7)]:
        location = LocationFactory(organisation=OrganisationFactory(name=name), region=world.region)
        make_employees(location, count, language="en")
        wave = dispatch(make_wave(location), world.advisor, django_capture_on_commit_callbacks)
        for invitation in Invitation.objects.filter(wave=wave):
            answer(invitation, main_mode="drive_alone")
        close(wave)


def test_the_region_page_export_and_api(client, world, small_company):
    client.force_login(world.advisor)
    slug = world.region.slug
    page = client.get(reverse("staff:survey_region_results", args=[slug])).content.decode()
    xlsx = client.get(reverse("staff:survey_region_export", args=[slug, "xlsx"])).content
    pdf = client.get(reverse("staff:survey_region_export", args=[slug, "pdf"])).content
    data = client.get(reverse("staff:survey_region_api", args=[slug])).json()

    assert hidden(html_row(page, "Liten AS – Head office"))
    sheet = load_workbook(io.BytesIO(xlsx))["Car share per company"]
    rows = department_rows(list(sheet.iter_rows(min_row=3, values_only=True)))
    assert hidden(rows["Liten AS – Head office"])
    assert not hidden(rows["Mellom AS – Head office"])  # Liten AS is left out of the total
    text = " ".join(pdf_text(pdf).split())
    assert re.search(rf"Liten AS – Head office( {HIDDEN}){{5}}", text), text
    companies = next(f for f in data["figures"] if f["key"] == "companies")
    liten_json = next(r for r in companies["rows"] if r["label"].startswith("Liten"))
    assert liten_json["respondents"] is None
    assert set(liten_json["values"].values()) == {None}


def test_the_national_api_and_page(client, world, small_company):
    client.force_login(world.coordinator)
    data = client.get(reverse("staff:survey_national_api")).json()
    page = client.get(reverse("staff:survey_national_results")).content.decode()

    companies = next(f for f in data["figures"] if f["key"] == "companies")
    liten = next(r for r in companies["rows"] if r["label"].startswith("Liten"))
    assert liten["suppressed"] and liten["respondents"] is None
    assert hidden(html_row(page, "Liten AS – Head office"))


def test_a_wave_of_four_shows_no_result_anywhere(client, world, django_capture_on_commit_callbacks):
    make_employees(world.location, 6, language="en")
    wave = dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)
    for invitation in Invitation.objects.filter(wave=wave)[:4]:
        answer(invitation, main_mode="drive_alone", department="Kontor")
    client.force_login(world.advisor)

    data = client.get(reverse("staff:survey_wave_api", args=[wave.pk])).json()
    page = client.get(reverse("staff:survey_wave_results", args=[wave.pk])).content.decode()
    xlsx = load_workbook(
        io.BytesIO(client.get(reverse("staff:survey_wave_export", args=[wave.pk, "xlsx"])).content)
    )

    assert (data["respondents"], data["car_share"]) == (None, None)
    assert all(row["suppressed"] for table in data["tables"] for row in table["rows"])
    assert "100.0%" not in page
    assert "Kontor" not in page and "<table" not in page  # one message instead of tables
    assert "only the response rate is shown" in page
    key_figures = dict(xlsx["Key figures"].iter_rows(min_row=3, values_only=True))
    assert key_figures["Car share, driving alone (%)"] == HIDDEN
    assert key_figures["Respondents"] == HIDDEN
