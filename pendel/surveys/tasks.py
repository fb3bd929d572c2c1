"""Background work for surveys. Every task takes ids, re-reads the rows and is safe to run
twice: mail is claimed per invitation before it is sent, closing a closed wave does
nothing."""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying
from pendel.surveys.models import Wave, region_today
from pendel.surveys.services.mailing import mail_enqueue, mail_send_batch
from pendel.surveys.services.waves import wave_close

logger = logging.getLogger(__name__)


@retrying
def survey_send_mail(*, wave_id: int, first_id: int, last_id: int, reminder: int = 0) -> int:
    """Send one batch of invitations (reminder 0) or of reminder n."""
    return mail_send_batch(wave_id=wave_id, first_id=first_id, last_id=last_id, reminder=reminder)


@retrying
def survey_reminders_due(*, wave_id: int, reminder: int) -> int:
    """On a reminder's day: queue reminder n for everyone who has not answered."""
    wave = Wave.objects.select_related("location__region").filter(pk=wave_id).first()
    if wave is None:
        return 0
    today = region_today(wave.location.region)
    day = wave.reminder_dates().get(reminder)
    if not day or day > today or not wave.accepts_answers_on(today):
        return 0
    return mail_enqueue(wave=wave, reminder=reminder)


@retrying
def survey_wave_close_due(*, wave_id: int) -> str:
    """After the close date: close the wave (and qualify the membership if the rate is met).
    An extended wave is not due yet; its new close task comes later."""
    wave = Wave.objects.select_related("location__region").filter(pk=wave_id).first()
    if wave is None or wave.is_closed or not wave.is_dispatched:
        return "nothing to do"
    if region_today(wave.location.region) <= wave.closes_on:
        return "not due"
    try:
        wave = wave_close(wave=wave, actor=None)
    except ValidationError as error:
        logger.warning("Survey %s not closed: %s", wave_id, error.messages)
        return "refused"
    return wave.outcome


@retrying
def surveys_run_due() -> dict:
    """The catch-up for backends that cannot wait (and the cron safety net): close due
    waves, queue due reminders and any invitation mail not queued."""
    from pendel.surveys.services.due import run_due

    return run_due()


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
describe_task(survey_reminders_due, _describe_reminders)
describe_task(survey_wave_close_due, _describe_close)
describe_task(
    surveys_run_due,
    lambda kwargs: [gettext("Closing due surveys and sending due reminders")] * len(kwargs),
)
