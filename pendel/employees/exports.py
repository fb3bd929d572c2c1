"""Files made from employee data: the employee list as CSV or XLSX (in the import's own
format, so it imports again unchanged), and one person's data as JSON.

The lists are written as they are read: the rows come from the database in chunks, the CSV
goes to the client chunk by chunk, and the workbook is written to a temporary file that is
then streamed, so 20,000 employees take neither 20,000 model instances nor the whole file
in memory.
"""

import io
import re
import tempfile
from collections.abc import Iterator
from datetime import date

import phonenumbers
from django.utils import timezone, translation

from pendel.core.audit import audit_sentence
from pendel.core.models import AuditEvent
from pendel.core.spreadsheets import CsvWriter, XlsxStream, sheet_title
from pendel.employees.columns import COLUMNS, export_headers, fix_header
from pendel.employees.models import AgeGroup, Employee
from pendel.employees.parsing import describe_error

CSV_DELIMITER = ";"
CHUNK_ROWS = 2000
FIELDS = [column.field for column in COLUMNS]


def _phone(value: str) -> str:
    """'+47 912 34 567': easier to read than E.164, and it reads back as the same number
    (the writer guards the "+" like any formula start). Numbers of one country and range
    are grouped alike: the grouping is worked out once per shape (phonenumbers takes some
    20 µs a number, a long list's main cost), and only the digits change."""
    if not value:
        return ""
    if not _E164.fullmatch(value):
        return value
    shape = (value[:SHAPE_PREFIX], len(value))
    if shape not in _TEMPLATES:
        if len(_TEMPLATES) > 10_000:
            _TEMPLATES.clear()
        _TEMPLATES[shape] = _phone_template(value)
    template = _TEMPLATES[shape]
    if template is None:
        return value
    digits = iter(value[1:])
    return "".join(next(digits) if char == "#" else char for char in template)


_E164 = re.compile(r"\+[1-9]\d{6,14}")
SHAPE_PREFIX = 7  # "+", the country code and the first national digits


_TEMPLATES: dict[tuple[str, int], str | None] = {}


def _phone_template(example: str) -> str | None:
    """How numbers of this shape are written, as '+## ## ## ## ##' (None: not a number)."""
    try:
        number = phonenumbers.parse(example)
    except phonenumbers.NumberParseException:
        return None
    text = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if [c for c in text if c.isdigit()] != list(example[1:]):
        return None
    return "".join("#" if c.isdigit() else c for c in text)


def age_labels() -> dict[str, str]:
    """The age groups as the reader's language names them (read before streaming starts)."""
    return {code: str(label) for code, label in AgeGroup.choices}


def employee_rows(employees, labels: dict[str, str]) -> Iterator[list]:
    """The cells of each employee in COLUMNS' order, read in chunks as plain values."""
    phone_at, age_at = FIELDS.index("phone"), FIELDS.index("age_group")
    for values in employees.values_list(*FIELDS).iterator(chunk_size=CHUNK_ROWS):
        cells = list(values)
        cells[phone_at] = _phone(cells[phone_at])
        cells[age_at] = labels.get(cells[age_at], "")
        yield cells


def _csv_cell(value):
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def employees_csv_chunks(employees, *, language: str) -> Iterator[bytes]:
    """Semicolon-separated UTF-8 with a BOM (Excel in all four countries opens it as is),
    a few thousand rows at a time. The texts are read now, the rows as the chunks go."""
    return _csv_chunks(employees, export_headers(language), age_labels())


def _csv_chunks(employees, headers: list[str], labels: dict[str, str]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = CsvWriter(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(headers)
    for count, cells in enumerate(employee_rows(employees, labels), start=1):
        writer.writerow([_csv_cell(cell) for cell in cells])
        if count % CHUNK_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def employees_csv(employees, *, language: str) -> bytes:
    return b"".join(employees_csv_chunks(employees, language=language))


def employees_xlsx_file(employees, *, language: str, title: str):
    """The workbook in a temporary file, rewound; closing it removes it."""
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it
    workbook = XlsxStream(handle, title=sheet_title(title, "Employees"))
    workbook.append(export_headers(language))
    for cells in employee_rows(employees, age_labels()):
        workbook.append(cells)
    workbook.close()
    handle.seek(0)
    return handle


def employees_xlsx(employees, *, language: str, title: str) -> bytes:
    with employees_xlsx_file(employees, language=language, title=title) as handle:
        return handle.read()


def _bad_row_cells(header: list[str], rows: list[dict]) -> Iterator[list]:
    """The refused rows in the file's own columns, and a last column that says what to fix."""
    yield [*header, fix_header(translation.get_language() or "en")]
    for row in rows:
        problems = [describe_error(error) for error in row["errors"]]
        fix = " ".join(f"{problem['field']}: {problem['message']}" for problem in problems)
        yield [*row["cells"], fix]


def bad_rows_csv(header: list[str], rows: list[dict], *, language: str) -> bytes:
    """Semicolon-separated UTF-8 with a BOM, like the export."""
    buffer = io.StringIO()
    writer = CsvWriter(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    with translation.override(language):
        writer.writerows(_bad_row_cells(header, rows))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def bad_rows_xlsx(header: list[str], rows: list[dict], *, language: str) -> bytes:
    buffer = io.BytesIO()
    workbook = XlsxStream(buffer, title="Sheet1")
    with translation.override(language):
        for cells in _bad_row_cells(header, rows):
            workbook.append(cells)
    workbook.close()
    return buffer.getvalue()


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


def personal_data(employee: Employee) -> dict:
    """Everything Pendel holds about one employee, for a request for access."""
    fields = [f.name for f in Employee._meta.concrete_fields if f.name not in {"id", "location"}]
    events = AuditEvent.objects.filter(object_type="employee", object_id=str(employee.pk))
    return {
        "exported_at": timezone.now().isoformat(),
        "employee": {name: _jsonable(getattr(employee, name)) for name in fields},
        "employer": {
            "organisation": employee.location.organisation.name,
            "location": employee.location.name,
            "programme": employee.location.region.programme_name,
        },
        "history": [
            {
                "when": event.created_at.isoformat(),
                "action": event.action,
                "what": audit_sentence(event),
                "by": str(event.actor) if event.actor else "",
                "changes": event.changes,
            }
            for event in events.select_related("actor").order_by("created_at", "id")
        ],
    }
