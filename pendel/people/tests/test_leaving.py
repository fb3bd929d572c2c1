"""A person leaves or is forgotten: each app takes its own step, called from one place."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pendel.catalogue.tests import builders as catalogue
from pendel.core.dates import month_after, region_today
from pendel.employees.services import employee_import_prepare
from pendel.employees.tests.files import csv_upload
from pendel.orders.models import Ticket
from pendel.orders.tests import builders as orders
from pendel.people.services import employee_import_apply, employment_end, personal_data_erase
from pendel.surveys.models import Invitation
from pendel.surveys.services import template_seed_standard
from pendel.surveys.tests import conftest as surveys


def _ticket(world, person, start=date(2026, 3, 1)) -> Ticket:
    catalogue.seed()
    catalogue.offer(world.region, "company-ticket", "199.00", includes_vat=True)
    order = orders.ticket_order(
        world.location, [person], catalogue.national("company-ticket"), start=start
    )
    return order.tickets.get()


def test_ending_the_employment_ends_the_ticket_at_the_end_of_the_month(world):
    person = orders.employees(world.location, 1)[0]
    ticket = _ticket(world, person)
    employment_end(employee=person, actor=world.contact, end_date=date(2026, 6, 10))
    ticket.refresh_from_db()
    person.refresh_from_db()
    assert person.end_date == date(2026, 6, 10)
    assert (ticket.end_month, ticket.end_reason) == (date(2026, 7, 1), "left")


def test_an_import_that_leaves_someone_out_ends_their_ticket(world):
    stays, leaves = orders.employees(world.location, 2)
    ticket = _ticket(world, leaves)
    upload = csv_upload(f"Fornavn;Etternavn;E-post\n{stays.first_name};Test;{stays.email}\n")
    prepared = employee_import_prepare(location=world.location, actor=world.contact, upload=upload)
    applied = employee_import_apply(employee_import=prepared, actor=world.contact)
    ticket.refresh_from_db()
    leaves.refresh_from_db()
    today = region_today(world.region)
    assert (applied.ended, leaves.end_date) == (1, today)
    assert (ticket.end_month, ticket.end_reason) == (month_after(today), "left")


def test_an_import_whose_ticket_step_fails_ends_no_one(world, monkeypatch):
    stays, leaves = orders.employees(world.location, 2)
    _ticket(world, leaves)
    upload = csv_upload(f"Fornavn;Etternavn;E-post\n{stays.first_name};Test;{stays.email}\n")
    prepared = employee_import_prepare(location=world.location, actor=world.contact, upload=upload)

    def broken(**kwargs):
        raise RuntimeError("orders down")

    monkeypatch.setattr("pendel.people.services.tickets_end_for_employees", broken)
    with pytest.raises(RuntimeError):
        employee_import_apply(employee_import=prepared, actor=world.contact)
    leaves.refresh_from_db()
    prepared.refresh_from_db()
    assert (leaves.end_date, prepared.status) == (None, "ready")


def test_a_refused_end_changes_nothing_in_any_app(world):
    person = orders.employees(world.location, 1)[0]
    person.start_date = date(2026, 5, 1)
    person.save()
    ticket = _ticket(world, person, start=date(2026, 5, 1))
    with pytest.raises(ValidationError, match="before the start date"):
        employment_end(employee=person, actor=world.contact, end_date=date(2026, 4, 1))
    ticket.refresh_from_db()
    person.refresh_from_db()
    assert person.end_date is None and ticket.end_month is None


def test_the_min_side_end_page_calls_the_orchestrator(client, world):
    person = orders.employees(world.location, 1)[0]
    ticket = _ticket(world, person)
    client.force_login(world.contact)
    response = client.post(
        reverse("company:employee_end", args=[person.pk]), {"end_date": "2026-06-10"}
    )
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.end_month == date(2026, 7, 1)


def test_erasing_keeps_the_employee_row_and_blanks_the_name(world):
    person = orders.employees(world.location, 1)[0]
    personal_data_erase(employee=person, actor=world.contact)
    person.refresh_from_db()
    assert person.is_erased and person.first_name == ""


def test_erasing_blanks_the_address_the_survey_invitations_copied(
    world, django_capture_on_commit_callbacks
):
    template_seed_standard()
    people = surveys.make_employees(world.location, 10)
    wave = surveys.dispatch(
        surveys.make_wave(world.location), world.advisor, django_capture_on_commit_callbacks
    )
    invitation = Invitation.objects.get(wave=wave, employee=people[0])
    address = invitation.email
    assert address
    personal_data_erase(employee=people[0], actor=world.contact)
    invitation.refresh_from_db()
    assert invitation.email == ""
    assert not Invitation.objects.filter(email=address).exists()
    assert Invitation.objects.filter(wave=wave).exclude(email="").count() == 9


def test_an_end_date_from_the_employee_form_ends_the_ticket_too(client, world):
    person = orders.employees(world.location, 1)[0]
    ticket = _ticket(world, person)
    client.force_login(world.contact)
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "end_date": "2026-06-10",
    }

    response = client.post(reverse("company:employee_edit", args=[person.pk]), data)

    ticket.refresh_from_db()
    assert response.status_code == 302
    assert (ticket.end_month, ticket.end_reason) == (date(2026, 7, 1), "left")
