"""The one writer of every CSV and XLSX file Pendel makes (the employee list, the invoice's
employee specification, the ticket hand-off, the survey results workbooks).

Every string cell goes through `core.cells.spreadsheet_text`, so text that came from data
(a name, an organisation, a department, a phone number) is never a live formula, whatever
the export; `core.cells.spreadsheet_value` strips exactly that guard when a file comes back.
"""

import csv
import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from pendel.core.cells import spreadsheet_text


def cell(value):
    """The value as it may be written: text made inert, numbers and dates unchanged."""
    return spreadsheet_text(value)


def guarded_row(values) -> list:
    return [cell(value) for value in values]


class CsvWriter:
    """csv.writer with every cell guarded."""

    def __init__(self, buffer, **options):
        self._writer = csv.writer(buffer, **options)

    def writerow(self, row):
        return self._writer.writerow(guarded_row(row))

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class CsvDictWriter:
    """csv.DictWriter with every cell guarded (the header row is the code's own)."""

    def __init__(self, buffer, fieldnames, **options):
        self._writer = csv.DictWriter(buffer, fieldnames=fieldnames, **options)

    def writeheader(self):
        return self._writer.writeheader()

    def writerow(self, row: dict):
        return self._writer.writerow({key: cell(value) for key, value in row.items()})

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def xlsx_append(worksheet, values) -> None:
    """Append one row to an openpyxl worksheet; openpyxl would store text that starts with
    "=" as a formula, so every cell is guarded first."""
    worksheet.append(guarded_row(values))


# --- a streaming XLSX writer ------------------------------------------------------------------
# One sheet of values, written row by row straight into the zip (a few hundred bytes per row
# in memory, whatever the number of rows): several times faster than openpyxl for a long list.
# Text is written inline (no shared strings), guarded like every other cell; dates get
# Excel's short date format.

_COLUMN_LETTERS = [
    "".join(chr(65 + d) for d in digits)
    for digits in [(i,) for i in range(26)] + [(i, j) for i in range(26) for j in range(26)]
]
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_IN_SHEET_TITLE = re.compile(r"[\[\]:*?/\\]")
_EXCEL_EPOCH = date(1899, 12, 30)

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_PACKAGE}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    f'{_XML}<Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    f'{_XML}<Relationships xmlns="{_PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFFICE}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE}">'
    '<sheets><sheet name="{title}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_STYLES = (
    f'{_XML}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
_SHEET_START = f'{_XML}<worksheet xmlns="{_MAIN}"><sheetData>'
_SHEET_END = "</sheetData></worksheet>"


def sheet_title(title: str, fallback: str = "Sheet1") -> str:
    """A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\\."""
    return _NOT_IN_SHEET_TITLE.sub(" ", title).strip()[:31].strip() or fallback


_NEEDS_ESCAPE = re.compile('[&<>"\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def _xml_text(text: str) -> str:
    if not _NEEDS_ESCAPE.search(text):
        return text
    # A carriage return would come back as a line feed (XML normalises line ends).
    return escape(_NOT_IN_XML.sub("", text), {'"': "&quot;", "\r": "&#13;"})


def _xlsx_cell(ref: str, value) -> str:
    value = cell(value)
    if value is None or value == "":
        return ""
    if type(value) is str:
        text = _xml_text(value)
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float | Decimal):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f'<c r="{ref}" s="1"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    text = _xml_text(str(value))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


class XlsxStream:
    """A workbook of one sheet written to `handle` (a binary file) as the rows come:
    `append(values)` per row, then `close()`. Every text cell is guarded."""

    def __init__(self, handle, *, title: str):
        self._zip = zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED)
        self._title = sheet_title(title)
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._sheet.write(_SHEET_START.encode())
        self._rows = 0
        self._pending: list[str] = []

    def append(self, values) -> None:
        self._rows += 1
        number = self._rows
        cells = "".join(
            _xlsx_cell(f"{_COLUMN_LETTERS[index]}{number}", value)
            for index, value in enumerate(values)
        )
        self._pending.append(f'<row r="{number}">{cells}</row>')
        if len(self._pending) >= 500:
            self._flush()

    def _flush(self) -> None:
        self._sheet.write("".join(self._pending).encode())
        self._pending = []

    def close(self) -> None:
        self._flush()
        self._sheet.write(_SHEET_END.encode())
        self._sheet.close()
        parts = {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _ROOT_RELS,
            "xl/workbook.xml": _WORKBOOK.format(title=_xml_text(self._title)),
            "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
            "xl/styles.xml": _STYLES,
        }
        for name, content in parts.items():
            self._zip.writestr(name, content)
        self._zip.close()
