"""Queuing work: after commit, at a time where the backend can wait, at once otherwise."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pendel.core.tasks import enqueue_after_commit, enqueue_at, schedule, send_email

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MAIL = {"to": ["a@example.com"], "subject": "Hei", "body": "Tekst"}


def test_nothing_is_queued_before_the_commit_and_nothing_after_a_rollback(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        enqueue_after_commit(send_email, **MAIL)
        assert mail.outbox == []
    assert len(callbacks) == 1 and len(mail.outbox) == 1

    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_after_commit(send_email, **MAIL)
        raise RuntimeError
    assert len(mail.outbox) == 1


def test_a_backend_that_cannot_wait_runs_due_work_only(db):
    later = timezone.now() + timedelta(hours=2)
    schedule(send_email, later, **MAIL)
    assert mail.outbox == []  # the catch-up run sends it when it is due
    schedule(send_email, timezone.now() - timedelta(seconds=1), **MAIL)
    assert len(mail.outbox) == 1
    enqueue_at(send_email, later, **MAIL)  # enqueue_at never drops work: at once
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_a_backend_that_can_wait_keeps_the_time():
    later = timezone.now() + timedelta(hours=2)
    schedule(send_email, later, **MAIL)
    enqueue_at(send_email, later, **MAIL)
    runs = list(DBTaskResult.objects.values_list("run_after", flat=True))
    assert len(runs) == 2
    assert all(abs(run - later) < timedelta(seconds=1) for run in runs)
