"""Background work for surveys. Every task takes ids, re-reads the rows and is safe to run
twice: mail is claimed per invitation before it is sent, closing a closed wave does
nothing. The tasks that queue other tasks (a reminder day, the catch-up run) are in
`due_tasks.py`."""

from pendel.core.tasks import retrying
from pendel.surveys.closing import wave_close_due
from pendel.surveys.sending import mail_send_batch


@retrying
def survey_send_mail(*, wave_id: int, first_id: int, last_id: int, reminder: int = 0) -> int:
    """Send one batch of invitations (reminder 0) or of reminder n."""
    return mail_send_batch(wave_id=wave_id, first_id=first_id, last_id=last_id, reminder=reminder)


@retrying
def survey_wave_close_due(*, wave_id: int) -> str:
    """After the close date: close the wave (and qualify the membership if the rate is met)."""
    return wave_close_due(wave_id=wave_id)
