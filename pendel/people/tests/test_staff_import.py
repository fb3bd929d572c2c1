"""Region staff import a company's HR file on its behalf: the same preview and apply as on
Min side, and every change in the audit trail under the advisor's name. Out of their
region, the pages do not exist."""

import pytest
from django.urls import reverse

from pendel.core.models import AuditEvent
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import Employee, EmployeeImport
from pendel.employees.tests.files import csv_upload

HR_FILE = (
    "Fornavn;Etternavn;E-post;Alder\r\n"
    "Åse;Ødegård;ase@fisk.no;30-39\r\n"
    "Bjørn;;bjorn@fisk.no;41\r\n"
    "Ola;Nordmann;ola@fisk.no;25\r\n"
)


def upload_url(location):
    return reverse("staff:employee_import", args=[location.pk])


def page_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def advisor_client(client, world):
    client.force_login(world.advisor)
    return client


def test_an_advisor_imports_the_companys_file_and_the_history_names_the_advisor(
    advisor_client, world
):
    EmployeeFactory(location=world.location, first_name="Per", email="per@fisk.no")
    list_page = page_of(
        advisor_client.get(reverse("staff:employee_list", args=[world.location.pk]))
    )
    assert upload_url(world.location) in list_page

    response = advisor_client.post(
        upload_url(world.location), {"file": csv_upload(HR_FILE, encoding="cp1252")}
    )
    employee_import = EmployeeImport.objects.get()
    confirm = reverse("staff:employee_import_confirm", args=[world.location.pk, employee_import.pk])
    assert response["Location"] == confirm
    page = page_of(advisor_client.get(confirm))
    assert "You import this file on behalf of Fredrikstad Fisk AS." in page
    assert "1 row has errors and will be left out." in page
    assert "“30-39” is not an age group." in page

    response = advisor_client.post(confirm, follow=True)
    assert "The file was imported: 2 added, 0 changed, 1 ended." in page_of(response)
    events = AuditEvent.objects.filter(action__startswith="employee")
    assert events.count() == 4  # two added, Per ended, and the import itself
    assert set(events.values_list("actor", flat=True)) == {world.advisor.pk}

    bad = reverse("staff:employee_import_bad_rows", args=[world.location.pk, employee_import.pk])
    content = b"".join(advisor_client.get(bad, {"format": "csv"})).decode("utf-8-sig")
    assert content.splitlines()[1].startswith("Bjørn;;bjorn@fisk.no;41;")


def test_staff_of_another_region_and_contact_persons_cannot_reach_the_staff_import(client, world):
    client.force_login(world.other_advisor)
    assert client.get(upload_url(world.location)).status_code == 404
    response = client.post(upload_url(world.location), {"file": csv_upload(HR_FILE)})
    assert response.status_code == 404
    client.force_login(world.contact)
    assert client.get(upload_url(world.location)).status_code == 404
    assert not EmployeeImport.objects.exists()


def test_the_dual_role_person_imports_as_staff_only_in_their_region(client, world):
    """Mari is staff in Nedre Glomma and contact person of Sandnes Sykkel (Nord-Jæren)."""
    client.force_login(world.staff_and_contact)
    assert client.get(upload_url(world.third_location)).status_code == 404  # not her region
    response = client.post(upload_url(world.location), {"file": csv_upload(HR_FILE)})
    assert response.status_code == 302
    employee_import = EmployeeImport.objects.get()
    # The import of a Nedre Glomma company is no Min side page of hers.
    company_confirm = reverse("company:employee_import_confirm", args=[employee_import.pk])
    assert client.get(company_confirm).status_code == 404
    # Nor is it reached under another location of the back office.
    wrong = reverse(
        "staff:employee_import_confirm", args=[world.third_location.pk, employee_import.pk]
    )
    assert client.get(wrong).status_code == 404
    assert client.post(wrong).status_code == 404
    assert not Employee.objects.exists()


def test_an_outsider_gets_no_import_of_the_region(client, world):
    client.force_login(world.advisor)
    client.post(upload_url(world.location), {"file": csv_upload(HR_FILE)})
    employee_import = EmployeeImport.objects.get()
    args = [world.location.pk, employee_import.pk]
    client.force_login(world.other_advisor)
    for name in ("employee_import_confirm", "employee_import_bad_rows"):
        assert client.get(reverse(f"staff:{name}", args=args)).status_code == 404
    response = client.post(reverse("staff:employee_import_discard", args=args))
    assert response.status_code == 404
    employee_import.refresh_from_db()
    assert employee_import.status == EmployeeImport.Status.READY


def test_the_rows_kept_to_fix_can_be_deleted_after_the_import(advisor_client, world):
    advisor_client.post(upload_url(world.location), {"file": csv_upload(HR_FILE)})
    employee_import = EmployeeImport.objects.get()
    args = [world.location.pk, employee_import.pk]
    advisor_client.post(reverse("staff:employee_import_confirm", args=args))
    page = page_of(advisor_client.get(reverse("staff:employee_import_confirm", args=args)))
    assert "1 row with errors was left out." in page
    response = advisor_client.post(reverse("staff:employee_import_discard", args=args), follow=True)
    assert "The rows with errors were deleted." in page_of(response)
    bad = reverse("staff:employee_import_bad_rows", args=args)
    assert advisor_client.get(bad).status_code == 404
    employee_import.refresh_from_db()
    assert employee_import.status == EmployeeImport.Status.APPLIED and not employee_import.file
