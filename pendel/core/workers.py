"""Task workers that survive being killed.

django-tasks-db marks a task RUNNING when a worker claims it, and nothing else ever looks
at it again: a worker killed mid-task (SIGKILL, out of memory, the machine restarted) leaves
its task RUNNING for ever, and the rest of that work is lost. `manage.py pendel_worker`
runs `db_worker` under a stable worker id (one per worker slot, e.g. "web1-1") and first puts
back to READY the tasks that its previous life was running: no other worker can have them,
and tasks are safe to run twice (they take ids and claim their work with conditional
updates), so running one again finishes what the killed run left.

That covers a slot that comes back. A worker that never does (a machine gone, a slot
renamed, RQ): the leases of pendel/core/leases.py, whose sweep every live worker runs,
queue again the runs whose worker died.
"""

from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def tasks_requeue_abandoned(worker_id: str) -> int:
    """Put the tasks that worker `worker_id` was running back in the queue; how many."""
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING)
        abandoned = [
            result.pk
            for result in running.only("pk", "worker_ids")
            if result.worker_ids and result.worker_ids[-1] == worker_id
        ]
        return DBTaskResult.objects.filter(pk__in=abandoned).update(
            status=TaskResultStatus.READY, started_at=None
        )
