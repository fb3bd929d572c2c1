"""An invoice run whose worker died halfway through issuing finishes by itself: the lease
of its task expires, a live worker's sweep queues it again, and it carries on from the last
committed chunk, with gapless numbers and nobody billed twice (pendel/core/leases.py). The
run first makes drafts (no number is spent), staff issue them, and the issuing is what dies."""

import collections
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from pendel.core.leases import leases_sweep
from pendel.core.models import Lease
from pendel.core.tests.killing import WorkerKilled, after_the_lease
from pendel.invoicing import issuing
from pendel.invoicing import runs as run_service
from pendel.invoicing.models import BilledItem, Invoice, InvoiceRun
from pendel.invoicing.services import invoice_run_issue, invoice_run_start
from pendel.invoicing.tests.builders import MARCH, make_billing, many_companies, numbers

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
COMPANIES = 7


def kill_in_chunk(monkeypatch, chunk: int):
    """The worker dies inside the chunk's transaction, after its invoices were built.
    Returns what makes the next worker live."""
    original = issuing._save
    calls = []

    def dying_save(issues, period, actor):
        calls.append(1)
        original(issues, period, actor)
        if len(calls) == chunk:
            raise WorkerKilled()

    monkeypatch.setattr(issuing, "_save", dying_save)
    return lambda: monkeypatch.setattr(issuing, "_save", original)


def assert_finished_once(region) -> None:
    """Every company invoiced once, numbers 1…n without a gap, every ticket-month once."""
    run = InvoiceRun.objects.get(region=region, period=MARCH)
    assert (run.status, run.units_done, run.units_total) == ("done", COMPANIES, COMPANIES)
    assert numbers(region) == list(range(1, COMPANIES + 1))
    assert Invoice.objects.values("number").distinct().count() == COMPANIES
    per_company = collections.Counter(Invoice.objects.values_list("organisation_id", flat=True))
    assert len(per_company) == COMPANIES and set(per_company.values()) == {1}
    tickets = BilledItem.objects.values_list("ticket_id", "period")
    assert len(tickets) == 2 * COMPANIES == len(set(tickets))


def start_and_issue(billing, capture) -> InvoiceRun:
    """Start the month's run (its drafts are made), then issue the drafts, as staff do."""
    actor = billing.world.advisor
    with capture(execute=True):
        run = invoice_run_start(actor=actor, region=billing.no, period=MARCH)
    run.refresh_from_db()
    assert run.status == "review"
    with capture(execute=True):
        assert invoice_run_issue(actor=actor, run=run, version=run.plan_version)
    run.refresh_from_db()
    return run


def progress(client, run) -> str:
    return client.get(reverse("staff:invoice_run_detail", args=[run.pk])).content.decode()


def test_a_run_whose_worker_died_halfway_resumes_by_itself(
    billing, monkeypatch, client, django_capture_on_commit_callbacks
):
    many_companies(billing, COMPANIES)
    monkeypatch.setattr(run_service, "CHUNK", 3)
    revive = kill_in_chunk(monkeypatch, 2)
    run = start_and_issue(billing, django_capture_on_commit_callbacks)

    assert (run.status, run.units_done, run.units_total) == ("issuing", 3, COMPANIES)
    assert numbers(billing.no) == [1, 2, 3]  # the chunk it died in left nothing
    client.force_login(billing.world.advisor)
    assert "43 %" in progress(client, run)  # stuck: nothing more happens by itself

    revive()  # the next worker does not die
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep()["resumed"] == 0  # its lease has not expired yet
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease())["resumed"] == 1

    assert_finished_once(billing.no)
    page = progress(client, run)
    assert "Resumed after an interruption" in page
    assert f"{COMPANIES} of {COMPANIES} invoices to make are done" in page
    assert Invoice.objects.filter(document__isnull=True).count() == 0  # all archived


def test_the_page_says_a_run_was_interrupted_before_it_is_resumed(
    billing, monkeypatch, client, django_capture_on_commit_callbacks
):
    many_companies(billing, 4)
    monkeypatch.setattr(run_service, "CHUNK", 2)
    kill_in_chunk(monkeypatch, 2)
    run = start_and_issue(billing, django_capture_on_commit_callbacks)
    client.force_login(billing.world.advisor)
    assert "Interrupted" not in progress(client, run)  # it may still be working
    Lease.objects.update(expires_at=timezone.now() - timedelta(seconds=1))  # time passed
    assert "Interrupted: the worker doing this stopped" in progress(client, run)


def test_a_run_that_kills_its_worker_every_time_stops_as_failed_and_says_why(
    billing, monkeypatch, client, settings, django_capture_on_commit_callbacks
):
    settings.LEASE_MAX_RESUMES = 0  # give up at the first expired lease
    many_companies(billing, 4)
    monkeypatch.setattr(run_service, "CHUNK", 2)
    kill_in_chunk(monkeypatch, 2)
    run = start_and_issue(billing, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease()) == {"resumed": 0, "given_up": 1}
    run.refresh_from_db()
    assert run.status == "failed" and not run.is_active  # the page stops polling
    client.force_login(billing.world.advisor)
    assert "Stopped after repeated interruptions" in progress(client, run)
    assert numbers(billing.no) == [1, 2]  # what was issued stays, without a gap


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS, TASK_MAX_ATTEMPTS=3, TASK_RETRY_SECONDS=0)
def test_a_worker_of_another_slot_finishes_the_run_of_a_killed_worker(world, monkeypatch):
    """The database backend, as production runs it: the killed worker's task row stays
    RUNNING; another worker's sweep queues the run again and that worker finishes it."""
    billing = make_billing(world)
    many_companies(billing, COMPANIES)
    monkeypatch.setattr(run_service, "CHUNK", 3)
    revive = kill_in_chunk(monkeypatch, 2)
    run = invoice_run_start(actor=world.advisor, region=billing.no, period=MARCH)
    worker = {"batch": True, "no_startup_delay": True, "interval": 0, "verbosity": 0}
    call_command("db_worker", worker_id="w-1", **worker)  # makes the drafts
    run.refresh_from_db()
    assert invoice_run_issue(actor=world.advisor, run=run, version=run.plan_version)
    call_command("db_worker", worker_id="w-1", **worker)  # issues, and dies in chunk 2
    runs = DBTaskResult.objects.filter(task_path__endswith="invoice_run_issue_task")
    runs.update(status=TaskResultStatus.RUNNING)  # as SIGKILL leaves it
    assert numbers(billing.no) == [1, 2, 3]

    revive()
    assert leases_sweep(now=after_the_lease())["resumed"] == 1
    call_command("pendel_worker", worker_id="w-2", batch=True, interval=0, verbosity=0)

    assert_finished_once(billing.no)
    assert sorted(runs.values_list("status", flat=True)) == ["FAILED", "SUCCESSFUL"]
    assert Invoice.objects.filter(document__isnull=True).count() == 0
