"""Turning an uploaded file into rows of cells, whatever the HR system wrote: CSV with comma,
semicolon or tab, UTF-8 (with or without BOM), UTF-16 or Windows-1252, or an XLSX workbook.

Anything that cannot be read raises FileError with a code; nothing here touches the database.
"""

import codecs
import csv
import io
import zipfile

from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COLUMNS = 60
EXTENSIONS = ("csv", "txt", "xlsx")

FILE_MESSAGES = {
    "empty": _("The file is empty."),
    "too_large": _("The file is larger than %(max)s MB. Split it or remove unused columns."),
    "extension": _("Upload a CSV file (.csv or .txt) or an Excel workbook (.xlsx)."),
    "old_excel": _("Old Excel files (.xls) cannot be read. Save the file as .xlsx or CSV."),
    "not_text": _("This does not look like a CSV file. Save it from your HR system as CSV."),
    "not_xlsx": _("This Excel file cannot be read. Open it in Excel and save it again as .xlsx."),
    "too_many_rows": _("The file has more than %(max)s rows. Split it into several files."),
    "no_header": _(
        "No column names found. The first row must name the columns, e.g. "
        "First name; Last name; Email."
    ),
    "missing_columns": _("These columns are missing: %(columns)s."),
    "no_rows": _("The file has column names but no employees."),
}


class FileError(ValueError):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        return str(FILE_MESSAGES[self.code]) % self.params


def extension_of(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def read_table(content: bytes, *, filename: str) -> list[list]:
    """Rows of cells (strings, numbers or dates); blank rows are kept for the row numbers."""
    extension = extension_of(filename)
    if extension == "xls" or content.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileError("old_excel")
    if extension not in EXTENSIONS:
        raise FileError("extension")
    if not content:
        raise FileError("empty")
    if len(content) > MAX_BYTES:
        raise FileError("too_large", max=MAX_BYTES // (1024 * 1024))
    if content.startswith(b"PK\x03\x04") or extension == "xlsx":
        return _read_xlsx(content)
    return _read_csv(content)


def decode(content: bytes) -> str:
    """UTF-8 (BOM or not) or UTF-16 with a BOM; otherwise Windows-1252, as Excel saves CSV."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise FileError("not_text") from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\r\n\t")
    return "\x00" in sample or controls > len(sample) // 100


def sniff_delimiter(text: str) -> str:
    """The separator the header line uses most: semicolon, comma or tab."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


def _read_csv(content: bytes) -> list[list]:
    text = decode(content)
    if _looks_binary(text):
        raise FileError("not_text")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    rows = []
    try:
        for row in reader:
            rows.append(row[:MAX_COLUMNS])
            if len(rows) > MAX_ROWS + 1:
                raise FileError("too_many_rows", max=MAX_ROWS)
    except csv.Error:
        raise FileError("not_text") from None
    return rows


def _read_xlsx(content: bytes) -> list[list]:
    _refuse_zip_bomb(content)
    # openpyxl raises many kinds of errors on broken workbooks (zip, XML, KeyError…);
    # whatever it raises, the answer to the user is the same.
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            return _sheet_rows(workbook.worksheets[0])
        finally:
            workbook.close()
    except FileError:
        raise
    except Exception:
        raise FileError("not_xlsx") from None


def _refuse_zip_bomb(content: bytes) -> None:
    """A small workbook that unpacks to gigabytes is refused before openpyxl opens it."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception:
        raise FileError("not_xlsx") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileError("too_large", max=MAX_BYTES // (1024 * 1024))


def _sheet_rows(sheet) -> list[list]:
    rows = []
    for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
        rows.append(list(row))
        if len(rows) > MAX_ROWS + 1:
            raise FileError("too_many_rows", max=MAX_ROWS)
    return rows
