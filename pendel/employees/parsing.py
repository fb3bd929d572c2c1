"""From rows of cells to clean employee values, with every problem listed by row and field.

Row numbers are those the user sees in a spreadsheet: the header is row 1 (or lower, when
an HR system writes a title line above it). Nothing here touches the database.

Only the required values block a row (a name, a valid work email not used on an earlier
row): such a row is kept aside, with its cells as they were, so that it can be handed back
as a file to fix. A value of an optional column that does not fit is a warning: the cell is
left out (a new employee gets nothing there, an existing one keeps what Pendel has) and the
rest of the row is imported.
"""

import json
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.text import capfirst

from pendel.employees import values
from pendel.employees.columns import FIX, REQUIRED, SOURCES, field_for_header, target_field
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
    # Every column of the file in order: its header and what it is read as (a field, a
    # source such as "birth_date", or None).
    columns: list[dict] = field(default_factory=list)
    rows: list[ParsedRow] = field(default_factory=list)
    # Rows refused for a required value: {"row", "cells", "errors": [{field, code, params}]}.
    bad_rows: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    error_count: int = 0
    warnings: list[dict] = field(default_factory=list)
    warning_counts: dict[str, int] = field(default_factory=dict)

    @property
    def rows_to_fix(self) -> bool:
        """The file is the refused rows of an earlier import, corrected: it ends no one."""
        return any(column["source"] == FIX for column in self.columns)

    @property
    def warning_count(self) -> int:
        return sum(self.warning_counts.values())

    @property
    def header(self) -> list[str]:
        return [column["header"] for column in self.columns]

    def dumps(self) -> bytes:
        """The checked rows as JSON, kept between the preview and the apply."""
        rows = [
            [row.number, {name: _jsonable(value) for name, value in row.values.items()}]
            for row in self.rows
        ]
        data = {
            "fields": self.fields,
            "columns": self.columns,
            "rows": rows,
            "bad_rows": self.bad_rows,
            "warnings": self.warnings,
            "warning_counts": self.warning_counts,
        }
        return json.dumps(data).encode("utf-8")

    @classmethod
    def loads(cls, content: bytes) -> "ParsedFile":
        data = json.loads(content)
        parsed = cls(
            fields=data["fields"],
            ignored_columns=[],
            columns=data.get("columns", []),
            bad_rows=data.get("bad_rows", []),
            warnings=data.get("warnings", []),
            warning_counts=data.get("warning_counts", {}),
        )
        for number, row_values in data["rows"]:
            for name in DATE_FIELDS.intersection(row_values):
                if row_values[name]:
                    row_values[name] = date.fromisoformat(row_values[name])
            parsed.rows.append(ParsedRow(number=number, values=row_values))
        return parsed

    def bad_row_emails(self) -> set[str]:
        """The work emails (as written) of the refused rows: those employees stay as they are."""
        at = [i for i, column in enumerate(self.columns) if column["source"] == "email"]
        if not at:
            return set()
        return {row["cells"][at[0]].strip().lower() for row in self.bad_rows} - {""}

    def without(self, ignored) -> "ParsedFile":
        """The file as if the optional columns of these fields were not in it."""
        ignored = set(ignored).difference(REQUIRED)
        if not ignored:
            return self
        return ParsedFile(
            fields=[name for name in self.fields if name not in ignored],
            ignored_columns=self.ignored_columns,
            columns=self.columns,
            rows=[
                ParsedRow(row.number, {k: v for k, v in row.values.items() if k not in ignored})
                for row in self.rows
            ],
            bad_rows=self.bad_rows,
            errors=self.errors,
            error_count=self.error_count,
            warnings=[w for w in self.warnings if w["field"] not in ignored],
            warning_counts={k: n for k, n in self.warning_counts.items() if k not in ignored},
        )

    def add_error(self, row: int, field_name: str, error: CellError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_STORED_ERRORS:
            self.errors.append(_problem(row, field_name, error))

    def add_warning(self, row: int, field_name: str, error: CellError) -> None:
        self.warning_counts[field_name] = self.warning_counts.get(field_name, 0) + 1
        if len(self.warnings) < MAX_STORED_ERRORS:
            self.warnings.append(_problem(row, field_name, error))


def _problem(row: int, field_name: str, error: CellError) -> dict:
    return {"row": row, "field": field_name, "code": error.code, "params": error.params}


def _jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


READERS = {
    "first_name": lambda v, c, t: values.read_text(v, max_length=100, required=True),
    "last_name": lambda v, c, t: values.read_text(v, max_length=100, required=True),
    "email": lambda v, c, t: values.read_email(v),
    "phone": lambda v, c, t: values.read_phone(v, country=c),
    "department": lambda v, c, t: values.read_text(v, max_length=100),
    "age_group": lambda v, c, t: values.read_age(v, today=t),
    "birth_date": lambda v, c, t: values.read_birth_date(v, today=t),
    "birth_year": lambda v, c, t: values.read_birth_year(v, today=t),
    "postcode": lambda v, c, t: values.read_postcode(v, country=c),
    "start_date": lambda v, c, t: values.read_date(v),
    "end_date": lambda v, c, t: values.read_date(v),
    "language": lambda v, c, t: values.read_language(v),
}


def field_label(name: str) -> str:
    return capfirst(str(Employee._meta.get_field(target_field(name)).verbose_name))


def parse_file(
    content: bytes, *, filename: str, country: str, deadline: Deadline = NO_DEADLINE
) -> ParsedFile:
    """Read and check a whole file; raises FileError when it cannot be read at all (or not
    before the deadline)."""
    table = read_table(content, filename=filename, deadline=deadline)
    return parse_table(table, country=country, deadline=deadline)


def parse_table(
    table: list[list],
    *,
    country: str,
    deadline: Deadline = NO_DEADLINE,
    today: date | None = None,
) -> ParsedFile:
    today = today or timezone.localdate()
    header_index, mapping, columns = _find_header(table)
    mapping = {position: name for position, name in mapping.items() if name != FIX}
    fields = list(dict.fromkeys(target_field(name) for name in mapping.values()))
    ignored = [column["header"][:60] for column in columns if column["source"] in (None, FIX)]
    parsed = ParsedFile(fields=fields, ignored_columns=ignored, columns=columns)
    first_rows: dict[str, int] = {}
    for index in range(header_index + 1, len(table)):
        cells = table[index]
        if index % 1000 == 0:
            deadline.check()
        if not any(values.as_text(cell) for cell in cells):
            continue
        number = index + 1
        row_values, errors, warnings = _clean_row(cells, mapping, country, today)
        errors += _duplicate(number, row_values.get("email"), first_rows)
        for name, warning in warnings:
            parsed.add_warning(number, name, warning)
        if errors:
            for name, error in errors:
                parsed.add_error(number, name, error)
            parsed.bad_rows.append(_bad_row(number, cells, len(columns), errors))
        else:
            parsed.rows.append(ParsedRow(number=number, values=row_values))
    if not parsed.rows and not parsed.bad_rows:
        raise FileError("no_rows")
    return parsed


def _bad_row(number: int, cells: list, width: int, errors: list) -> dict:
    texts = [values.as_text(cell) for cell in cells[:width]]
    return {
        "row": number,
        "cells": texts + [""] * (width - len(texts)),
        "errors": [_problem(number, name, error) for name, error in errors],
    }


def _find_header(table: list[list]) -> tuple[int, dict[int, str], list[dict]]:
    """The first row (of the first few) that names at least two known columns."""
    for index, cells in enumerate(table[:HEADER_SEARCH_ROWS]):
        mapping: dict[int, str] = {}
        columns = []
        for position, cell in enumerate(cells):
            header = values.as_text(cell)
            name = field_for_header(header)
            if name and name not in mapping.values():
                mapping[position] = name
            else:
                name = None
            columns.append({"header": header[:100], "source": name})
        while columns and not columns[-1]["header"]:
            columns.pop()
        if len(mapping) >= 2:
            _check_required(mapping)
            return index, mapping, columns
    raise FileError("no_header")


def _check_required(mapping: dict[int, str]) -> None:
    missing = [name for name in REQUIRED if name not in mapping.values()]
    if missing:
        labels = ", ".join(field_label(name) for name in missing)
        raise FileError("missing_columns", columns=labels)


def _clean_row(cells: list, mapping: dict, country: str, today: date):
    """The row's values, the errors that refuse it and the warnings of cells left out."""
    cleaned, errors, warnings = {}, [], []
    sourced: dict[str, list] = {}
    for position, name in mapping.items():
        cell = cells[position] if position < len(cells) else None
        try:
            value = READERS[name](cell, country, today)
        except CellError as error:
            (errors if name in REQUIRED else warnings).append((target_field(name), error))
            continue
        if name in SOURCES or name == "age_group":
            sourced.setdefault(target_field(name), []).append(value)
        else:
            cleaned[name] = value
    for name, found in sourced.items():
        given = [value for value in found if value]
        if given:  # a cell that did not fit, made up for by another column
            warnings = [(field_name, w) for field_name, w in warnings if field_name != name]
        if given or not any(field_name == name for field_name, _w in warnings):
            cleaned[name] = given[0] if given else ""
    start, end = cleaned.get("start_date"), cleaned.get("end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        del cleaned["end_date"]
        warnings.append(("end_date", CellError("end_before_start")))
    return cleaned, errors, warnings


def _duplicate(number: int, email: str | None, first_rows: dict[str, int]) -> list:
    if not email:
        return []
    key = email.lower()
    if key in first_rows:
        return [("email", CellError("duplicate_email", other=first_rows[key]))]
    first_rows[key] = number
    return []


def describe_error(error: dict) -> dict:
    """A stored error as the preview shows it, in the reader's language."""
    return {
        "row": error["row"],
        "field": field_label(error["field"]) if error.get("field") else "",
        "message": values.message_for(error["code"], error.get("params") or {}),
    }
