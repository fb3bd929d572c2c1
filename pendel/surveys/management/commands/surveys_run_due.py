from django.core.management.base import BaseCommand

from pendel.surveys.due import run_due


class Command(BaseCommand):
    help = (
        "Close surveys whose close date has passed and, where the task backend cannot run "
        "tasks later, queue the mail that is due. Safe to run often (e.g. hourly from cron)."
    )

    def handle(self, *args, **options):
        counts = run_due()
        self.stdout.write(
            f"Closed {counts['closed']} surveys; queued {counts['batches']} mail batches."
        )
