"""The back office reads a location's employees; it changes only on a person's request."""

import json

import pytest
from django.urls import reverse

from pendel.companies.factories import LocationFactory
from pendel.core.models import AuditEvent
from pendel.core.tests.assertions import assert_private_download
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import Employee


@pytest.fixture
def advisor_client(client, world):
    client.force_login(world.advisor)
    return client


def test_an_advisor_reads_the_employee_list_of_a_location_in_their_region(advisor_client, world):
    EmployeeFactory(location=world.location, first_name="Åse", last_name="Ødegård")
    response = advisor_client.get(reverse("staff:employee_list", args=[world.location.pk]))
    page = response.content.decode()
    assert "Åse Ødegård" in page
    assert "HjemJobbHjem Nedre Glomma" in page
    assert reverse("company:employee_create") not in page  # read-only


def test_the_coordinator_reads_every_regions_lists(client, world):
    EmployeeFactory(location=world.other_location, first_name="Joost")
    client.force_login(world.coordinator)
    response = client.get(reverse("staff:employee_list", args=[world.other_location.pk]))
    assert "Joost" in response.content.decode()


def test_staff_download_the_list(advisor_client, world):
    EmployeeFactory(location=world.location, first_name="Åse")
    url = reverse("staff:employee_export", args=[world.location.pk])
    response = advisor_client.get(url, {"format": "csv"})
    assert_private_download(response)
    assert "Åse" in b"".join(response.streaming_content).decode("utf-8-sig")


def test_staff_hand_over_one_persons_data_and_it_is_logged(advisor_client, world):
    kari = EmployeeFactory(location=world.location, first_name="Kari")
    url = reverse("staff:employee_data_export", args=[world.location.pk, kari.pk])
    response = advisor_client.post(url)
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["employee"]["first_name"] == "Kari"
    assert AuditEvent.objects.filter(actor=world.advisor, action="employee.data_exported").exists()


def test_staff_erase_on_request_after_confirming(advisor_client, world):
    kari = EmployeeFactory(location=world.location, first_name="Kari")
    url = reverse("staff:employee_erase", args=[world.location.pk, kari.pk])
    assert "Erase the personal data of" in advisor_client.get(url).content.decode()
    kari.refresh_from_db()
    assert kari.erased_at is None
    response = advisor_client.post(url)
    assert response.status_code == 302
    kari.refresh_from_db()
    assert kari.first_name == "" and kari.erased_at is not None


def test_an_employee_is_only_found_under_its_own_location(advisor_client, world):
    kari = EmployeeFactory(location=world.location)
    elsewhere = LocationFactory(organisation=world.company, region=world.region)
    url = reverse("staff:employee_erase", args=[elsewhere.pk, kari.pk])
    assert advisor_client.post(url).status_code == 404
    assert Employee.objects.get().erased_at is None
