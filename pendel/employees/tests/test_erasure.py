"""Erasure on request: the personal fields go, the anonymous statistics stay."""

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from pendel.core.dates import region_today
from pendel.core.models import AuditEvent
from pendel.core.tests.assertions import assert_private_download
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import Employee
from pendel.employees.services import (
    employee_data_export,
    employee_erase,
    employee_update,
)


@pytest.fixture
def kari(world):
    return EmployeeFactory(
        location=world.location,
        first_name="Kari",
        last_name="Nordmann",
        email="kari@fisk.no",
        phone="+4791234567",
        postcode="1606",
        department="Lager",
        age_group="45_54",
        start_date=date(2015, 4, 1),
        language="nb",
    )


def test_erasure_blanks_personal_fields_and_keeps_the_statistics(world, kari):
    employee_erase(employee=kari, actor=world.contact)
    kari.refresh_from_db()
    assert (kari.first_name, kari.last_name, kari.email, kari.phone, kari.postcode) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert (kari.start_date, kari.end_date, kari.language) == (None, None, "")
    assert (kari.department, kari.age_group) == ("Lager", "45_54")
    assert kari.erased_at is not None
    assert not Employee.objects.active(on=region_today(world.region)).exists()
    assert Employee.objects.filter(department="Lager", age_group="45_54").count() == 1


def test_erasure_removes_the_personal_values_from_earlier_audit_events(world, kari):
    employee_update(
        employee=kari, actor=world.contact, data={"phone": "+4798765432", "department": "Salg"}
    )
    employee_erase(employee=kari, actor=world.advisor)
    update = AuditEvent.objects.get(action="employee.updated")
    assert update.changes == {"phone": [None, None], "department": ["Lager", "Salg"]}
    erased = AuditEvent.objects.get(action="employee.erased")
    assert erased.actor == world.advisor
    assert "kari" not in json.dumps(list(AuditEvent.objects.values_list("changes", flat=True)))


def test_erasing_twice_is_refused_and_changes_nothing(world, kari):
    employee_erase(employee=kari, actor=world.contact)
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError):
        employee_erase(employee=kari, actor=world.contact)
    assert AuditEvent.objects.count() == before


def test_the_personal_data_export_holds_the_data_and_its_history(world, kari):
    employee_update(employee=kari, actor=world.contact, data={"department": "Salg"})
    with translation.override("en"):
        data = employee_data_export(employee=kari, actor=world.contact)
    assert data["employee"]["email"] == "kari@fisk.no"
    assert data["employee"]["start_date"] == "2015-04-01"
    assert data["employer"]["organisation"] == "Fredrikstad Fisk AS"
    assert [event["action"] for event in data["history"]] == ["employee.updated"]
    assert data["history"][0]["by"] == str(world.contact)
    assert data["history"][0]["what"] == "Changed: Department."
    assert AuditEvent.objects.filter(action="employee.data_exported").count() == 1


def test_a_contact_downloads_and_then_erases_through_min_side(client, world, kari):
    client.force_login(world.contact)
    response = client.post(reverse("company:employee_data_export", args=[kari.pk]))
    assert json.loads(response.content)["employee"]["first_name"] == "Kari"
    assert_private_download(response, filename=f"personal-data-{kari.pk}.json")
    url = reverse("company:employee_erase", args=[kari.pk])
    assert "Erase the personal data of Kari Nordmann?" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "The employee&#x27;s personal data was erased." in response.content.decode()
    kari.refresh_from_db()
    assert kari.is_erased
