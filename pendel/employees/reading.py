"""Turning an uploaded file into rows of cells, whatever the HR system wrote: CSV with comma,
semicolon or tab, UTF-8 (with or without BOM), UTF-16 or Windows-1252, or an XLSX workbook.

Anything that cannot be read raises FileError with a code; nothing here touches the database.
"""

import codecs
import csv
import io
import zipfile
from time import monotonic

from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from pendel.core.cells import spreadsheet_value

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 60
# What an XLSX may unpack to before openpyxl opens it (zipfile never reads past a part's
# declared size, so the declared sizes bound the work): per part, in all, and how much a
# part may grow (a real employee list compresses some ten times; a bomb hundreds).
MAX_PART_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024  # small parts may compress as well as they like
MAX_PARTS = 1000
EXTENSIONS = ("csv", "txt", "xlsx")
HEADER_LINES = 10  # where the header may be, below a title line or two

FILE_MESSAGES = {
    "empty": _("The file is empty."),
    "too_large": _("The file is larger than %(max)s MB. Split it or remove unused columns."),
    "extension": _("Upload a CSV file (.csv or .txt) or an Excel workbook (.xlsx)."),
    "old_excel": _("Old Excel files (.xls) cannot be read. Save the file as .xlsx or CSV."),
    "not_text": _("This does not look like a CSV file. Save it from your HR system as CSV."),
    "not_xlsx": _("This Excel file cannot be read. Open it in Excel and save it again as .xlsx."),
    "too_many_rows": _("The file has more than %(max)s rows. Split it into several files."),
    "unpacks_too_large": _(
        "This Excel file unpacks to more than %(max)s MB, far more than an employee list "
        "needs. Save it as CSV, or copy the employees into a new workbook."
    ),
    "too_slow": _(
        "Reading the file took longer than %(max)s seconds and was stopped. "
        "Split it into several files or save it as CSV."
    ),
    "no_header": _(
        "No column names found. The first row must name the columns, e.g. "
        "First name; Last name; Email."
    ),
    "missing_columns": _("These columns are missing: %(columns)s."),
    "no_rows": _("The file has column names but no employees."),
    "broken_quotes": _(
        "The file's format is broken: the quotation mark on line %(line)s is not closed "
        "where the cell ends, so the lines after it run together. Nothing has been "
        "imported. Correct that line, or save the file from your HR system again as CSV."
    ),
    "mixed_delimiters": _(
        "The file's format is broken: line %(line)s separates its cells with "
        "“%(found)s”, the column names with “%(expected)s”. Nothing has been imported. "
        "Save the file from your HR system again as CSV, with one separator throughout."
    ),
    "gone": _("The uploaded file is no longer available. Please upload it again."),
    "interrupted": _(
        "Reading the file was interrupted again and again. Split it into several files or "
        "save it as CSV, and upload it again."
    ),
}


class FileError(ValueError):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        # A separator is kept as itself (the params are stored); a tab is named in words.
        params = {k: str(TAB) if v == "\t" else v for k, v in self.params.items()}
        return str(FILE_MESSAGES[self.code]) % params


def is_xlsx(content: bytes, filename: str) -> bool:
    return content.startswith(b"PK\x03\x04") or extension_of(filename) == "xlsx"


def work_size(content: bytes, *, filename: str) -> int:
    """How many bytes reading the file means: what an XLSX unpacks to, a CSV's length. A
    workbook that would unpack to too much is refused here, before anything is kept."""
    if is_xlsx(content, filename):
        return _refuse_zip_bomb(content)
    return len(content)


def extension_of(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


class Deadline:
    """A time limit checked between rows; `None` seconds means none."""

    def __init__(self, seconds: float | None = None):
        self.seconds = seconds
        self.until = monotonic() + seconds if seconds else None

    def check(self) -> None:
        if self.until is not None and monotonic() > self.until:
            raise FileError("too_slow", max=int(self.seconds))


NO_DEADLINE = Deadline()


def read_table(content: bytes, *, filename: str, deadline: Deadline = NO_DEADLINE) -> list[list]:
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
    if is_xlsx(content, filename):
        return _read_xlsx(content, deadline)
    return _read_csv(content, deadline)


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
    """The separator the header line uses most: semicolon, comma or tab. The header is the
    first line (of the first few) with two separators at least, since it names three
    columns or more: an HR system may write a title line above it."""
    lines = [line for line in text.splitlines()[:HEADER_LINES] if line.strip()]
    for line in lines:
        counts = {sep: line.count(sep) for sep in (";", ",", "\t")}
        best = max(counts, key=counts.get)
        if counts[best] >= 2:
            return best
    first = lines[0] if lines else ""
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


DELIMITERS = (";", ",", "\t")
TAB = _("tab")


def _read_csv(content: bytes, deadline: Deadline) -> list[list]:
    text = decode(content)
    if _looks_binary(text):
        raise FileError("not_text")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows, lines = [], []
    try:
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            rows.append([spreadsheet_value(cell) for cell in row[:MAX_COLUMNS]])
            lines.append(line)
            if len(rows) > MAX_ROWS + 1:
                raise FileError("too_many_rows", max=MAX_ROWS)
            if len(rows) % 1000 == 0:
                deadline.check()
    except csv.Error:
        raise FileError("broken_quotes", line=line) from None
    _check_format(rows, lines, delimiter)
    return rows


def _check_format(rows: list[list], lines: list[int], delimiter: str) -> None:
    """A quoted cell that swallowed the following lines, or a line written with another
    separator than the header's, breaks the whole file: refused, with the line named."""
    width = 0
    for row, line in zip(rows, lines, strict=True):
        filled = [cell for cell in row if cell.strip()]
        if any("\n" in cell and delimiter in cell for cell in filled):
            raise FileError("broken_quotes", line=line)
        if not width:
            width = len(filled) if len(filled) >= 2 else 0
            continue
        if len(filled) == 1 and width >= 3:
            found = _other_delimiter(filled[0], delimiter, width)
            if found:
                raise FileError(
                    "mixed_delimiters",
                    line=line,
                    found=found,
                    expected=delimiter,
                )


def _other_delimiter(cell: str, delimiter: str, width: int) -> str | None:
    """The other separator a single-cell line is split by into (about) the header's width."""
    for candidate in DELIMITERS:
        if candidate != delimiter and cell.count(candidate) >= max(2, width // 2):
            return candidate
    return None


def _read_xlsx(content: bytes, deadline: Deadline) -> list[list]:
    _refuse_zip_bomb(content)
    # openpyxl raises many kinds of errors on broken workbooks (zip, XML, KeyError…);
    # whatever it raises, the answer to the user is the same.
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            return _sheet_rows(workbook.worksheets[0], deadline)
        finally:
            workbook.close()
    except FileError:
        raise
    except Exception:
        raise FileError("not_xlsx") from None


def _refuse_zip_bomb(content: bytes) -> int:
    """A small workbook that unpacks to gigabytes is refused before openpyxl opens it: by
    what each part and all parts declare they unpack to, and by how much a part grows."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except Exception:
        raise FileError("not_xlsx") from None
    if len(parts) > MAX_PARTS:
        raise FileError("not_xlsx")
    too_large = FileError("unpacks_too_large", max=MAX_UNPACKED_BYTES // (1024 * 1024))
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise too_large
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            raise too_large
        grows = part.file_size > MAX_RATIO * max(part.compress_size, 1)
        if part.file_size > RATIO_FROM_BYTES and grows:
            raise too_large
    return unpacked


def _sheet_rows(sheet, deadline: Deadline) -> list[list]:
    """At most MAX_ROWS rows of MAX_COLUMNS cells, whatever the sheet declares."""
    rows = []
    for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
        rows.append([spreadsheet_value(cell) for cell in row])
        if len(rows) > MAX_ROWS + 1:
            raise FileError("too_many_rows", max=MAX_ROWS)
        if len(rows) % 1000 == 0:
            deadline.check()
    return rows
