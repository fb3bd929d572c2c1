"""A value that a spreadsheet would run as a formula is written as text, in CSV and XLSX:
=, +, -, @, tab and carriage return at the start of a cell (OWASP, "CSV Injection")."""

import csv
import io

import pytest
from openpyxl import load_workbook

from pendel.core.audit import audit_record
from pendel.employees.audit import EmployeesAction
from pendel.employees.exports import employees_csv, employees_xlsx, personal_data
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import Employee

DANGEROUS = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2"]


@pytest.fixture
def tricky(world):
    for index, value in enumerate(DANGEROUS):
        EmployeeFactory(
            location=world.location,
            first_name=value,
            last_name=f"Test{index}",
            email=f"tricky{index}@fisk.example.com",
            department="Lager",
        )
    EmployeeFactory(location=world.location, first_name="Åse", last_name="Vanlig", department="")
    return Employee.objects.filter(location=world.location).order_by("last_name")


def _csv_first_names(content: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    return [row[0] for row in rows[1:]]


def test_the_csv_export_writes_every_formula_start_as_text(tricky):
    names = _csv_first_names(employees_csv(tricky, language="en"))
    assert sorted(names) == sorted(["'" + value for value in DANGEROUS] + ["Åse"])


def test_the_xlsx_export_writes_every_formula_start_as_text(tricky):
    content = employees_xlsx(tricky, language="en", title="Fisk")
    sheet = load_workbook(io.BytesIO(content)).active
    cells = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(cells) == sorted(["'" + value for value in DANGEROUS] + ["Åse"])
    assert all(cell.data_type == "s" for cell in sheet["A"][1:])  # text, never a formula


def test_ordinary_values_are_written_unchanged(world):
    EmployeeFactory(location=world.location, first_name="Kari-Anne", department="Salg / drift")
    names = _csv_first_names(employees_csv(Employee.objects.all(), language="en"))
    assert names == ["Kari-Anne"]


def test_the_csv_has_one_line_per_employee_and_keeps_a_phone_it_cannot_read(world):
    EmployeeFactory(location=world.location, first_name="Per", phone="12", language="nb")
    content = employees_csv(Employee.objects.all(), language="en").decode("utf-8-sig")
    lines = content.split("\r\n")
    assert len(lines) == 3 and lines[2] == ""  # header, Per, and the last line break
    cells = lines[1].split(";")
    assert (cells[0], cells[3], cells[-1]) == ("Per", "12", "nb")


def test_the_sheet_is_named_after_the_list_within_excels_31_characters(world):
    EmployeeFactory(location=world.location)
    title = "Fredrikstad Fisk AS – Fredrikstad sentrum"
    content = employees_xlsx(Employee.objects.all(), language="en", title=title)
    assert load_workbook(io.BytesIO(content)).active.title == title[:31]


def test_the_personal_data_export_holds_no_internal_keys_and_names_no_one_for_the_system(world):
    employee = EmployeeFactory(location=world.location)
    audit_record(actor=None, action=EmployeesAction.CREATED, target=employee)
    data = personal_data(employee)
    assert "id" not in data["employee"] and "location" not in data["employee"]
    assert data["employee"]["first_name"] == employee.first_name
    assert data["history"][0]["by"] == ""  # done by Pendel itself, not by a person


@pytest.mark.parametrize(
    "phone",
    ["+4791234567", "+4722334455", "+46701234567", "+4687654321", "+31612345678",
     "+31201234567", "+4930123456", "+16502530000"],
)  # fmt: skip
def test_a_phone_is_written_as_phonenumbers_groups_it(phone):
    import phonenumbers

    from pendel.employees.exports import _phone

    expected = phonenumbers.format_number(
        phonenumbers.parse(phone), phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    assert _phone(phone) == expected
    assert _phone(phone[:-1] + "0") == expected[:-1] + "0"  # the same shape, other digits
