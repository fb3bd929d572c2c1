"""Survey tasks that queue other tasks: the reminders of a day (one mail task per batch)
and the catch-up run. They sit above `mailing.py`, which imports the mail task."""

from pendel.core.tasks import retrying
from pendel.surveys.due import run_due
from pendel.surveys.mailing import reminders_enqueue_due


@retrying
def survey_reminders_due(*, wave_id: int, reminder: int) -> int:
    """On a reminder's day: queue reminder n for everyone who has not answered."""
    return reminders_enqueue_due(wave_id=wave_id, reminder=reminder)


@retrying
def surveys_run_due() -> dict:
    """The catch-up for backends that cannot wait (and the cron safety net): close due
    waves, queue due reminders and any invitation mail not queued."""
    return run_due()
