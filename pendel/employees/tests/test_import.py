"""Importing the employee list from an HR system's file: preview first, then all or nothing."""

import io
import zipfile
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pendel.core.dates import region_today
from pendel.core.models import AuditEvent
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import Employee, EmployeeImport
from pendel.employees.parsing import describe_error
from pendel.employees.reading import FileError
from pendel.employees.services import employee_import_apply, employee_import_prepare
from pendel.employees.tests.files import csv_upload, xlsx_upload

NORWEGIAN_WITH_ERRORS = (
    "Fornavn;Etternavn;E-post;Avdeling\r\n"
    "Åse;Ødegård;ase@fisk.no;Økonomi\r\n"
    "Bjørn;;bjorn@fisk.no;Lager\r\n"
    "Siri;Sæther;siri(at)fisk.no;Salg\r\n"
    "Ola;Nordmann;ola@fisk.no;Produksjon\r\n"
)
NORWEGIAN_FIXED = NORWEGIAN_WITH_ERRORS.replace(";;bjorn", ";Berg;bjorn").replace(
    "siri(at)", "siri@"
)


def prepare(world, upload, actor=None):
    return employee_import_prepare(
        location=world.location, actor=actor or world.contact, upload=upload
    )


def errors_of(employee_import):
    return [
        (e["row"], e["field"], e["message"]) for e in map(describe_error, employee_import.errors)
    ]


def test_a_windows_1252_file_with_two_bad_rows_shows_both_and_applies_only_the_good(world):
    upload = csv_upload(NORWEGIAN_WITH_ERRORS, encoding="cp1252")
    employee_import = prepare(world, upload)
    assert employee_import.status == EmployeeImport.Status.READY
    assert errors_of(employee_import) == [
        (3, "Last name", "This field is required."),
        (4, "Work email", "“siri(at)fisk.no” is not a valid email address."),
    ]
    assert employee_import.counts == (2, 0, 0)
    assert employee_import.preview["bad_rows"] == 2
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    assert sorted(Employee.objects.values_list("first_name", flat=True)) == ["Ola", "Åse"]


def test_a_file_where_every_row_is_refused_cannot_be_applied(world):
    text = "Fornavn;Etternavn;E-post\r\nBjørn;;bjorn@fisk.no\r\nSiri;Sæther;siri(at)fisk.no\r\n"
    employee_import = prepare(world, csv_upload(text))
    assert employee_import.status == EmployeeImport.Status.INVALID
    with pytest.raises(ValidationError):
        employee_import_apply(employee_import=employee_import, actor=world.contact)
    assert not Employee.objects.exists()
    assert not AuditEvent.objects.filter(object_type="employee").exists()


def test_the_corrected_file_adds_changes_and_ends_the_right_employees(world):
    ola = EmployeeFactory(
        location=world.location,
        first_name="Ola",
        last_name="Nordmann",
        email="OLA@fisk.no",
        department="Lager",
    )
    gone = EmployeeFactory(location=world.location, first_name="Per", email="per@fisk.no")
    other = EmployeeFactory(location=world.other_location, email="per@tegels.nl")
    employee_import = prepare(world, csv_upload(NORWEGIAN_FIXED, encoding="cp1252"))
    assert employee_import.status == EmployeeImport.Status.READY
    assert employee_import.counts == (3, 1, 1)

    employee_import_apply(employee_import=employee_import, actor=world.contact)

    ola.refresh_from_db()
    gone.refresh_from_db()
    other.refresh_from_db()
    assert ola.department == "Produksjon"
    assert gone.end_date == region_today(world.region)
    assert other.end_date is None
    names = set(
        Employee.objects.active(on=region_today(world.region))
        .filter(location=world.location)
        .values_list("first_name", "last_name", "department")
    )
    assert names == {
        ("Åse", "Ødegård", "Økonomi"),
        ("Bjørn", "Berg", "Lager"),
        ("Siri", "Sæther", "Salg"),
        ("Ola", "Nordmann", "Produksjon"),
    }
    assert Employee.objects.filter(location=world.location).count() == 5  # Per stays, ended


def test_applying_writes_one_audit_event_per_changed_employee_and_a_summary(world):
    EmployeeFactory(location=world.location, first_name="Ola", email="ola@fisk.no")
    EmployeeFactory(location=world.location, email="per@fisk.no")
    employee_import = prepare(world, csv_upload(NORWEGIAN_FIXED))
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    actions = sorted(
        AuditEvent.objects.filter(actor=world.contact).values_list("action", flat=True)
    )
    assert actions == [
        "employee.created",
        "employee.created",
        "employee.created",
        "employee.ended",
        "employee.updated",
        "employee_import.applied",
    ]
    summary = AuditEvent.objects.get(action="employee_import.applied")
    assert summary.changes == {"added": 3, "changed": 1, "ended": 1}
    assert summary.region_id == world.region.pk


def test_applying_takes_a_handful_of_statements_not_one_per_row(
    world, django_assert_max_num_queries
):
    def file_with(count, prefix):
        rows = "".join(f"A;B{n};{prefix}{n}@fisk.no;Salg\n" for n in range(count))
        return csv_upload("Fornavn;Etternavn;E-post;Avdeling\n" + rows)

    small = prepare(world, file_with(10, "a"))
    # A constant number: the import itself, plus ending the leavers' company tickets.
    with django_assert_max_num_queries(18):
        employee_import_apply(employee_import=small, actor=world.contact)
    large = prepare(world, file_with(100, "b"))  # adds 100, ends the 10
    with django_assert_max_num_queries(18):
        employee_import_apply(employee_import=large, actor=world.contact)
    assert Employee.objects.active(on=region_today(world.region)).count() == 100


def test_a_swedish_utf8_file_with_bom_and_commas_is_read(world):
    text = (
        "\ufeffFörnamn,Efternamn,E-post,Avdelning,Åldersgrupp,Startdatum,Mobil,Postnummer\n"
        'Åsa,Öberg,asa@firma.se,"Ekonomi, lön",25–34,2024-03-01,+46 70-123 45 67,1606\n'
    )
    employee_import = prepare(world, csv_upload(text))
    assert errors_of(employee_import) == []
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    asa = Employee.objects.get()
    assert (asa.first_name, asa.last_name, asa.department) == ("Åsa", "Öberg", "Ekonomi, lön")
    assert asa.age_group == "25_34"
    assert asa.start_date == date(2024, 3, 1)
    assert asa.phone == "+46701234567"
    assert asa.postcode == "1606"  # the location is Norwegian


def test_a_dutch_utf16_tab_separated_file_is_read(world):
    text = "Voornaam\tAchternaam\tE-mailadres\tAfdeling\tLeeftijdsgroep\tTaal\n"
    text += "Joost\tde Vries\tjoost@tegels.nl\tVerkoop\t65 en ouder\tNederlands\n"
    employee_import = prepare(world, csv_upload(text, encoding="utf-16"))
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    joost = Employee.objects.get()
    assert (joost.last_name, joost.age_group, joost.language) == ("de Vries", "65_plus", "nl")


def test_an_xlsx_file_with_date_cells_and_numeric_postcodes_is_read(world):
    upload = xlsx_upload(
        [
            ["Ansatte per 1. mars"],  # a title line above the header
            ["Fornavn", "Etternavn", "E-post", "Startdato", "Postnummer", "Telefon", "Notat"],
            ["Kari", "Nordmann", "kari@fisk.no", date(2020, 1, 15), 150, 91234567, "x"],
            [None, None, None, None, None, None, None],
            ["Lise", "Li", "lise@fisk.no", "15.01.2021", "1606", "", ""],
        ]
    )
    employee_import = prepare(world, upload)
    assert errors_of(employee_import) == []
    assert employee_import.preview["ignored_columns"] == ["Notat"]
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    kari, lise = Employee.objects.order_by("first_name")
    assert (kari.start_date, kari.postcode, kari.phone) == (
        date(2020, 1, 15),
        "0150",
        "+4791234567",
    )
    assert lise.start_date == date(2021, 1, 15)


def warnings_of(employee_import):
    return [
        (e["row"], e["field"], e["message"])
        for e in map(describe_error, employee_import.preview["warnings"])
    ]


def test_xlsx_warnings_name_the_spreadsheet_row_and_the_row_is_imported(world):
    upload = xlsx_upload(
        [
            ["First name", "Last name", "Email", "Age group", "End date", "Start date"],
            ["Kari", "Nordmann", "kari@fisk.no", "teenager", "01.01.2020", "01.01.2021"],
        ]
    )
    employee_import = prepare(world, upload)
    assert errors_of(employee_import) == []
    assert employee_import.counts == (1, 0, 0)
    assert warnings_of(employee_import) == [
        (
            2,
            "Age group",
            "“teenager” is not an age group. Use under 25, 25–34, 35–44, 45–54, 55–64 or 65+.",
        ),
        (2, "End date", "The end date is before the start date."),
    ]


def test_the_same_email_twice_in_a_file_is_an_error(world):
    text = "Fornavn;Etternavn;E-post\nA;B;x@fisk.no\nC;D;X@Fisk.no\n"
    assert errors_of(prepare(world, csv_upload(text))) == [
        (3, "Work email", "This email address is also on row 2."),
    ]


def test_a_previously_ended_employee_in_the_file_comes_back_as_a_new_row(world):
    old = EmployeeFactory(location=world.location, email="ola@fisk.no", end_date=date(2020, 1, 1))
    employee_import = prepare(world, csv_upload("Fornavn;Etternavn;E-post\nOla;N;ola@fisk.no\n"))
    assert employee_import.counts == (1, 0, 0)
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    assert Employee.objects.filter(email__iexact="ola@fisk.no").count() == 2
    old.refresh_from_db()
    assert old.end_date == date(2020, 1, 1)


def test_it_refuses_to_apply_when_the_employees_changed_since_the_preview(world):
    employee_import = prepare(world, csv_upload("Fornavn;Etternavn;E-post\nOla;N;ola@fisk.no\n"))
    newcomer = EmployeeFactory(location=world.location, email="new@fisk.no")
    with pytest.raises(ValidationError, match="changed since this preview"):
        employee_import_apply(employee_import=employee_import, actor=world.contact)
    assert list(Employee.objects.all()) == [newcomer]
    employee_import.refresh_from_db()
    assert employee_import.status == EmployeeImport.Status.READY
    assert employee_import.counts == (1, 0, 1)  # the renewed preview ends the newcomer
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    newcomer.refresh_from_db()
    assert newcomer.end_date == timezone.localdate()


def test_an_import_is_applied_only_once(world, django_capture_on_commit_callbacks):
    employee_import = prepare(world, csv_upload("Fornavn;Etternavn;E-post\nOla;N;ola@fisk.no\n"))
    stored = employee_import.file.name
    storage = employee_import.file.storage
    with django_capture_on_commit_callbacks(execute=True):
        employee_import_apply(employee_import=employee_import, actor=world.contact)
    with pytest.raises(ValidationError):
        employee_import_apply(employee_import=employee_import, actor=world.contact)
    assert Employee.objects.count() == 1
    assert not storage.exists(stored)  # the uploaded file is not kept once applied
    employee_import.refresh_from_db()
    assert employee_import.preview == {"fields": ["first_name", "last_name", "email"]}


def test_an_employee_whose_end_date_is_in_the_future_is_matched_not_duplicated(world):
    leaving = EmployeeFactory(
        location=world.location,
        email="ola@fisk.no",
        end_date=timezone.localdate() + timedelta(days=30),
    )
    employee_import = prepare(world, csv_upload("Fornavn;Etternavn;E-post\nOla;N;ola@fisk.no\n"))
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    assert list(Employee.objects.all()) == [leaving]


@pytest.mark.parametrize(
    "name, content, code",
    [
        ("ansatte.csv", b"", "empty"),
        ("ansatte.csv", bytes(range(256)) * 8, "not_text"),
        ("ansatte.xlsx", b"PK\x03\x04" + b"junk" * 100, "not_xlsx"),
        ("ansatte.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old_excel"),
        ("ansatte.pdf", b"%PDF-1.4", "extension"),
        ("ansatte.csv", b"Kari;Nordmann;kari@fisk.no\n", "no_header"),
        ("ansatte.csv", b"Fornavn;E-post\nKari;kari@fisk.no\n", "missing_columns"),
        ("ansatte.csv", b"Fornavn;Etternavn;E-post\n\n;;\n", "no_rows"),
    ],
)
def test_an_unreadable_file_gives_a_clear_reason_and_stores_nothing(world, name, content, code):
    with pytest.raises(FileError) as caught:
        prepare(world, SimpleUploadedFile(name, content))
    assert caught.value.code == code
    assert caught.value.message
    assert not EmployeeImport.objects.exists()
    assert not Employee.objects.exists()


def test_a_zip_of_junk_named_xlsx_is_refused(world):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not really>")
        archive.writestr("hello.txt", "hei")
    with pytest.raises(FileError) as caught:
        prepare(world, SimpleUploadedFile("a.xlsx", buffer.getvalue()))
    assert caught.value.code == "not_xlsx"


def test_a_file_over_the_size_limit_is_refused(world, monkeypatch):
    monkeypatch.setattr("pendel.employees.services.MAX_BYTES", 100)
    with pytest.raises(FileError) as caught:
        prepare(world, csv_upload("Fornavn;Etternavn;E-post\n" + "a;b;c@d.no\n" * 20))
    assert caught.value.code == "too_large"
