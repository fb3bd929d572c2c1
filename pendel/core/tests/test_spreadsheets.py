"""The one writer of CSV and XLSX cells: text that a spreadsheet would run is written as
text, numbers stay numbers, and a phone number Pendel checked reads back as it was."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from pendel.core.spreadsheets import CsvDictWriter, CsvWriter, number_text, xlsx_append

DANGEROUS = ['=HYPERLINK("http://evil.example")', "+1", "-1", "@SUM(1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_csv_cell_that_starts_like_a_formula_gets_an_apostrophe(value):
    buffer = io.StringIO()
    CsvWriter(buffer).writerow([value, 7, -3])
    assert next(csv.reader(io.StringIO(buffer.getvalue()))) == ["'" + value, "7", "-3"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_dict_row_is_guarded_too(value):
    buffer = io.StringIO()
    writer = CsvDictWriter(buffer, fieldnames=["name", "count"])
    writer.writeheader()
    writer.writerow({"name": value, "count": -1})
    row = next(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row == {"name": "'" + value, "count": "-1"}


@pytest.mark.parametrize("value", DANGEROUS)
def test_an_xlsx_cell_is_never_a_formula(value):
    workbook = Workbook()
    xlsx_append(workbook.active, [value, 1.5])
    buffer = io.BytesIO()
    workbook.save(buffer)
    first, second = next(load_workbook(buffer).active.iter_rows())
    assert (first.value, first.data_type) == ("'" + value, "s")
    assert second.value == 1.5


def test_a_checked_phone_number_is_kept_as_it_is():
    buffer = io.StringIO()
    CsvWriter(buffer).writerow([number_text("+47 912 34 567"), number_text("+47=1")])
    assert buffer.getvalue().strip() == "+47 912 34 567,'+47=1"
