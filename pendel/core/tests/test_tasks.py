"""Background tasks: a failing task is tried again and every attempt is visible to staff."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from pendel.core import tasks
from pendel.core.tasks import send_email

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_send_email_sends_through_djangos_mail(db):
    send_email.enqueue(to=["a@example.com"], subject="Hei", body="Tekst")
    assert [m.subject for m in mail.outbox] == ["Hei"]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS, TASK_MAX_ATTEMPTS=3, TASK_RETRY_SECONDS=0)
def test_a_failing_task_is_retried_and_shown_to_the_coordinator(client, world, monkeypatch):
    def broken_send(self, *args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken_send)
    send_email.enqueue(to=["a@example.com"], subject="Hei", body="Tekst")
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0)

    attempts = DBTaskResult.objects.filter(task_path=tasks.send_email.module_path)
    assert attempts.count() == 3
    assert set(attempts.values_list("status", flat=True)) == {"FAILED"}

    client.force_login(world.coordinator)
    page = client.get(reverse("staff:task_list") + "?status=FAILED").content.decode()
    assert page.count("ConnectionRefusedError") >= 3


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS, TASK_MAX_ATTEMPTS=3, TASK_RETRY_SECONDS=0)
def test_a_task_that_succeeds_on_retry_sends_once(world, monkeypatch):
    calls = []
    original = mail.EmailMultiAlternatives.send

    def flaky_send(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionRefusedError("first try fails")
        return original(self, *args, **kwargs)

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", flaky_send)
    send_email.enqueue(to=["a@example.com"], subject="Hei", body="Tekst")
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0)
    assert len(mail.outbox) == 1
    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["FAILED", "SUCCESSFUL"]
