"""Organisation and location names reach the region's and the nation's results workbooks
(one row per company); there they are text, never a live formula."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from pendel.core.cells import FORMULA_START

DANGEROUS = ['=HYPERLINK("http://evil.example")', "+1", "-1", "@SUM(1)", "\t=1", "\r=1"]


def _cells(content: bytes):
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]


def _texts(content: bytes) -> list[str]:
    return [cell.value for cell in _cells(content) if isinstance(cell.value, str)]


@pytest.mark.parametrize("value", DANGEROUS)
def test_company_names_are_text_in_the_region_and_national_workbooks(
    client, world, results_wave, value
):
    organisation = world.location.organisation
    organisation.name = value
    organisation.save()
    client.force_login(world.coordinator)
    urls = [
        reverse("staff:survey_region_export", args=[world.region.slug, "xlsx"]),
        reverse("staff:survey_national_export", args=["xlsx"]),
        reverse("staff:survey_wave_export", args=[results_wave.pk, "xlsx"]),
    ]
    for url in urls:
        cells = _cells(client.get(url).content)
        texts = [cell.value for cell in cells if isinstance(cell.value, str)]
        assert all(cell.data_type != "f" for cell in cells)
        assert not [text for text in texts if text.startswith(FORMULA_START)]
    region_texts = _texts(client.get(urls[0]).content)
    assert any(text.startswith("'" + value) for text in region_texts)  # the company's row
