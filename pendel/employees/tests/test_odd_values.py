"""HR exports with odd values in optional columns: the good rows are imported, each odd cell
is a warning and left out, and only a missing or invalid name or work email refuses a row."""

from datetime import date

import pytest
from django.utils import translation
from freezegun import freeze_time

from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import Employee, EmployeeImport
from pendel.employees.parsing import describe_error
from pendel.employees.services import (
    employee_import_apply,
    employee_import_ignore,
    employee_import_prepare,
)
from pendel.employees.tests.files import csv_upload, xlsx_upload

NORWEGIAN_HR = (
    "Ansattnr;Fornavn;Etternavn;E-post;Alder;Avdeling;Telefon\r\n"
    "1001;Åse;Ødegård;ase@fisk.no;30-39;AVD 4711;+47 91 23 45 67\r\n"
    "1002;Bjørn;Berg;bjorn@fisk.no;36-40;Lager;ikke oppgitt\r\n"
    "1003;Siri;Sæther;siri@fisk.no;41;Salg;\r\n"
)


def prepare(world, upload):
    return employee_import_prepare(location=world.location, actor=world.contact, upload=upload)


def warnings_of(employee_import):
    with translation.override("en"):
        described = map(describe_error, employee_import.preview["warnings"])
        return [(w["row"], w["field"], w["message"]) for w in described]


def test_an_age_band_that_is_not_ours_is_a_warning_and_the_rows_are_imported(world):
    employee_import = prepare(world, csv_upload(NORWEGIAN_HR, encoding="cp1252"))
    assert employee_import.status == EmployeeImport.Status.READY
    assert employee_import.errors == []
    assert warnings_of(employee_import) == [
        (
            2,
            "Age group",
            "“30-39” is not an age group. Use under 25, 25–34, 35–44, 45–54, 55–64 or 65+.",
        ),
        (3, "Phone", "“ikke oppgitt” is not a valid phone number."),
    ]
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    people = {e.first_name: e for e in Employee.objects.all()}
    assert (people["Åse"].age_group, people["Åse"].department) == ("", "AVD 4711")
    assert people["Åse"].phone == "+4791234567"
    assert people["Bjørn"].age_group == "35_44"  # 36–40 falls inside one of ours
    assert people["Bjørn"].phone == ""
    assert people["Siri"].age_group == "35_44"  # an age


def test_a_cell_that_does_not_fit_keeps_what_an_existing_employee_has(world):
    EmployeeFactory(
        location=world.location, first_name="Åse", last_name="Ødegård", email="ase@fisk.no",
        age_group="35_44", department="AVD 4711", phone="+4791234567",
    )  # fmt: skip
    employee_import = prepare(world, csv_upload(NORWEGIAN_HR, encoding="cp1252"))
    assert employee_import.counts == (2, 0, 0)  # Åse's "30-39" changes nothing


@freeze_time("2026-12-03")
def test_a_birth_date_column_gives_the_age_group_and_is_not_kept(world):
    upload = xlsx_upload(
        [
            ["Ansatte per 03.12.2026"],
            ["Fornavn", "Etternavn", "E-post", "Fødselsdato", "Fødselsår"],
            ["Åse", "Ødegård", "ase@fisk.no", date(1991, 12, 4), None],
            ["Per", "Dal", "per@fisk.no", "12.13.1980", None],
            ["Kari", "Li", "kari@fisk.no", None, 1960],
        ]
    )
    employee_import = prepare(world, upload)
    assert warnings_of(employee_import) == [
        (4, "Age group", "“12.13.1980” is not a birth date. Use dd.mm.yyyy or yyyy-mm-dd.")
    ]
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    groups = dict(Employee.objects.values_list("first_name", "age_group"))
    assert groups == {"Åse": "25_34", "Per": "", "Kari": "65_plus"}


def test_only_a_missing_name_or_email_refuses_a_row(world):
    text = (
        "First name;Last name;Email;Postcode;Start date;Language\n"
        "Åse;Berg;ase@fisk.no;ABC;31.02.2024;klingon\n"
        ";Dal;per@fisk.no;1606;01.01.2024;nb\n"
    )
    employee_import = prepare(world, csv_upload(text))
    assert [(e["row"], e["field"]) for e in employee_import.errors] == [(3, "first_name")]
    assert [(w[0], w[1]) for w in warnings_of(employee_import)] == [
        (2, "Home postcode"),
        (2, "Start date"),
        (2, "Language"),
    ]
    assert employee_import.counts == (1, 0, 0)


def test_ignoring_a_column_takes_its_warnings_and_its_values_away(world):
    EmployeeFactory(location=world.location, email="bjorn@fisk.no", first_name="Bjørn",
                    last_name="Berg", age_group="55_64", department="Lager", phone="")  # fmt: skip
    employee_import = prepare(world, csv_upload(NORWEGIAN_HR, encoding="cp1252"))
    assert employee_import.changed == 1  # Bjørn's age group 55–64 → 35–44
    employee_import_ignore(employee_import=employee_import, ignored=["age_group", "first_name"])
    employee_import.refresh_from_db()
    assert [w[1] for w in warnings_of(employee_import)] == ["Phone"]
    assert employee_import.counts == (2, 0, 0)
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    bjorn = Employee.objects.get(email="bjorn@fisk.no")
    assert bjorn.age_group == "55_64"
    assert Employee.objects.get(email="ase@fisk.no").first_name == "Åse"  # required: not ignored


def test_applying_the_good_rows_twice_changes_nothing_the_second_time(world):
    from django.core.exceptions import ValidationError

    text = NORWEGIAN_HR + "1004;;Dal;per@fisk.no;41;Salg;\r\n"
    employee_import = prepare(world, csv_upload(text, encoding="cp1252"))
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    before = list(Employee.objects.order_by("pk").values())
    with pytest.raises(ValidationError):
        employee_import_apply(employee_import=employee_import, actor=world.contact)
    assert list(Employee.objects.order_by("pk").values()) == before
    employee_import.refresh_from_db()
    assert employee_import.preview["bad_rows"] == 1 and employee_import.file  # kept to fix
