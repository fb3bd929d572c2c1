"""A large employee file whose worker died while reading it is read by itself again: the
task's lease expires, a live worker's sweep queues the reading again, and the import is
then applied once (pendel/core/leases.py)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from pendel.core.leases import leases_sweep
from pendel.core.models import AuditEvent
from pendel.core.tests.killing import WorkerKilled
from pendel.employees import services, tasks
from pendel.employees.models import Employee, EmployeeImport
from pendel.employees.tests.files import csv_upload
from pendel.employees.uploads import employee_import_upload
from pendel.people.services import employee_import_apply

ROWS = 40


def after_the_lease():
    """A moment after the reading's lease expired (it is longer than LEASE_SECONDS: the
    reading cannot renew it)."""
    return timezone.now() + timedelta(seconds=tasks._lease_seconds() + 1)


def large_csv() -> str:
    lines = ["Fornavn;Etternavn;E-post"] + [f"Navn{n};Etternavn;n{n}@fisk.no" for n in range(ROWS)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def dying_read(monkeypatch):
    """The worker dies while it reads the file."""
    original = services.parse_file

    def parse_file(*args, **kwargs):
        raise WorkerKilled()

    monkeypatch.setattr(services, "parse_file", parse_file)
    return lambda: monkeypatch.setattr(services, "parse_file", original)


def test_a_file_whose_worker_died_while_reading_is_read_again_and_applied_once(
    world, settings, client, dying_read, django_capture_on_commit_callbacks
):
    settings.EMPLOYEE_IMPORT_BACKGROUND_BYTES = 100
    with django_capture_on_commit_callbacks(execute=True):
        employee_import = employee_import_upload(
            location=world.location, actor=world.contact, upload=csv_upload(large_csv())
        )
    employee_import.refresh_from_db()
    assert employee_import.status == EmployeeImport.Status.READING  # stuck

    client.force_login(world.contact)
    confirm = reverse("company:employee_import_confirm", args=[employee_import.pk])
    dying_read()  # the next worker does not die
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep()["resumed"] == 0  # its lease has not expired yet
    assert "interruption" not in client.get(confirm).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease()) == {"resumed": 1, "given_up": 0}

    employee_import.refresh_from_db()
    assert (employee_import.status, employee_import.added) == (EmployeeImport.Status.READY, ROWS)
    employee_import_apply(employee_import=employee_import, actor=world.contact)
    employee_import.refresh_from_db()
    with pytest.raises(ValidationError):
        employee_import_apply(employee_import=employee_import, actor=world.contact)
    emails = list(Employee.objects.filter(location=world.location).values_list("email", flat=True))
    assert sorted(emails) == sorted(f"n{n}@fisk.no" for n in range(ROWS))  # each once
    applied = AuditEvent.objects.filter(
        object_type="employee_import", object_id=str(employee_import.pk), action__endswith="applied"
    )
    assert applied.count() == 1


def test_a_file_that_kills_its_worker_every_time_is_given_up_with_a_message(
    world, settings, client, dying_read, django_capture_on_commit_callbacks
):
    settings.EMPLOYEE_IMPORT_BACKGROUND_BYTES = 100
    settings.LEASE_MAX_RESUMES = 0  # give up at the first expired lease
    with django_capture_on_commit_callbacks(execute=True):
        employee_import = employee_import_upload(
            location=world.location, actor=world.contact, upload=csv_upload(large_csv())
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease()) == {"resumed": 0, "given_up": 1}
    employee_import.refresh_from_db()
    assert employee_import.status == EmployeeImport.Status.UNREADABLE
    client.force_login(world.contact)
    confirm = reverse("company:employee_import_confirm", args=[employee_import.pk])
    page = client.get(confirm).content.decode()
    assert "Reading the file was interrupted again and again." in page
    assert not Employee.objects.exists()


def test_a_long_reading_is_not_taken_over_while_it_may_still_be_reading(
    world, settings, dying_read, django_capture_on_commit_callbacks
):
    settings.EMPLOYEE_IMPORT_BACKGROUND_BYTES = 100
    settings.EMPLOYEE_IMPORT_READ_SECONDS = 400  # longer than LEASE_SECONDS
    with django_capture_on_commit_callbacks(execute=True):
        employee_import_upload(
            location=world.location, actor=world.contact, upload=csv_upload(large_csv())
        )
    soon = timezone.now() + timedelta(seconds=settings.LEASE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=soon)["resumed"] == 0
        assert leases_sweep(now=after_the_lease())["resumed"] == 1
