"""Min side: the contact person keeps their location's employee list."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from openpyxl import load_workbook

from pendel.accounts.models import Role
from pendel.companies.factories import LocationFactory
from pendel.core.dates import region_today
from pendel.core.models import AuditEvent
from pendel.core.tests.assertions import assert_private_download
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import Employee, EmployeeImport
from pendel.employees.tests.files import csv_upload

LIST = reverse("company:employee_list")


@pytest.fixture
def contact_client(client, world):
    client.force_login(world.contact)
    return client


def page_of(response) -> str:
    return response.content.decode()


def test_the_list_shows_the_locations_active_employees(contact_client, world):
    EmployeeFactory(location=world.location, first_name="Åse", last_name="Ødegård")
    EmployeeFactory(location=world.location, first_name="Gammel", end_date=date(2020, 1, 1))
    EmployeeFactory(location=world.other_location, first_name="Joost")
    page = page_of(contact_client.get(LIST))
    assert "Åse Ødegård" in page
    assert "Gammel" not in page
    assert "Joost" not in page
    assert "1 employee" in page


def test_the_list_can_show_ended_employees_and_search(contact_client, world):
    EmployeeFactory(location=world.location, first_name="Åse", department="Salg og marked")
    EmployeeFactory(location=world.location, first_name="Gammel", end_date=date(2020, 1, 1))
    page = page_of(contact_client.get(LIST, {"ended": "1"}))
    assert "Åse" in page and "Gammel" in page
    page = page_of(contact_client.get(LIST, {"q": "salg"}))
    assert "Åse" in page and "Gammel" not in page
    page = page_of(contact_client.get(LIST, {"q": "nobody-like-this"}))
    assert "No employees match your search." in page


def test_the_list_is_paginated(contact_client, world):
    EmployeeFactory.create_batch(55, location=world.location)
    response = contact_client.get(LIST, {"page": "2"})
    assert len(response.context["page"].object_list) == 5
    assert "Page 2 of 2" in page_of(response)


def test_an_htmx_search_gets_only_the_results(contact_client, world):
    EmployeeFactory(location=world.location, first_name="Åse")
    response = contact_client.get(
        LIST, {"q": "Åse"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    page = page_of(response)
    assert page.lstrip().startswith('<div class="table-wrap"')
    assert "Åse" in page and "<html" not in page


def test_a_contact_with_two_locations_picks_one_but_not_anothers(client, world):
    second = LocationFactory(organisation=world.company, region=world.region, name="Sarpsborg")
    Role.objects.create(user=world.contact, kind=Role.Kind.CONTACT_PERSON, location=second)
    EmployeeFactory(location=second, first_name="Sarpingen")
    client.force_login(world.contact)
    page = page_of(client.get(LIST, {"location": second.pk}))
    assert "Sarpingen" in page
    assert 'id="location-picker"' in page
    assert client.get(LIST, {"location": world.other_location.pk}).status_code == 404
    assert client.get(LIST, {"location": "abc"}).status_code == 404


def test_adding_an_employee(contact_client, world):
    url = reverse("company:employee_create") + f"?location={world.location.pk}"
    response = contact_client.post(
        url,
        {
            "first_name": "Kari",
            "last_name": "Nordmann",
            "email": "kari@fisk.no",
            "phone": "912 34 567",
            "postcode": "150",
            "age_group": "25_34",
            "start_date": "2024-08-01",
            "language": "",
            "department": "Salg",
        },
    )
    assert response.status_code == 302
    kari = Employee.objects.get()
    assert (kari.location, kari.phone, kari.postcode) == (world.location, "+4791234567", "0150")
    event = AuditEvent.objects.get(object_type="employee")
    assert (event.actor, event.action, event.region_id) == (
        world.contact,
        "employee.created",
        world.region.pk,
    )
    assert "Kari Nordmann was added." in page_of(contact_client.get(response["Location"]))


def test_adding_an_employee_with_a_taken_email_or_bad_phone_is_refused(contact_client, world):
    EmployeeFactory(location=world.location, email="kari@fisk.no")
    url = reverse("company:employee_create") + f"?location={world.location.pk}"
    data = {"first_name": "K", "last_name": "N", "email": "KARI@fisk.no", "phone": ""}
    response = contact_client.post(url, data)
    assert response.status_code == 200
    assert "already has this email address" in page_of(response)
    response = contact_client.post(url, {**data, "email": "k@fisk.no", "phone": "123"})
    assert "“123” is not a valid phone number." in page_of(response)
    assert Employee.objects.count() == 1


def test_editing_an_employee_is_logged_with_the_change(contact_client, world):
    kari = EmployeeFactory(location=world.location, first_name="Kari", department="Lager")
    url = reverse("company:employee_edit", args=[kari.pk])
    assert contact_client.get(url).status_code == 200
    data = {
        "first_name": "Kari",
        "last_name": kari.last_name,
        "email": kari.email,
        "department": "Salg",
        "age_group": kari.age_group,
    }
    assert contact_client.post(url, data).status_code == 302
    kari.refresh_from_db()
    assert kari.department == "Salg"
    event = AuditEvent.objects.get(object_type="employee")
    assert event.changes == {"department": ["Lager", "Salg"]}


def test_ending_an_employee_asks_first_and_keeps_the_row(contact_client, world):
    kari = EmployeeFactory(location=world.location, start_date=date(2020, 1, 1))
    url = reverse("company:employee_end", args=[kari.pk])
    page = page_of(contact_client.get(url))
    assert "End the employment of" in page
    kari.refresh_from_db()
    assert kari.end_date is None
    response = contact_client.post(url, {"end_date": "2019-12-31"})
    assert "The end date is before the start date." in page_of(response)
    response = contact_client.post(url, {"end_date": timezone.localdate().isoformat()})
    assert response.status_code == 302
    kari.refresh_from_db()
    assert kari.end_date == timezone.localdate()
    assert list(contact_client.get(LIST).context["page"]) == []
    assert AuditEvent.objects.filter(action="employee.ended").count() == 1


def test_an_erased_employee_cannot_be_edited(contact_client, world):
    erased = EmployeeFactory(location=world.location, first_name="", erased_at=timezone.now())
    response = contact_client.post(
        reverse("company:employee_edit", args=[erased.pk]),
        {"first_name": "Back", "last_name": "Again", "email": "x@fisk.no"},
    )
    assert response.status_code == 302
    erased.refresh_from_db()
    assert erased.first_name == ""


NORWEGIAN_WITH_ERRORS = (
    "Fornavn;Etternavn;E-post;Avdeling\r\n"
    "Åse;Ødegård;ase@fisk.no;Økonomi\r\n"
    "Bjørn;;bjorn@fisk.no;Lager\r\n"
    "Siri;Sæther;siri(at)fisk.no;Salg\r\n"
)


def test_the_import_shows_row_errors_applies_the_good_rows_and_hands_back_the_bad(
    contact_client, world
):
    kept = EmployeeFactory(location=world.location, first_name="Bjørn", email="bjorn@fisk.no")
    url = reverse("company:employee_import") + f"?location={world.location.pk}"
    response = contact_client.post(
        url, {"file": csv_upload(NORWEGIAN_WITH_ERRORS, encoding="cp1252")}, follow=True
    )
    page = page_of(response)
    assert "2 rows have errors and will be left out." in page
    assert "This field is required." in page
    assert "“siri(at)fisk.no” is not a valid email address." in page
    assert "Import the rows without errors" in page
    employee_import = EmployeeImport.objects.get()
    confirm = reverse("company:employee_import_confirm", args=[employee_import.pk])
    response = contact_client.post(confirm, follow=True)
    assert "The file was imported: 1 added, 0 changed, 0 ended." in page_of(response)
    assert Employee.objects.filter(first_name="Åse").exists()
    kept.refresh_from_db()
    assert kept.end_date is None  # their row had an error: they stay as they were

    response = contact_client.post(confirm, follow=True)  # a second click changes nothing
    assert "already been applied" in page_of(response)
    assert Employee.objects.count() == 2

    bad_rows = reverse("company:employee_import_bad_rows", args=[employee_import.pk])
    content = contact_client.get(bad_rows, {"format": "csv"}).content.decode("utf-8-sig")
    lines = content.splitlines()
    assert lines[0] == "Fornavn;Etternavn;E-post;Avdeling;What to fix"
    assert lines[1] == "Bjørn;;bjorn@fisk.no;Lager;Last name: This field is required."
    assert lines[2].startswith("Siri;Sæther;siri(at)fisk.no;Salg;Work email: ")

    fixed = content.replace(";;bjorn", ";Berg;bjorn").replace("(at)", "@")
    response = contact_client.post(url, {"file": csv_upload(fixed, name="fixed.csv")})
    preview = page_of(contact_client.get(response["Location"]))
    assert "no one is ended" in preview
    response = contact_client.post(response["Location"], follow=True)
    assert "The file was imported: 1 added, 1 changed, 0 ended." in page_of(response)
    assert Employee.objects.active(on=region_today(world.region)).count() == 3


def test_a_file_with_no_good_row_is_refused_whole(contact_client, world):
    url = reverse("company:employee_import") + f"?location={world.location.pk}"
    text = "Fornavn;Etternavn;E-post\r\nBjørn;;bjorn@fisk.no\r\n"
    response = contact_client.post(url, {"file": csv_upload(text)}, follow=True)
    assert "The file has 1 error. Nothing has been imported." in page_of(response)
    employee_import = EmployeeImport.objects.get()
    confirm = reverse("company:employee_import_confirm", args=[employee_import.pk])
    response = contact_client.post(confirm, follow=True)
    assert "This file has no row that can be imported." in page_of(response)
    assert not Employee.objects.exists()


def test_the_corrected_import_is_previewed_then_applied(contact_client, world):
    EmployeeFactory(location=world.location, first_name="Per", email="per@fisk.no")
    fixed = NORWEGIAN_WITH_ERRORS.replace(";;bjorn", ";Berg;bjorn").replace("(at)", "@")
    url = reverse("company:employee_import") + f"?location={world.location.pk}"
    response = contact_client.post(url, {"file": csv_upload(fixed, encoding="cp1252")})
    assert response.status_code == 302
    preview = contact_client.get(response["Location"])
    page = page_of(preview)
    assert "To be added" in page and "To be ended" in page
    assert "Åse Ødegård" in page
    assert not Employee.objects.filter(first_name="Åse").exists()
    response = contact_client.post(response["Location"], follow=True)
    assert "The file was imported: 3 added, 0 changed, 1 ended." in page_of(response)
    assert Employee.objects.active(on=region_today(world.region)).count() == 3


def test_an_unreadable_upload_shows_why_and_changes_nothing(contact_client, world):
    url = reverse("company:employee_import") + f"?location={world.location.pk}"
    response = contact_client.post(url, {"file": csv_upload("just some words")})
    assert response.status_code == 200
    assert "No column names found." in page_of(response)
    assert not EmployeeImport.objects.exists()


def test_discarding_an_import_changes_nothing(contact_client, world):
    url = reverse("company:employee_import") + f"?location={world.location.pk}"
    contact_client.post(url, {"file": csv_upload("Fornavn;Etternavn;E-post\nA;B;a@fisk.no\n")})
    employee_import = EmployeeImport.objects.get()
    discard = reverse("company:employee_import_discard", args=[employee_import.pk])
    response = contact_client.post(discard, follow=True)
    assert "Nothing was changed." in page_of(response)
    employee_import.refresh_from_db()
    assert employee_import.status == EmployeeImport.Status.DISCARDED
    assert not Employee.objects.exists()


def test_the_export_is_a_semicolon_csv_with_bom(contact_client, world):
    EmployeeFactory(location=world.location, first_name="Åse", last_name="=cmd()")
    response = contact_client.get(
        reverse("company:employee_export"), {"location": world.location.pk, "format": "csv"}
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert_private_download(response)
    assert response.streaming  # written as it is read, not built in memory first
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")
    lines = content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("First name;Last name;Email;Phone;Department")
    assert lines[1].startswith("Åse;'=cmd();")  # a formula is not run by Excel


def test_the_export_headers_follow_the_users_language(contact_client, world):
    world.contact.language = "nb"
    world.contact.save()
    response = contact_client.get(reverse("company:employee_export"), {"format": "csv"})
    header = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert header.startswith("Fornavn;Etternavn;E-post;Telefon;Avdeling;Aldersgruppe")


def test_the_xlsx_export_opens_as_a_workbook(contact_client, world):
    EmployeeFactory(location=world.location, first_name="Åse", start_date=date(2021, 3, 1))
    response = contact_client.get(reverse("company:employee_export"), {"format": "xlsx"})
    assert_private_download(response)
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)
    assert rows[0][:2] == ("First name", "Last name")
    assert rows[1][0] == "Åse"
    assert rows[1][7].date() == date(2021, 3, 1)


def test_a_file_that_would_end_most_employees_is_flagged(contact_client, world):
    EmployeeFactory.create_batch(4, location=world.location)
    url = reverse("company:employee_import") + f"?location={world.location.pk}"
    response = contact_client.post(
        url, {"file": csv_upload("Fornavn;Etternavn;E-post\nA;B;a@fisk.no\n")}, follow=True
    )
    assert "This file ends 4 of the 4 current employees." in page_of(response)
    assert Employee.objects.active(on=region_today(world.region)).count() == 4


def test_the_list_does_not_query_per_employee(contact_client, world):
    EmployeeFactory.create_batch(3, location=world.location)
    with CaptureQueriesContext(connection) as few:
        contact_client.get(LIST)
    EmployeeFactory.create_batch(30, location=world.location)
    with CaptureQueriesContext(connection) as many:
        contact_client.get(LIST)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_who_has_left_follows_the_regions_calendar_not_the_servers(contact_client, world, settings):
    # 00:30 on 1 April in Oslo; a server on UTC still shows 31 March.
    settings.TIME_ZONE = "UTC"
    EmployeeFactory(location=world.location, first_name="Siri", end_date=date(2026, 4, 1))
    EmployeeFactory(location=world.location, first_name="Stein", end_date=date(2026, 4, 2))
    with freeze_time("2026-03-31T22:30:00Z"):
        page = contact_client.get(reverse("company:employee_list")).content.decode()
    assert "Stein" in page
    assert "Siri" not in page


def test_a_file_with_broken_quoting_is_refused_whole_with_its_line(contact_client, world):
    text = (
        "Fornavn;Etternavn;E-post\r\n"
        "Åse;Ødegård;ase@fisk.no\r\n"
        '"Bjørn;Berg;bjorn@fisk.no\r\n'
        "Siri;Sæther;siri@fisk.no\r\n"
    )
    url = reverse("company:employee_import") + f"?location={world.location.pk}"
    response = contact_client.post(url, {"file": csv_upload(text)})
    page = page_of(response)
    assert "The file&#x27;s format is broken: the quotation mark on line 3" in page
    assert "required" not in page.lower().split("format is broken")[1][:300]
    assert not EmployeeImport.objects.exists()
