"""The daily task that finds tomorrow's events and queues their reminders (run by
`manage.py activities_run_due` from cron, like `surveys_run_due`). It sits above
`signups.py`, which imports the reminder task it queues."""

from pendel.activities.signups import reminders_enqueue_due
from pendel.core.tasks import retrying


@retrying
def activities_reminders_due() -> int:
    return reminders_enqueue_due()
