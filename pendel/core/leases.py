"""Leases: a task that holds a run is taken over when its worker dies.

A worker can die in the middle of a run (SIGKILL, out of memory, the machine restarted).
The queue does not notice: django-tasks-db leaves the task RUNNING for ever, RQ moves the
job to its failed registry, and the run would stay at "500 of 1003" until someone starts it
again. A lease makes the run finish by itself, whatever the backend:

- The task holds a **lease** on its unit of work (the task and its arguments, tied to the
  row it works on: an invoice run, a survey wave, an employee import) until `expires_at`.
  Taking it is a conditional UPDATE: only a lease that is free, or whose holder let it
  expire, can be taken, so two workers never work the same run at once. A second copy of
  the task that finds the lease held does nothing and succeeds (the holder, or whoever
  takes over from it, finishes the work).
- As the work goes on (after each chunk, each mail), the task calls `lease_renew()`, which
  moves `expires_at` on (it writes at most every third of the lease's time, so calling it
  often is cheap). A holder whose lease was taken over meanwhile finds that out there:
  `lease_renew()` raises `LeaseLost`, the task stops and leaves the rest to the new holder.
- When the task ends, normally or with an error, the lease is released (`retrying` queues
  the next attempt of a failed one). When the worker dies (SIGKILL; or SystemExit or
  KeyboardInterrupt while it runs), nothing releases it, and it expires.
- `leases_sweep()`, which every live worker runs at start and every LEASE_SWEEP_SECONDS
  (`manage.py pendel_worker`), finds the expired leases, marks them "resuming" and queues
  a fresh copy of their task through the Tasks API (`task.enqueue(**kwargs)`): that works
  on django-tasks-db, on RQ (which does not requeue a killed job) and on the immediate
  backend of the tests. With django-tasks-db, the dead worker's task row is marked failed,
  so nothing runs it again. After LEASE_MAX_RESUMES resumes in a row the sweep gives up
  (the task dies every time: a bug, not a worker) and calls the task's `on_give_up`.

No work is done twice because the work itself stays safe to run again, as every task here
must be: the resumed task carries on from what the dead one committed (invoices are issued
in chunks that each commit with their numbers and BilledItems; each survey mail is claimed
with its sending; an import stores its preview only while it is still being read). The
lease keeps two workers off the same run at once and makes sure someone carries on.

Pages say "resumed after an interruption" with `lease_state(obj)` (one query) or
`lease_states(Model, ids)` for a list.

Wrapping a task (leases work on tasks that take keyword arguments, as all of ours do):

    from pendel.core.leases import leased, lease_renew

    @retrying                                   # outermost, as usual
    @leased(InvoiceRun, "run_id")               # the run's model and its id's keyword
    def invoice_run_issue_task(*, run_id: int) -> None:
        invoice_run_issue_process(run_id=run_id)  # which calls lease_renew() per chunk

`leased(..., seconds=600)` gives a longer lease to work that cannot renew often (or a
function giving the seconds, read when the lease is taken);
`leased(..., on_give_up=func)` names what to do with the run when the sweep gives up
(`func(object_id)`, e.g. mark it failed). The context manager `lease_hold(obj, task_path,
kwargs)` is the same for code that is not a task function of its own; it raises LeaseBusy
when the lease is held by another live holder.

The one window a lease does not cover: a worker that dies after taking a task from the
queue but before the task took its lease (a few milliseconds). `pendel_worker` covers it
when that worker slot starts again (it re-queues what its previous life was running).
"""

import functools
import hashlib
import json
import logging
import threading
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import (
    Case,
    DateTimeField,
    F,
    PositiveSmallIntegerField,
    Q,
    Value,
    When,
)
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.signals import task_started

from pendel.core.models import Lease

logger = logging.getLogger(__name__)
Status = Lease.Status


class LeaseLost(BaseException):  # noqa: N818 (not an error of the work: it stops it)
    """Another worker took the lease over: stop, it carries on. A BaseException, so that
    no `except Exception` of the work marks the run failed and `retrying` does not retry."""


class LeaseBusy(Exception):  # noqa: N818
    """The lease is held by a live holder: the work is being done elsewhere."""


def lease_seconds() -> float:
    return float(getattr(settings, "LEASE_SECONDS", 300))


def _requeue_seconds() -> float:
    """How long a task queued again by the sweep may wait in the queue before it is
    queued once more (its worker may have died before it took the lease)."""
    return float(getattr(settings, "LEASE_REQUEUE_SECONDS", 1800))


def _max_resumes() -> int:
    return int(getattr(settings, "LEASE_MAX_RESUMES", 5))


@dataclass
class HeldLease:
    pk: int
    holder: str
    seconds: float
    renewed_at: datetime


_current: ContextVar[HeldLease | None] = ContextVar("pendel_lease", default=None)
_running_result: ContextVar[str] = ContextVar("pendel_task_result", default="")
_GIVE_UP: dict[str, Callable[[int], None]] = {}


def _remember_task_result(sender, task_result, **kwargs) -> None:
    """The django-tasks-db row of the task this thread starts, so that the sweep can mark
    it failed when its worker died (other backends: nothing to mark)."""
    from django_tasks_db.backend import DatabaseBackend

    backend = sender if isinstance(sender, type) else type(sender)
    is_db = issubclass(backend, DatabaseBackend)
    _running_result.set(str(task_result.id) if is_db else "")


task_started.connect(_remember_task_result, dispatch_uid="pendel.core.leases")


def lease_key(task_path: str, kwargs: dict) -> str:
    text = task_path + "\n" + json.dumps(kwargs, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def object_type(model) -> str:
    return model._meta.label_lower


def lease_claim(
    *,
    task_path: str,
    kwargs: dict,
    model,
    object_id: int,
    seconds: float | None = None,
    now: datetime | None = None,
) -> HeldLease | None:
    """Take the lease of this work (one conditional UPDATE), or None when a live holder
    has it. Taking over an expired lease counts as a resume."""
    now = now or timezone.now()
    seconds = seconds or lease_seconds()
    key = lease_key(task_path, kwargs)
    Lease.objects.bulk_create(
        [
            Lease(
                key=key,
                task_path=task_path,
                task_kwargs=kwargs,
                object_type=object_type(model),
                object_id=object_id,
                status=Status.RELEASED,
                updated_at=now,
            )
        ],
        ignore_conflicts=True,
    )
    holder = uuid.uuid4().hex
    taken_over = Q(status=Status.HELD, expires_at__lt=now)
    claimed = (
        Lease.objects.filter(key=key)
        .filter(Q(status__in=[Status.RELEASED, Status.RESUMING, Status.GIVEN_UP]) | taken_over)
        .update(
            status=Status.HELD,
            holder=holder,
            expires_at=now + timedelta(seconds=seconds),
            task_result_id=_running_result.get(),
            # A fresh start counts from 0; a task queued by the sweep was counted there.
            resumed_count=Case(
                When(taken_over, then=F("resumed_count") + 1),
                When(status=Status.RESUMING, then=F("resumed_count")),
                default=Value(0),
                output_field=PositiveSmallIntegerField(),
            ),
            resumed_at=Case(
                When(taken_over, then=Value(now)),
                When(status=Status.RESUMING, then=F("resumed_at")),
                default=Value(None),
                output_field=DateTimeField(),
            ),
            updated_at=now,
        )
    )
    if not claimed:
        return None
    pk = Lease.objects.filter(key=key).values_list("pk", flat=True).get()
    return HeldLease(pk=pk, holder=holder, seconds=seconds, renewed_at=now)


def lease_renew(*, now: datetime | None = None, force: bool = False) -> None:
    """Move the current lease on; raise LeaseLost when another worker took it over.
    Nothing without a lease (the work called outside its task, e.g. in a test)."""
    held = _current.get()
    if held is None:
        return
    now = now or timezone.now()
    if not force and now - held.renewed_at < timedelta(seconds=held.seconds / 3):
        return
    renewed = Lease.objects.filter(pk=held.pk, holder=held.holder, status=Status.HELD).update(
        expires_at=now + timedelta(seconds=held.seconds), updated_at=now
    )
    if not renewed:
        raise LeaseLost()
    held.renewed_at = now


def lease_release(held: HeldLease) -> None:
    Lease.objects.filter(pk=held.pk, holder=held.holder).update(
        status=Status.RELEASED, holder="", expires_at=None, updated_at=timezone.now()
    )


@contextmanager
def lease_hold(obj, task_path: str, kwargs: dict, *, seconds=None):
    """Hold the lease of `task_path(**kwargs)` working on `obj` (a model instance, or a
    (model, id) pair) for the block. Raises LeaseBusy when it is held elsewhere. A block
    that loses its lease (LeaseLost from lease_renew) ends quietly."""
    model, object_id = obj if isinstance(obj, tuple) else (type(obj), obj.pk)
    seconds = seconds() if callable(seconds) else seconds
    held = lease_claim(
        task_path=task_path, kwargs=kwargs, model=model, object_id=object_id, seconds=seconds
    )
    if held is None:
        raise LeaseBusy(task_path)
    token = _current.set(held)
    try:
        yield held
    except LeaseLost:
        logger.warning("%s %s: another worker took over the work", task_path, kwargs)
    except Exception:
        lease_release(held)  # an error of the work: `retrying` decides what follows
        raise
    except BaseException:
        # The worker is going down (SystemExit, KeyboardInterrupt): keep the lease, so
        # that it expires and the sweep queues the work again.
        raise
    else:
        lease_release(held)
    finally:
        _current.reset(token)


def leased(model, id_kwarg, *, seconds=None, on_give_up=None):
    """Decorate a task function (under `@retrying`): it holds the lease of its call while
    it runs; a call whose lease is held elsewhere does nothing and returns None.
    `id_kwarg` names the keyword that holds the row's id, or is a function of the keywords
    (e.g. `lambda kwargs: kwargs["invoice_ids"][0]`)."""
    object_id_of = id_kwarg if callable(id_kwarg) else (lambda kwargs: kwargs[id_kwarg])

    def decorate(func):
        path = f"{func.__module__}.{func.__qualname__}"
        if on_give_up is not None:
            _GIVE_UP[path] = on_give_up

        @functools.wraps(func)
        def wrapper(**kwargs):
            try:
                with lease_hold((model, object_id_of(kwargs)), path, kwargs, seconds=seconds):
                    return func(**kwargs)
            except LeaseBusy:
                logger.info("%s %s is being done by another worker", path, kwargs)
                return None

        return wrapper

    return decorate


# The sweep ---------------------------------------------------------------------------


def leases_sweep(*, now: datetime | None = None, limit: int = 100) -> dict:
    """Queue again the work of every expired lease (or give it up after too many resumes).
    Safe to run in every worker at once: each expired lease is taken by one sweep."""
    now = now or timezone.now()
    with transaction.atomic():
        expired = list(
            Lease.objects.select_for_update(skip_locked=True)
            .filter(status__in=[Status.HELD, Status.RESUMING], expires_at__lt=now)
            .order_by("expires_at")[:limit]
        )
        resume = [lease for lease in expired if lease.resumed_count < _max_resumes()]
        give_up = [lease for lease in expired if lease.resumed_count >= _max_resumes()]
        Lease.objects.filter(pk__in=[lease.pk for lease in resume]).update(
            status=Status.RESUMING,
            holder="",
            expires_at=now + timedelta(seconds=_requeue_seconds()),
            resumed_count=F("resumed_count") + 1,
            resumed_at=now,
            updated_at=now,
        )
        Lease.objects.filter(pk__in=[lease.pk for lease in give_up]).update(
            status=Status.GIVEN_UP, holder="", expires_at=None, updated_at=now
        )
        _fail_dead_task_results([lease.task_result_id for lease in expired], now)
        transaction.on_commit(lambda: _requeue(resume, give_up))
    _purge(now)
    if expired:
        logger.warning("Leases: %s resumed, %s given up", len(resume), len(give_up))
    return {"resumed": len(resume), "given_up": len(give_up)}


def _fail_dead_task_results(ids: list[str], now: datetime) -> None:
    """The dead worker's django-tasks-db rows: failed, so no one runs them again."""
    ids = [pk for pk in ids if pk]
    if not ids:
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(pk__in=ids, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path="pendel.core.leases.WorkerLost",
        traceback="The worker stopped in the middle of this task; it was queued again.",
    )


def _requeue(resume: list[Lease], give_up: list[Lease]) -> None:
    for lease in resume:
        try:
            import_string(lease.task_path).enqueue(**lease.task_kwargs)
        except Exception:
            logger.exception("Lease %s: could not queue %s again", lease.pk, lease.task_path)
    for lease in give_up:
        logger.error("Lease %s: %s given up", lease.pk, lease.task_path)
        try:
            import_string(lease.task_path)  # registers its on_give_up
            hook = _GIVE_UP.get(lease.task_path)
            if hook is not None:
                hook(lease.object_id)
        except Exception:
            logger.exception("Lease %s: giving up failed", lease.pk)


def _purge(now: datetime) -> None:
    keep = timedelta(days=int(getattr(settings, "LEASE_KEEP_DAYS", 90)))
    Lease.objects.filter(status=Status.RELEASED, updated_at__lt=now - keep).delete()


class LeaseSweeper(threading.Thread):
    """The periodic sweep of a worker process, beside its task loop (which may be busy
    with a long task for a while)."""

    def __init__(self, every: float | None = None):
        super().__init__(name="lease-sweeper", daemon=True)
        self.every = every or float(getattr(settings, "LEASE_SWEEP_SECONDS", 60))
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.every):
            try:
                close_old_connections()
                leases_sweep()
            except Exception:
                logger.exception("Lease sweep failed")

    def stop(self) -> None:
        self.stopped.set()


# What pages show -------------------------------------------------------------------


RESUMED = "resumed"  # the work was taken over after an interruption
INTERRUPTED = "interrupted"  # its worker stopped; the sweep will queue it again
GIVEN_UP = "given_up"  # interrupted too often; someone must look


def lease_states(model, ids, *, now: datetime | None = None) -> dict[int, str]:
    """For each of these rows that has had an interruption, what the page says: one
    query for the whole list."""
    now = now or timezone.now()
    rows = Lease.objects.filter(object_type=object_type(model), object_id__in=list(ids))
    states: dict[int, str] = {}
    rank = {RESUMED: 1, INTERRUPTED: 2, GIVEN_UP: 3}
    for object_id, status, expires_at, resumed in rows.values_list(
        "object_id", "status", "expires_at", "resumed_count"
    ):
        if status == Status.GIVEN_UP:
            state = GIVEN_UP
        elif status == Status.HELD and expires_at and expires_at < now:
            state = INTERRUPTED
        elif resumed or status == Status.RESUMING:
            state = RESUMED
        else:
            continue
        if rank[state] > rank.get(states.get(object_id), 0):
            states[object_id] = state
    return states


def lease_state(obj, *, now: datetime | None = None) -> str:
    return lease_states(type(obj), [obj.pk], now=now).get(obj.pk, "")
