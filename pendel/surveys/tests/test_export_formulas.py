"""A department name that a spreadsheet would run as a formula is text in the results
workbook (departments come from the companies' own employee lists)."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from pendel.surveys.models import Invitation, Response


def test_a_department_that_looks_like_a_formula_is_text_in_the_xlsx(client, world, results_wave):
    wave_responses = Response.objects.filter(wave=results_wave, department="Lager")
    Invitation.objects.filter(wave=results_wave, department="Lager").update(
        department='=HYPERLINK("http://evil.example")'
    )
    wave_responses.update(department='=HYPERLINK("http://evil.example")')
    client.force_login(world.advisor)

    response = client.get(reverse("staff:survey_wave_export", args=[results_wave.pk, "xlsx"]))

    sheet = load_workbook(io.BytesIO(response.content))["By department"]
    cells = [cell for row in sheet.iter_rows(min_row=3) for cell in row[:1]]
    labels = [cell.value for cell in cells]
    assert '\'=HYPERLINK("http://evil.example")' in labels
    assert all(cell.data_type != "f" for cell in cells)  # no formula anywhere in the column
