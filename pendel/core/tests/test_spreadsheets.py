"""The one writer of CSV and XLSX cells: text that a spreadsheet would run is written as
text, numbers stay numbers, and a phone number Pendel checked reads back as it was."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from pendel.core.cells import spreadsheet_text, spreadsheet_value
from pendel.core.spreadsheets import CsvDictWriter, CsvWriter, XlsxStream, xlsx_append

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


def test_a_phone_number_is_guarded_like_any_other_text():
    buffer = io.StringIO()
    CsvWriter(buffer).writerow(["+47 91 23 45 67", "912 34 567"])
    assert buffer.getvalue().strip() == "'+47 91 23 45 67,912 34 567"


@pytest.mark.parametrize(
    "value",
    [*DANGEROUS, "'=1", "''+47", "'t Hooft", "O'Brien", "'", "", "Åse", "+47 91 23 45 67"],
)
def test_reading_a_cell_back_removes_exactly_the_guard(value):
    assert spreadsheet_value(spreadsheet_text(value)) == value


def test_an_apostrophe_that_guards_nothing_is_kept_on_import():
    assert spreadsheet_value("'t Hooft") == "'t Hooft"
    assert spreadsheet_value("'=1") == "=1"
    assert spreadsheet_value(7) == 7


def _stream_rows(rows, title="Ansatte"):
    buffer = io.BytesIO()
    workbook = XlsxStream(buffer, title=title)
    for row in rows:
        workbook.append(row)
    workbook.close()
    buffer.seek(0)
    return load_workbook(buffer)


def test_the_streaming_workbook_opens_with_text_numbers_and_dates():
    from datetime import date

    book = _stream_rows([["Navn", "Antall", "Dato"], ["Åse & <Ødegård>", 3, date(2021, 3, 1)]])
    sheet = book.active
    assert sheet.title == "Ansatte"
    header, row = sheet.iter_rows(values_only=True)
    assert header == ("Navn", "Antall", "Dato")
    assert row[0] == "Åse & <Ødegård>" and row[1] == 3 and row[2].date() == date(2021, 3, 1)


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_streamed_cell_is_never_a_formula(value):
    first = _stream_rows([[value]]).active["A1"]
    assert (first.value, first.data_type) == ("'" + value, "s")


def test_a_sheet_title_excel_refuses_is_made_acceptable():
    title = _stream_rows([["x"]], title="Salg/drift: [Oslo]? " * 3).active.title
    assert title == "Salg drift   Oslo   Salg drift"
    assert len(title) <= 31
