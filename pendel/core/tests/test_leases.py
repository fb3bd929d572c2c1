"""Leases: work whose worker died is taken over by the sweep, never done by two at once.

The task here works through a list of steps, one OutboxMessage per step, skipping steps
done already (as every real task carries on from what is committed)."""

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from pendel.core import leases
from pendel.core.leases import (
    LeaseLost,
    lease_claim,
    lease_renew,
    lease_state,
    leased,
    leases_sweep,
)
from pendel.core.models import Lease, OutboxMessage
from pendel.core.tasks import retrying
from pendel.core.tests.killing import WorkerKilled, after_the_lease
from pendel.core.workers import tasks_requeue_abandoned

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
KILL_AT: list[int] = []  # the step at which the next run dies
FAIL_AT: list[int] = []  # the step at which the next run raises an ordinary error
gave_up: list[int] = []
STEPS = 6
PATH = "pendel.core.tests.test_leases.steps_task"


def _given_up(object_id: int) -> None:
    gave_up.append(object_id)


@retrying
@leased(OutboxMessage, "anchor_id", on_give_up=_given_up)
def steps_task(*, anchor_id: int) -> int:
    done = set(
        OutboxMessage.objects.filter(to=f"step-{anchor_id}").values_list("subject", flat=True)
    )
    made = 0
    for step in range(STEPS):
        lease_renew(force=True)
        if str(step) in done:
            continue
        with transaction.atomic():
            OutboxMessage.objects.create(
                from_email="x@example.com", to=f"step-{anchor_id}", subject=str(step), body=""
            )
            if KILL_AT and KILL_AT[0] == step:
                KILL_AT.pop()
                raise WorkerKilled()  # mid-step: the step's transaction rolls back
            if FAIL_AT and FAIL_AT[0] == step:
                FAIL_AT.pop()
                raise ConnectionError("the database went away")
        made += 1
    return made


@pytest.fixture
def anchor(db):
    KILL_AT.clear()
    FAIL_AT.clear()
    gave_up.clear()
    return OutboxMessage.objects.create(
        from_email="a@example.com", to="anchor", subject="", body=""
    )


def steps(anchor) -> list[str]:
    return sorted(
        OutboxMessage.objects.filter(to=f"step-{anchor.pk}").values_list("subject", flat=True)
    )


def lease_of(anchor) -> Lease:
    return Lease.objects.get(object_type="core.outboxmessage", object_id=anchor.pk)


def test_work_whose_worker_died_is_resumed_by_the_sweep_and_done_once(
    anchor, django_capture_on_commit_callbacks
):
    KILL_AT.append(3)
    steps_task.enqueue(anchor_id=anchor.pk)
    assert steps(anchor) == ["0", "1", "2"]  # stuck: nothing more happens by itself
    assert lease_of(anchor).status == Lease.Status.HELD

    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep() == {"resumed": 0, "given_up": 0}  # its lease has not expired
    assert steps(anchor) == ["0", "1", "2"]

    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease()) == {"resumed": 1, "given_up": 0}
    assert steps(anchor) == [str(step) for step in range(STEPS)]  # each step once
    lease = lease_of(anchor)
    assert (lease.status, lease.resumed_count) == (Lease.Status.RELEASED, 1)
    assert lease_state(anchor) == leases.RESUMED
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease(after_the_lease())) == {
            "resumed": 0,
            "given_up": 0,
        }


def test_an_ordinary_error_releases_the_lease_and_leaves_the_retry_to_retrying(
    anchor, settings, django_capture_on_commit_callbacks
):
    settings.TASK_MAX_ATTEMPTS = 1  # no retry: the sweep must not take the failure over
    FAIL_AT.append(2)
    steps_task.enqueue(anchor_id=anchor.pk)
    assert lease_of(anchor).status == Lease.Status.RELEASED
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease())["resumed"] == 0
    assert steps(anchor) == ["0", "1"]


def test_a_second_worker_does_nothing_while_the_first_holds_the_lease(anchor):
    held = lease_claim(
        task_path=PATH, kwargs={"anchor_id": anchor.pk}, model=OutboxMessage, object_id=anchor.pk
    )
    assert held is not None
    steps_task.enqueue(anchor_id=anchor.pk)  # another copy of the task, e.g. started twice
    assert steps(anchor) == []
    assert lease_of(anchor).holder == held.holder


def test_the_worker_whose_lease_was_taken_over_stops(anchor):
    kwargs = {"anchor_id": anchor.pk}
    first = lease_claim(task_path=PATH, kwargs=kwargs, model=OutboxMessage, object_id=anchor.pk)
    later = after_the_lease()
    second = lease_claim(
        task_path=PATH, kwargs=kwargs, model=OutboxMessage, object_id=anchor.pk, now=later
    )
    assert second is not None and second.holder != first.holder
    assert lease_of(anchor).resumed_count == 1  # taking over an expired lease is a resume

    token = leases._current.set(first)  # the first worker comes back from a long pause
    try:
        with pytest.raises(LeaseLost):
            lease_renew(force=True)
    finally:
        leases._current.reset(token)
    assert lease_of(anchor).holder == second.holder


def test_renewing_often_writes_only_every_third_of_the_lease(anchor):
    kwargs = {"anchor_id": anchor.pk}
    held = lease_claim(task_path=PATH, kwargs=kwargs, model=OutboxMessage, object_id=anchor.pk)
    token = leases._current.set(held)
    try:
        with CaptureQueriesContext(connection) as queries:
            for _ in range(50):
                lease_renew()
        assert len(queries) == 0
        with CaptureQueriesContext(connection) as queries:
            lease_renew(now=held.renewed_at + timezone.timedelta(seconds=held.seconds / 2))
        assert len(queries) == 1
    finally:
        leases._current.reset(token)


def test_work_that_dies_every_time_is_given_up(
    anchor, settings, django_capture_on_commit_callbacks
):
    settings.LEASE_MAX_RESUMES = 2
    now = timezone.now()
    KILL_AT.append(1)
    steps_task.enqueue(anchor_id=anchor.pk)
    for _ in range(2):
        now = after_the_lease(now)
        KILL_AT.append(1)
        with django_capture_on_commit_callbacks(execute=True):
            assert leases_sweep(now=now)["resumed"] == 1
        # The resumed task took its lease at the real time; let it expire after `now`.
        Lease.objects.update(expires_at=now)
    now = after_the_lease(now)
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=now) == {"resumed": 0, "given_up": 1}
    assert gave_up == [anchor.pk]
    assert lease_state(anchor) == leases.GIVEN_UP
    assert steps(anchor) == ["0"]


def test_a_page_says_when_the_work_was_interrupted(anchor):
    KILL_AT.append(2)
    steps_task.enqueue(anchor_id=anchor.pk)
    assert lease_state(anchor) == ""  # its lease has not expired: it may still be working
    assert lease_state(anchor, now=after_the_lease()) == leases.INTERRUPTED


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS, TASK_MAX_ATTEMPTS=3, TASK_RETRY_SECONDS=0)
def test_the_worker_of_another_slot_takes_over_with_the_database_backend():
    """The dead worker's task row stays RUNNING (as after SIGKILL); once its lease has
    expired, a worker of another slot starts, sweeps at start, and finishes the work; the
    dead row is failed, not run again."""
    KILL_AT[:] = [3]
    anchor = OutboxMessage.objects.create(
        from_email="a@example.com", to="anchor", subject="", body=""
    )
    steps_task.enqueue(anchor_id=anchor.pk)
    call_command(
        "db_worker", batch=True, no_startup_delay=True, interval=0, verbosity=0, worker_id="slot-1"
    )
    dead = DBTaskResult.objects.get(task_path=PATH)
    DBTaskResult.objects.filter(pk=dead.pk).update(status=TaskResultStatus.RUNNING)  # SIGKILL
    assert steps(anchor) == ["0", "1", "2"]

    Lease.objects.update(expires_at=timezone.now() - timezone.timedelta(seconds=1))  # time passed
    call_command("pendel_worker", worker_id="slot-2", batch=True, interval=0, verbosity=0)

    assert steps(anchor) == [str(step) for step in range(STEPS)]
    dead.refresh_from_db()
    assert dead.status == TaskResultStatus.FAILED
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 1
    assert tasks_requeue_abandoned("slot-1") == 0  # slot 1 coming back runs nothing again


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_the_sweep_queues_a_fresh_task_through_any_backend(
    anchor, django_capture_on_commit_callbacks
):
    """As with RQ, which does not queue a killed job again: the sweep enqueues a new one."""
    from django_tasks import task_backends

    kwargs = {"anchor_id": anchor.pk}
    lease_claim(task_path=PATH, kwargs=kwargs, model=OutboxMessage, object_id=anchor.pk)
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease())["resumed"] == 1
    (queued,) = task_backends["default"].results
    assert (queued.task.module_path, queued.kwargs) == (PATH, kwargs)
    assert lease_of(anchor).status == Lease.Status.RESUMING


def test_a_worker_sweeps_again_and_again_and_a_failed_sweep_does_not_stop_it(monkeypatch):
    calls = []

    def sweep():
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("the database went away")

    monkeypatch.setattr(leases, "leases_sweep", sweep)
    sweeper = leases.LeaseSweeper(every=60)
    waits = iter([False, False, False, True])  # three periods pass, then the worker stops
    monkeypatch.setattr(sweeper.stopped, "wait", lambda timeout: next(waits))
    monkeypatch.setattr(leases, "close_old_connections", lambda: None)
    sweeper.run()
    assert len(calls) == 3
