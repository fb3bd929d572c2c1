"""Invoice numbers are gapless per region and never given twice: with two runs at once, a
run that fails halfway and is retried, and a credit note issued between runs."""

import random
import threading
import time
from datetime import date

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection, connections, transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from pendel.catalogue.tests.builders import national
from pendel.invoicing import issuing
from pendel.invoicing import runs as run_service
from pendel.invoicing.models import BilledItem, Invoice, InvoiceRun
from pendel.invoicing.numbering import counter_lock, counter_take, invoice_number
from pendel.invoicing.services import (
    credit_note_issue,
    invoice_run_issue,
    invoice_run_issue_process,
    invoice_run_start,
)
from pendel.invoicing.tests.builders import (
    MARCH,
    issue_reviewed,
    make_billing,
    many_companies,
    numbers,
    plan_month,
    run_month,
)
from pendel.orders.tests import builders as orders

APRIL = date(2026, 4, 1)
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def assert_gapless(region) -> None:
    sequences = numbers(region)
    assert sequences == list(range(1, len(sequences) + 1))
    assert Invoice.objects.filter(region=region).values("number").distinct().count() == len(
        sequences
    )


def test_a_run_that_fails_halfway_keeps_no_gap_and_its_retry_carries_on(billing, monkeypatch):
    many_companies(billing, 7)
    monkeypatch.setattr(run_service, "CHUNK", 3)
    original = issuing._save
    calls = []

    def fail_on_second_chunk(issues, period, actor):
        calls.append(len(issues))
        original(issues, period, actor)
        if len(calls) == 2:
            raise ConnectionError("database went away")

    monkeypatch.setattr(issuing, "_save", fail_on_second_chunk)
    run = plan_month(billing.no, MARCH)
    with pytest.raises(ConnectionError):
        issue_reviewed(run)

    run.refresh_from_db()
    assert run.status == "issuing" and "database went away" in run.error  # to be retried
    assert numbers(billing.no) == [1, 2, 3]  # the failed chunk left nothing, not even numbers

    run = invoice_run_issue_process(run_id=run.pk)  # the retry
    assert (run.status, run.attempts) == ("done", 3)  # planned once, issued in two attempts
    assert_gapless(billing.no)
    assert Invoice.objects.count() == 7
    assert BilledItem.objects.count() == 14


def test_a_credit_note_between_runs_takes_the_next_number(billing):
    many_companies(billing, 2)
    run_month(billing.no, MARCH)
    credit = credit_note_issue(actor=None, invoice=Invoice.objects.first(), reason="Feil")
    run_month(billing.no, APRIL)
    assert credit.sequence == 3
    assert_gapless(billing.no)


def test_each_region_counts_on_its_own(billing):
    many_companies(billing, 2)
    orders.ticket_order(
        billing.world.other_location,
        orders.employees(billing.world.other_location, 1),
        national("company-ticket"),
        start=MARCH,
    )
    run_month(billing.no)
    run_month(billing.nl)
    assert numbers(billing.no) == [1, 2]
    assert numbers(billing.nl) == [1]
    assert Invoice.objects.get(region=billing.nl).number == "OV-000001"


# How long a thread of the SQLite test keeps retrying before the test fails. SQLite's shared
# in-memory test database has table locks with no busy timeout, so a second writer is refused at
# once; a deadline (not a count of attempts) makes the outcome independent of how long the
# other thread holds the lock on a busy machine.
RETRY_DEADLINE_SECONDS = 120


def _retrying(process):
    """Call `process` until it succeeds, as the task's retries would: SQLite's shared
    in-memory test database refuses a second writer ("database table is locked") where a
    database file or PostgreSQL makes it wait. On PostgreSQL nothing is retried: the lock
    on the counter row makes the others wait, and any error fails the test."""
    deadline = time.monotonic() + RETRY_DEADLINE_SECONDS
    pause = 0.005
    while True:
        try:
            return process()
        except OperationalError:
            if connection.vendor != "sqlite" or time.monotonic() > deadline:
                raise
            time.sleep(
                pause * (1 + random.random())
            )  # jitter, so that the threads do not retry in step
            pause = min(pause * 2, 0.2)


def _thread(process, barrier, errors: list) -> threading.Thread:
    def target():
        try:
            barrier.wait()
            _retrying(process)
        except Exception as error:  # shown by the assertion on `errors`
            errors.append(error)
        finally:
            connections.close_all()

    return threading.Thread(target=target)


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_share_no_number_and_leave_no_gap(world, monkeypatch):
    """Two runs of one region (March and April) and the March run a second time, all
    started at the same moment, in small chunks so that their transactions interleave.

    PostgreSQL: SELECT … FOR UPDATE on the region's counter row makes them queue. SQLite:
    every transaction begins IMMEDIATE and takes the database's write lock, so they queue
    the same way (or are refused and retried, on the shared in-memory test database)."""
    billing = make_billing(world)
    many_companies(billing, 12)
    monkeypatch.setattr(run_service, "CHUNK", 2)
    march = plan_month(billing.no, MARCH)
    april = plan_month(billing.no, APRIL)
    InvoiceRun.objects.update(status=InvoiceRun.Status.ISSUING)  # staff clicked "Issue"
    barrier = threading.Barrier(3)
    errors: list[Exception] = []
    threads = [
        _thread(lambda: invoice_run_issue_process(run_id=march.pk), barrier, errors),
        _thread(lambda: invoice_run_issue_process(run_id=april.pk), barrier, errors),
        _thread(lambda: invoice_run_issue_process(run_id=march.pk), barrier, errors),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=RETRY_DEADLINE_SECONDS * 2)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    march.refresh_from_db()
    april.refresh_from_db()
    assert (march.status, april.status) == ("done", "done")
    assert_gapless(billing.no)
    assert Invoice.objects.filter(period_start=MARCH).count() == 12
    assert Invoice.objects.filter(period_start=APRIL).count() == 12
    assert BilledItem.objects.count() == 48  # every ticket-month once


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS, TASK_MAX_ATTEMPTS=3, TASK_RETRY_SECONDS=0)
def test_a_failed_run_task_is_retried_by_the_worker_without_a_gap(world, monkeypatch):
    billing = make_billing(world)
    many_companies(billing, 5)
    monkeypatch.setattr(run_service, "CHUNK", 2)
    original = issuing._save
    calls = []

    def fail_once(issues, period, actor):
        calls.append(1)
        original(issues, period, actor)
        if len(calls) == 2:
            raise ConnectionError("lost the database for a moment")

    monkeypatch.setattr(issuing, "_save", fail_once)
    run = invoice_run_start(actor=world.advisor, region=billing.no, period=MARCH)
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0)
    run.refresh_from_db()
    assert run.status == "review"
    assert invoice_run_issue(actor=world.advisor, run=run, version=run.plan_version)
    call_command("db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0)

    run.refresh_from_db()
    assert (run.status, run.attempts) == ("done", 3)
    statuses = DBTaskResult.objects.filter(task_path__endswith="invoice_run_issue_task")
    assert sorted(statuses.values_list("status", flat=True)) == ["FAILED", "SUCCESSFUL"]
    assert_gapless(billing.no)
    assert Invoice.objects.count() == 5
    assert Invoice.objects.filter(document__isnull=True).count() == 0  # all archived


@pytest.mark.django_db(transaction=True)
def test_numbers_are_taken_only_inside_the_issuing_transaction(billing):
    """Outside a transaction a taken number could be lost without an invoice: a gap."""
    with pytest.raises(RuntimeError):
        counter_lock(billing.no.pk)
    with transaction.atomic():
        counter = counter_lock(billing.no.pk)
        assert counter_take(counter, 3) == [1, 2, 3]
    with transaction.atomic():
        assert counter_take(counter_lock(billing.no.pk), 2) == [4, 5]
    assert invoice_number("NG-", 42) == "NG-000042"
