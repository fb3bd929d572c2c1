"""`manage.py pendel_worker --worker-id web1-1`: the task worker (`db_worker`) under a
stable id, which first puts back in the queue the tasks this worker was running when it
last died (see pendel/core/workers.py). Run one per worker slot, each with its own id."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from pendel.core.workers import tasks_requeue_abandoned


class Command(BaseCommand):
    help = "Run the task worker under a stable id, first re-queueing the tasks it abandoned."

    def add_arguments(self, parser):
        parser.add_argument("--worker-id", required=True, help="a stable id per worker slot")
        parser.add_argument("--interval", type=float, default=1.0)
        parser.add_argument("--batch", action="store_true", help="exit when the queue is empty")

    def handle(self, *args, worker_id, interval, batch, **options):
        requeued = tasks_requeue_abandoned(worker_id)
        if requeued:
            self.stdout.write(f"Put back {requeued} tasks that worker {worker_id} abandoned.")
        call_command(
            "db_worker",
            worker_id=worker_id,
            interval=interval,
            batch=batch,
            reload=False,  # a reloader's child would outlive a killed parent
            verbosity=options["verbosity"],
        )
