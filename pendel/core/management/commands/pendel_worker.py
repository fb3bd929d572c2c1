"""`manage.py pendel_worker --worker-id web1-1`: the task worker under a stable id.

It first puts back in the queue the tasks this worker slot was running when it last died
(see pendel/core/workers.py), and sweeps for runs whose worker died, wherever it ran
(pendel/core/leases.py): at start, then every LEASE_SWEEP_SECONDS beside the task loop.
The loop is the backend's own worker: `db_worker` (django-tasks-db) or `rqworker` (RQ).
Run one per worker slot, each with its own id."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from pendel.core.leases import LeaseSweeper, leases_sweep
from pendel.core.workers import tasks_requeue_abandoned


class Command(BaseCommand):
    help = "Run the task worker under a stable id, taking over the work of dead workers."

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", required=True, help="a stable id per worker slot")
        parser.add_argument("--interval", type=float, default=1.0)
        parser.add_argument("--batch", action="store_true", help="exit when the queue is empty")

    def handle(self, *args, worker_id, interval, batch, **options):
        rq = getattr(settings, "TASKS_BACKEND", "db") == "rq"
        if not rq:
            requeued = tasks_requeue_abandoned(worker_id)
            if requeued:
                self.stdout.write(f"Put back {requeued} tasks that worker {worker_id} abandoned.")
        swept = leases_sweep()
        if swept["resumed"] or swept["given_up"]:
            self.stdout.write(
                f"Resumed {swept['resumed']} interrupted runs, gave up {swept['given_up']}."
            )
        sweeper = LeaseSweeper()
        sweeper.start()
        try:
            if rq:
                call_command(
                    "rqworker",
                    "default",
                    name=worker_id,
                    burst=batch,
                    job_class="django_tasks_rq.backend.Job",  # a Task's job, as queued
                )
            else:
                call_command(
                    "db_worker",
                    worker_id=worker_id,
                    interval=interval,
                    batch=batch,
                    reload=False,  # a reloader's child would outlive a killed parent
                    verbosity=options["verbosity"],
                )
        finally:
            sweeper.stop()
