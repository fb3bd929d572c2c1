"""A task worker killed mid-task: its slot's next worker puts the task back in the queue
(django-tasks-db would leave it RUNNING for ever, and the rest of its work undone)."""

from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from pendel.core.workers import tasks_requeue_abandoned


def task_row(status, worker_ids):
    return DBTaskResult.objects.create(
        status=status,
        worker_ids=worker_ids,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="pendel.core.tasks.send_email",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        started_at=timezone.now(),
        exception_class_path="",
        traceback="",
    )


def test_the_tasks_a_killed_worker_was_running_go_back_to_the_queue(db):
    abandoned = task_row(TaskResultStatus.RUNNING, ["slot-2", "slot-1"])
    others = task_row(TaskResultStatus.RUNNING, ["slot-1", "slot-2"])  # slot-2 has it now
    done = task_row(TaskResultStatus.SUCCESSFUL, ["slot-1"])
    assert tasks_requeue_abandoned("slot-1") == 1
    statuses = {row.pk: row.status for row in DBTaskResult.objects.all()}
    assert statuses == {
        abandoned.pk: TaskResultStatus.READY,
        others.pk: TaskResultStatus.RUNNING,
        done.pk: TaskResultStatus.SUCCESSFUL,
    }
    assert DBTaskResult.objects.ready().filter(pk=abandoned.pk).exists()
    assert tasks_requeue_abandoned("slot-1") == 0
