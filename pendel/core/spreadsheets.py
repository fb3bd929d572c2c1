"""The one writer of every CSV and XLSX file Pendel makes (the employee list, the invoice's
employee specification, the ticket hand-off, the survey results workbooks).

Every string cell goes through `core.cells.spreadsheet_text`, so text that came from data
(a name, an organisation, a department, a phone number) is never a live formula, whatever
the export; `core.cells.spreadsheet_value` strips exactly that guard when a file comes back.
"""

import csv

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
