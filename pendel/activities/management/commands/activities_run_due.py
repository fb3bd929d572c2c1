from django.core.management.base import BaseCommand

from pendel.activities.signups import reminders_enqueue_due


class Command(BaseCommand):
    help = (
        "Queue the reminder mail of every activity that begins tomorrow (on its region's "
        "clock). Safe to run often (e.g. hourly from cron): a reminder goes out once."
    )

    def handle(self, *args, **options):
        count = reminders_enqueue_due()
        self.stdout.write(f"Queued the reminders of {count} activities.")
