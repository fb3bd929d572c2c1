"""The coordinator's task list names each job in words and says when a waiting one runs."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from freezegun import freeze_time

from pendel.invoicing.models import InvoiceRun
from pendel.surveys.models import Wave


def queued(path: str, *, run_after=None, status="READY", **kwargs) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": kwargs},
        task_path=path,
        backend_name="default",
        queue_name="default",
        run_after=run_after or datetime(9999, 1, 1, tzinfo=ZoneInfo("UTC")),
        exception_class_path="",
        traceback="",
    )


@pytest.fixture
def jobs(world):
    wave = Wave.objects.create(
        location=world.location,
        kind="baseline",
        opens_on=date(2026, 11, 2),
        closes_on=date(2026, 11, 16),
    )
    run = InvoiceRun.objects.create(region=world.region, period=date(2026, 11, 1))
    queued("pendel.surveys.tasks.survey_send_mail", wave_id=wave.pk, first_id=1, last_id=9)
    queued(
        "pendel.surveys.tasks.survey_send_mail",
        run_after=datetime(2026, 11, 5, 7, 0, tzinfo=ZoneInfo("UTC")),
        wave_id=wave.pk,
        first_id=1,
        last_id=9,
        reminder=1,
    )
    queued("pendel.invoicing.run_tasks.invoice_run_task", status="FAILED", run_id=run.pk, attempt=2)
    queued("pendel.retired.tasks.old_job", status="SUCCESSFUL", x=1)
    return wave


def page(client, user, language: str) -> str:
    user.language = language
    user.save(update_fields=["language"])
    client.force_login(user)
    return client.get(reverse("staff:task_list")).content.decode()


def test_jobs_are_named_in_words_with_their_time(client, world, jobs):
    with freeze_time("2026-11-04 12:00:00"):
        shown = page(client, world.coordinator, "en")
    assert "Sending the survey invitations for Fredrikstad Fisk AS – Fredrikstad" in shown
    assert "Sending reminder 1 of the survey for Fredrikstad Fisk AS – Fredrikstad" in shown
    assert "Invoice run for Nedre Glomma, November 2026" in shown
    assert "Attempt 2" in shown
    assert "5 November 2026 08:00 CET" in shown  # 07:00 UTC, in Oslo's time
    assert "A background task (old_job)" in shown
    assert "pendel.surveys.tasks" not in shown


def test_the_list_speaks_the_readers_language(client, world, jobs):
    shown = page(client, world.coordinator, "nb")
    assert "Sender invitasjonene til undersøkelsen for Fredrikstad Fisk AS – Fredrikstad" in shown
    assert "Fakturakjøring for Nedre Glomma, november 2026" in shown


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_list_costs_the_same_queries_for_more_jobs(client, world, jobs):
    client.force_login(world.coordinator)
    url = reverse("staff:task_list")
    few = queries_for(client, url)
    queued("pendel.surveys.tasks.survey_wave_close_due", wave_id=jobs.pk)
    one_kind_more = queries_for(client, url)
    for _ in range(10):
        queued("pendel.surveys.tasks.survey_wave_close_due", wave_id=jobs.pk)
        queued("pendel.invoicing.run_tasks.invoice_run_task", run_id=999)
        queued("pendel.surveys.tasks.survey_send_mail", wave_id=jobs.pk, first_id=1, last_id=2)
    assert one_kind_more == few + 1  # one query per kind of task, not per task
    assert queries_for(client, url) == one_kind_more


def test_only_the_coordinator_sees_the_list(client, world):
    client.force_login(world.advisor)
    assert client.get(reverse("staff:task_list")).status_code == 404
    assert reverse("staff:task_list") == "/staff/tasks/"
