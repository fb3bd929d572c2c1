"""Importers of emission factors: a published file in, rows for the one import path out.

The seam for national sources
-----------------------------
Every factor set enters Pendel the same way: an importer reads a file in its publisher's
format and returns `FactorRow`s plus a `RowError` per line it could not read; the service
`factor_set_import` (services.py) then checks the rows together (duplicates, the set's
country), shows the preview and writes the set in one transaction, with its audit event.

An importer is any object with a `key`, a `label` and `read(data: bytes) -> Parsed`. The
first is `CsvImporter`, Pendel's own layout (the bundled set, data/emission_factors.csv,
is in it). Entur's Miljødata, the national source the programme intends to use, has no
published factor table yet (see data/README.md): once it does, an `EnturMiljodataImporter`
that maps its modes and units to FACTOR_MODES and kg CO2e per passenger-km goes here and
into IMPORTERS, and the import page offers it. Nothing else changes: not the models, not
the calculation, not the pages.

Messages are whole translated sentences naming the line, so a staff member can correct
the file in a spreadsheet. Nothing here touches the database.
"""

import csv
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Protocol

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.climate.models import FACTOR_MODES, HOME_OFFICE, Boundary, Unit
from pendel.core.cells import spreadsheet_value

MAX_BYTES = 512 * 1024
MAX_ROWS = 2000
MAX_VALUE = Decimal("10")  # kg CO2e per passenger-km: a plane is about 0.25
COLUMNS = ["country", "mode", "value", "unit", "boundary", "year", "confirmed", "source", "note"]
REQUIRED = ["country", "mode", "value", "unit", "confirmed", "source"]
YES = {"yes", "y", "true", "1", "ja", "j", "ja.", "oui", "x"}
NO = {"no", "n", "false", "0", "nei", "nej", "nee", ""}
MODES = {code for code, _label in FACTOR_MODES}


@dataclass(frozen=True)
class FactorRow:
    line: int
    country: str
    mode: str
    value: Decimal
    unit: str
    boundary: str
    year: int | None
    confirmed: bool
    source: str
    note: str = ""


@dataclass(frozen=True)
class RowError:
    line: int | None  # None: about the whole file
    message: str


@dataclass
class Parsed:
    rows: list[FactorRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


class Importer(Protocol):
    key: str
    label: str

    def read(self, data: bytes) -> Parsed: ...


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (what Excel writes in the Nordics)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class CsvImporter:
    """Pendel's layout: one row per country and mode, the columns of COLUMNS (any order,
    comma or semicolon, lines starting with # are comments)."""

    key = "pendel_csv"
    label = _("Pendel CSV (country, mode, value, unit, boundary, year, confirmed, source, note)")

    def read(self, data: bytes) -> Parsed:
        if not data.strip():
            return Parsed(errors=[RowError(None, gettext("The file is empty."))])
        if len(data) > MAX_BYTES:
            return Parsed(errors=[RowError(None, gettext("The file is larger than 512 KB."))])
        lines = [
            (number, line)
            for number, line in enumerate(decode(data).splitlines(), start=1)
            if line.strip() and not line.lstrip().startswith("#")
        ]
        if not lines:
            return Parsed(errors=[RowError(None, gettext("The file has no column names."))])
        delimiter = ";" if lines[0][1].count(";") > lines[0][1].count(",") else ","
        reader = csv.reader((line for _number, line in lines), delimiter=delimiter)
        try:
            table = list(reader)
        except csv.Error:
            return Parsed(errors=[RowError(None, gettext("The file is not a readable CSV file."))])
        header = [cell.strip().lower() for cell in table[0]]
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            message = gettext("These columns are missing: %(columns)s.") % {
                "columns": ", ".join(missing)
            }
            return Parsed(errors=[RowError(lines[0][0], message)])
        if len(table) - 1 > MAX_ROWS:
            message = gettext("The file has more than %(max)s rows.") % {"max": MAX_ROWS}
            return Parsed(errors=[RowError(None, message)])
        parsed = Parsed()
        for (number, _line), cells in zip(lines[1:], table[1:], strict=False):
            values = {
                name: str(spreadsheet_value(cell)).strip()
                for name, cell in zip(header, cells, strict=False)
            }
            row, errors = read_row(number, values)
            parsed.errors += errors
            if row is not None:
                parsed.rows.append(row)
        if not parsed.rows and not parsed.errors:
            parsed.errors.append(RowError(None, gettext("The file has column names but no rows.")))
        return parsed


def _value(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def read_row(line: int, values: dict) -> tuple[FactorRow | None, list[RowError]]:
    """One line's factor, or the reasons it cannot be one (every reason, not the first)."""
    errors = []

    def refuse(message: str) -> None:
        errors.append(RowError(line, message))

    country = values.get("country", "").upper()
    if not country or len(country) > 20 or not country.replace("_", "").isalpha():
        refuse(gettext("The country must be a code such as NO, SE, NL or UK_DEFAULT."))
    mode = values.get("mode", "").lower()
    if mode not in MODES:
        refuse(
            gettext("“%(mode)s” is not a mode of the survey. Use one of: %(modes)s.")
            % {"mode": mode, "modes": ", ".join(sorted(MODES))}
        )
    value = _value(values.get("value", ""))
    if value is None:
        refuse(gettext("The value must be a number, e.g. 0.137 (kg CO2e)."))
    elif value < 0 or value > MAX_VALUE:
        refuse(gettext("The value must be between 0 and 10 kg CO2e. Is it in grams?"))
    elif value != value.quantize(Decimal("0.000001")):
        refuse(gettext("The value may have at most six decimals."))
    unit = values.get("unit", "").lower()
    expected = Unit.PER_DAY if mode == HOME_OFFICE else Unit.PER_PKM
    if unit != expected:
        refuse(gettext("The unit of this mode must be “%(unit)s”.") % {"unit": expected.value})
    boundary = values.get("boundary", "") or Boundary.UNKNOWN
    if boundary not in Boundary.values:
        refuse(
            gettext("The boundary must be one of: %(boundaries)s.")
            % {"boundaries": ", ".join(Boundary.values)}
        )
    year = values.get("year", "")
    if year and not (year.isdigit() and 1990 <= int(year) <= 2100):
        refuse(gettext("The year must be a year such as 2024, or empty."))
    confirmed = values.get("confirmed", "").lower()
    if confirmed not in YES | NO:
        refuse(gettext("Confirmed must be yes or no."))
    source = values.get("source", "")
    if not source:
        refuse(gettext("Every factor needs its source."))
    if errors:
        return None, errors
    row = FactorRow(
        line=line,
        country=country,
        mode=mode,
        value=value,
        unit=unit,
        boundary=boundary,
        year=int(year) if year else None,
        confirmed=confirmed in YES,
        source=source,
        note=values.get("note", ""),
    )
    return row, []


IMPORTERS: dict[str, Importer] = {CsvImporter.key: CsvImporter()}
