"""Background work for surveys. Every task takes ids, re-reads the rows and is safe to run
twice: mail is claimed per invitation before it is sent, closing a closed wave does
nothing. The tasks that queue other tasks (a reminder day, the catch-up run) are in
`due_tasks.py`."""

from django.utils.translation import gettext

from pendel.core.leases import leased
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying
from pendel.surveys.closing import wave_close_due
from pendel.surveys.models import Wave
from pendel.surveys.sending import mail_send_batch


@retrying
@leased(Wave, "wave_id")
def survey_send_mail(*, wave_id: int, first_id: int, last_id: int, reminder: int = 0) -> int:
    """Send one batch of invitations (reminder 0) or of reminder n."""
    return mail_send_batch(wave_id=wave_id, first_id=first_id, last_id=last_id, reminder=reminder)


@retrying
def survey_wave_close_due(*, wave_id: int) -> str:
    """After the close date: close the wave (and qualify the membership if the rate is met)."""
    return wave_close_due(wave_id=wave_id)


def _wave_names(kwargs: list[dict]) -> dict[int, str]:
    """The workplace of each wave, in one query."""
    ids = {args["wave_id"] for args in kwargs}
    waves = Wave.objects.filter(pk__in=ids).select_related("location__organisation")
    return {wave.pk: str(wave.location) for wave in waves}


def _describe_mail(kwargs: list[dict]) -> list[str]:
    names = _wave_names(kwargs)
    return [
        (
            gettext("Sending reminder %(number)s of the survey for %(company)s")
            if args.get("reminder")
            else gettext("Sending the survey invitations for %(company)s")
        )
        % {"number": args.get("reminder"), "company": names.get(args["wave_id"], "–")}
        for args in kwargs
    ]


def _describe_reminders(kwargs: list[dict]) -> list[str]:
    names = _wave_names(kwargs)
    return [
        gettext("Queueing reminder %(number)s of the survey for %(company)s")
        % {"number": args["reminder"], "company": names.get(args["wave_id"], "–")}
        for args in kwargs
    ]


def _describe_close(kwargs: list[dict]) -> list[str]:
    names = _wave_names(kwargs)
    return [
        gettext("Closing the survey for %(company)s") % {"company": names.get(args["wave_id"], "–")}
        for args in kwargs
    ]


describe_task(survey_send_mail, _describe_mail)
# The tasks of due_tasks.py queue the ones here, so they are named by their paths.
describe_task("pendel.surveys.due_tasks.survey_reminders_due", _describe_reminders)
describe_task(survey_wave_close_due, _describe_close)
describe_task(
    "pendel.surveys.due_tasks.surveys_run_due",
    lambda kwargs: [gettext("Closing due surveys and sending due reminders")] * len(kwargs),
)
