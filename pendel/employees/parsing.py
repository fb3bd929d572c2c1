"""From rows of cells to clean employee values, with every problem listed by row and field.

Row numbers are those the user sees in a spreadsheet: the header is row 1 (or lower, when
an HR system writes a title line above it). Nothing here touches the database.
"""

import json
from dataclasses import dataclass, field
from datetime import date

from django.utils.text import capfirst

from pendel.employees import values
from pendel.employees.columns import REQUIRED, field_for_header
from pendel.employees.models import Employee
from pendel.employees.reading import NO_DEADLINE, Deadline, FileError, read_table
from pendel.employees.values import CellError

MAX_STORED_ERRORS = 500
DATE_FIELDS = {"start_date", "end_date"}
HEADER_SEARCH_ROWS = 10


@dataclass
class ParsedRow:
    number: int
    values: dict


@dataclass
class ParsedFile:
    fields: list[str]
    ignored_columns: list[str]
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    error_count: int = 0

    def dumps(self) -> bytes:
        """The checked rows as JSON, kept between the preview and the apply."""
        rows = [
            [row.number, *(_jsonable(row.values.get(name)) for name in self.fields)]
            for row in self.rows
        ]
        return json.dumps({"fields": self.fields, "rows": rows}).encode("utf-8")

    @classmethod
    def loads(cls, content: bytes) -> "ParsedFile":
        data = json.loads(content)
        fields = data["fields"]
        parsed = cls(fields=fields, ignored_columns=[])
        for number, *cells in data["rows"]:
            row_values = dict(zip(fields, cells, strict=True))
            for name in DATE_FIELDS.intersection(row_values):
                if row_values[name]:
                    row_values[name] = date.fromisoformat(row_values[name])
            parsed.rows.append(ParsedRow(number=number, values=row_values))
        return parsed

    def add_error(self, row: int, field_name: str, error: CellError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_STORED_ERRORS:
            self.errors.append(
                {"row": row, "field": field_name, "code": error.code, "params": error.params}
            )


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


READERS = {
    "first_name": lambda v, c: values.read_text(v, max_length=100, required=True),
    "last_name": lambda v, c: values.read_text(v, max_length=100, required=True),
    "email": lambda v, c: values.read_email(v),
    "phone": lambda v, c: values.read_phone(v, country=c),
    "department": lambda v, c: values.read_text(v, max_length=100),
    "age_group": lambda v, c: values.read_age_group(v),
    "postcode": lambda v, c: values.read_postcode(v, country=c),
    "start_date": lambda v, c: values.read_date(v),
    "end_date": lambda v, c: values.read_date(v),
    "language": lambda v, c: values.read_language(v),
}


def field_label(name: str) -> str:
    return capfirst(str(Employee._meta.get_field(name).verbose_name))


def parse_file(
    content: bytes, *, filename: str, country: str, deadline: Deadline = NO_DEADLINE
) -> ParsedFile:
    """Read and check a whole file; raises FileError when it cannot be read at all (or not
    before the deadline)."""
    table = read_table(content, filename=filename, deadline=deadline)
    return parse_table(table, country=country, deadline=deadline)


def parse_table(table: list[list], *, country: str, deadline: Deadline = NO_DEADLINE) -> ParsedFile:
    header_index, mapping, ignored = _find_header(table)
    parsed = ParsedFile(fields=list(mapping.values()), ignored_columns=ignored)
    first_rows: dict[str, int] = {}
    for index in range(header_index + 1, len(table)):
        cells = table[index]
        if index % 1000 == 0:
            deadline.check()
        if not any(values.as_text(cell) for cell in cells):
            continue
        row = ParsedRow(number=index + 1, values={})
        row.values, errors = _clean_row(cells, mapping, country)
        for name, error in errors:
            parsed.add_error(row.number, name, error)
        _check_duplicate(row, first_rows, parsed)
        parsed.rows.append(row)
    if not parsed.rows:
        raise FileError("no_rows")
    return parsed


def _find_header(table: list[list]) -> tuple[int, dict[int, str], list[str]]:
    """The first row (of the first few) that names at least two known columns."""
    for index, cells in enumerate(table[:HEADER_SEARCH_ROWS]):
        mapping: dict[int, str] = {}
        ignored = []
        for position, cell in enumerate(cells):
            name = field_for_header(values.as_text(cell))
            if name and name not in mapping.values():
                mapping[position] = name
            elif values.as_text(cell):
                ignored.append(values.as_text(cell)[:60])
        if len(mapping) >= 2:
            _check_required(mapping)
            return index, mapping, ignored
    raise FileError("no_header")


def _check_required(mapping: dict[int, str]) -> None:
    missing = [name for name in REQUIRED if name not in mapping.values()]
    if missing:
        labels = ", ".join(field_label(name) for name in missing)
        raise FileError("missing_columns", columns=labels)


def _clean_row(cells: list, mapping: dict, country: str) -> tuple[dict, list]:
    cleaned, errors = {}, []
    for position, name in mapping.items():
        try:
            cleaned[name] = READERS[name](
                cells[position] if position < len(cells) else None, country
            )
        except CellError as error:
            errors.append((name, error))
    start, end = cleaned.get("start_date"), cleaned.get("end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors.append(("end_date", CellError("end_before_start")))
    return cleaned, errors


def _check_duplicate(row: ParsedRow, first_rows: dict[str, int], parsed: ParsedFile) -> None:
    email = row.values.get("email")
    if not email:
        return
    key = email.lower()
    if key in first_rows:
        parsed.add_error(row.number, "email", CellError("duplicate_email", other=first_rows[key]))
    else:
        first_rows[key] = row.number


def describe_error(error: dict) -> dict:
    """A stored error as the preview shows it, in the reader's language."""
    return {
        "row": error["row"],
        "field": field_label(error["field"]) if error.get("field") else "",
        "message": values.message_for(error["code"], error.get("params") or {}),
    }
