"""An exported list imports again unchanged, in every language and both formats."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from pendel.employees.exports import employees_csv, employees_xlsx
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import Employee
from pendel.employees.services import employee_import_prepare


@pytest.fixture
def staff_list(world):
    EmployeeFactory(
        location=world.location,
        first_name="Åse",
        last_name="Ødegård",
        email="ase@fisk.no",
        phone="+4791234567",
        postcode="0150",
        department="Økonomi; lønn",
        age_group="under_25",
        start_date=date(2020, 2, 29),
        language="nb",
    )
    EmployeeFactory(location=world.location, age_group="65_plus", phone="", postcode="")
    EmployeeFactory(location=world.location, age_group="", first_name='Kari "K"')
    return Employee.objects.filter(location=world.location)


@pytest.mark.parametrize("language", ["nb", "en", "sv", "nl"])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_exported_list_imports_again_with_nothing_to_change(
    world, staff_list, language, file_format
):
    with translation.override(language):
        if file_format == "csv":
            content = employees_csv(staff_list, language=language)
        else:
            content = employees_xlsx(staff_list, language=language, title="Fredrikstad")
    upload = SimpleUploadedFile(f"export.{file_format}", content)
    employee_import = employee_import_prepare(
        location=world.location, actor=world.contact, upload=upload
    )
    assert employee_import.errors == []
    assert employee_import.counts == (0, 0, 0)


@pytest.fixture
def formula_like_list(world):
    """Names and numbers a spreadsheet would run: the export guards them, the import strips
    exactly that guard."""
    values = [
        ("=Ola", "Nordmann", "+4791234567", "@home"),
        ("-Kari", "+Berg", "+46701234567", "=SUM(A1)"),
        ("'t", "Hooft", "+31612345678", "'=quoted"),
        ("Per", "O'Brien", "", "-"),
    ]
    for index, (first, last, phone, department) in enumerate(values):
        EmployeeFactory(
            location=world.location,
            first_name=first,
            last_name=last,
            email=f"person{index}@fisk.no",
            phone=phone,
            department=department,
        )
    return Employee.objects.filter(location=world.location)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_with_formula_like_names_and_phones_imports_again_unchanged(
    world, formula_like_list, file_format
):
    if file_format == "csv":
        content = employees_csv(formula_like_list, language="nb")
        assert "'+47 91 23 45 67" in content.decode("utf-8-sig")  # guarded, not a formula
    else:
        content = employees_xlsx(formula_like_list, language="nb", title="Fisk")
    upload = SimpleUploadedFile(f"export.{file_format}", content)
    employee_import = employee_import_prepare(
        location=world.location, actor=world.contact, upload=upload
    )
    assert employee_import.errors == []
    assert employee_import.counts == (0, 0, 0)
