"""Every employee view checks who is asking: outsiders get a 404, and change nothing."""

import pytest
from django.urls import reverse

from pendel.core.models import AuditEvent
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import Employee, EmployeeImport
from pendel.employees.services import employee_import_prepare
from pendel.employees.tests.files import csv_upload


@pytest.fixture
def targets(world):
    employee = EmployeeFactory(location=world.location, first_name="Kari")
    employee_import = employee_import_prepare(
        location=world.location,
        actor=world.contact,
        upload=csv_upload("Fornavn;Etternavn;E-post\nOla;N;ola@fisk.no\n"),
    )
    return employee, employee_import


def company_requests(world, employee, employee_import):
    """Every company view as (method, url), aimed at the location of world.contact."""
    at = f"?location={world.location.pk}"
    return [
        ("get", reverse("company:employee_list") + at),
        ("get", reverse("company:employee_create") + at),
        ("post", reverse("company:employee_create") + at),
        ("get", reverse("company:employee_export") + at),
        ("get", reverse("company:employee_import") + at),
        ("post", reverse("company:employee_import") + at),
        ("get", reverse("company:employee_import_confirm", args=[employee_import.pk])),
        ("post", reverse("company:employee_import_confirm", args=[employee_import.pk])),
        ("post", reverse("company:employee_import_discard", args=[employee_import.pk])),
        ("get", reverse("company:employee_edit", args=[employee.pk])),
        ("post", reverse("company:employee_edit", args=[employee.pk])),
        ("get", reverse("company:employee_end", args=[employee.pk])),
        ("post", reverse("company:employee_end", args=[employee.pk])),
        ("get", reverse("company:employee_erase", args=[employee.pk])),
        ("post", reverse("company:employee_erase", args=[employee.pk])),
        ("post", reverse("company:employee_data_export", args=[employee.pk])),
    ]


def staff_requests(world, employee):
    location = world.location.pk
    return [
        ("get", reverse("staff:employee_list", args=[location])),
        ("get", reverse("staff:employee_export", args=[location])),
        ("post", reverse("staff:employee_data_export", args=[location, employee.pk])),
        ("get", reverse("staff:employee_erase", args=[location, employee.pk])),
        ("post", reverse("staff:employee_erase", args=[location, employee.pk])),
    ]


def snapshot():
    return (
        list(Employee.objects.values()),
        list(EmployeeImport.objects.values()),
        AuditEvent.objects.count(),
    )


def test_another_companys_contact_gets_404_on_every_company_view(client, world, targets):
    client.force_login(world.other_contact)
    before = snapshot()
    for method, url in company_requests(world, *targets):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (method, url)
    assert snapshot() == before


def test_another_regions_advisor_gets_404_on_every_staff_view(client, world, targets):
    client.force_login(world.other_advisor)
    before = snapshot()
    for method, url in staff_requests(world, targets[0]):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (method, url)
    assert snapshot() == before


def test_the_locations_own_contact_and_advisor_open_every_page(client, world, targets):
    client.force_login(world.contact)
    for method, url in company_requests(world, *targets):
        if method == "get":
            assert client.get(url).status_code == 200, url
    client.force_login(world.advisor)
    for method, url in staff_requests(world, targets[0]):
        if method == "get":
            assert client.get(url).status_code == 200, url


def test_anonymous_visitors_are_sent_to_the_login(client, world, targets):
    before = snapshot()
    requests = company_requests(world, *targets) + staff_requests(world, targets[0])
    for method, url in requests:
        response = getattr(client, method)(url)
        assert response.status_code == 302, (method, url)
        assert response["Location"].startswith(reverse("accounts:login"))
    assert snapshot() == before


def test_an_advisor_cannot_use_min_side_and_a_contact_not_the_back_office(client, world, targets):
    before = snapshot()
    client.force_login(world.advisor)
    for method, url in company_requests(world, *targets):
        assert getattr(client, method)(url).status_code == 404, (method, url)
    client.force_login(world.contact)
    for method, url in staff_requests(world, targets[0]):
        assert getattr(client, method)(url).status_code == 404, (method, url)
    assert snapshot() == before
