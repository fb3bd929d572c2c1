"""Files made from employee data: the employee list as CSV or XLSX (in the import's own
format, so it imports again unchanged), and one person's data as JSON."""

import io
from datetime import date

import phonenumbers
from django.utils import timezone
from openpyxl import Workbook

from pendel.core.audit import audit_sentence
from pendel.core.models import AuditEvent
from pendel.core.spreadsheets import CsvWriter, number_text, xlsx_append
from pendel.employees.columns import COLUMNS, export_headers
from pendel.employees.models import Employee

CSV_DELIMITER = ";"


def _phone(value: str) -> str:
    """'+47 912 34 567': spreadsheets keep it as text, and it reads back as the same number."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value)
    except phonenumbers.NumberParseException:
        return value
    return number_text(
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    )


def employee_cells(employee: Employee) -> list:
    cells = {
        "phone": _phone(employee.phone),
        "age_group": employee.get_age_group_display() if employee.age_group else "",
    }
    return [
        cells[column.field] if column.field in cells else getattr(employee, column.field)
        for column in COLUMNS
    ]


def employees_csv(employees, *, language: str) -> bytes:
    """Semicolon-separated UTF-8 with a BOM: Excel in all four countries opens it as is."""
    buffer = io.StringIO()
    writer = CsvWriter(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(export_headers(language))
    for employee in employees:
        writer.writerow(
            [
                cell.isoformat() if isinstance(cell, date) else ("" if cell is None else cell)
                for cell in employee_cells(employee)
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def employees_xlsx(employees, *, language: str, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31] or "Employees")
    xlsx_append(sheet, export_headers(language))
    for employee in employees:
        xlsx_append(sheet, employee_cells(employee))
    buffer = io.BytesIO()
    workbook.save(buffer)
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
