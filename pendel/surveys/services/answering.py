"""The employee's side: saving a page of answers, sending them once, choosing a language.
Every write is conditional on the response not being sent yet, so two browsers (or a
double click) cannot make a second response for one token."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from pendel.core.dates import region_today
from pendel.surveys.answers import split_answers
from pendel.surveys.models import Invitation, Question, Response, ResponseChoice


class AlreadyAnswered(Exception):
    """The invitation's answers have been sent; nothing more is accepted."""


class SurveyClosed(Exception):
    """The wave does not take answers today (not open yet, or closed)."""


class InvitationClosed(SurveyClosed):
    """The invitation closed for its employee (the employment ended, or the data was
    erased), from the last working day or the erasure."""


def _check_open(invitation: Invitation) -> None:
    wave = invitation.wave
    today = region_today(wave.location.region)
    # Read again: the employee may have been ended since the page was opened.
    closed_on = Invitation.objects.filter(pk=invitation.pk).values_list("closed_on", flat=True)
    if any(day is not None and day <= today for day in closed_on):
        raise InvitationClosed
    if not wave.accepts_answers_on(today):
        raise SurveyClosed


def _draft(invitation: Invitation) -> Response:
    try:
        with transaction.atomic():
            response, _created = Response.objects.get_or_create(
                invitation=invitation,
                defaults={"wave_id": invitation.wave_id, "location_id": invitation.location_id},
            )
    except IntegrityError:  # created by a parallel request a moment ago
        response = Response.objects.get(invitation=invitation)
    return response


@transaction.atomic
def response_save_step(
    *, invitation: Invitation, step: int, questions: list[Question], cleaned: dict
) -> Response:
    """Keep one page's answers in the draft response."""
    if invitation.answered_at:
        raise AlreadyAnswered
    _check_open(invitation)
    response = _draft(invitation)
    columns, choices, extra = split_answers(questions, cleaned)
    updates = {**columns, "last_step": max(response.last_step, step), "updated_at": timezone.now()}
    if extra:
        updates["extra"] = {**response.extra, **extra}
    saved = Response.objects.filter(pk=response.pk, submitted_at__isnull=True).update(**updates)
    if not saved:
        raise AlreadyAnswered
    if choices:
        ResponseChoice.objects.filter(response=response, question__in=list(choices)).delete()
        ResponseChoice.objects.bulk_create(
            ResponseChoice(response=response, wave_id=response.wave_id, question=code, value=value)
            for code, values in choices.items()
            for value in dict.fromkeys(values)
        )
    response.refresh_from_db()
    return response


@transaction.atomic
def response_submit(*, invitation: Invitation) -> Response:
    """Count the draft as the invitation's one response. A second call raises."""
    _check_open(invitation)
    now = timezone.now()
    claimed = Invitation.objects.filter(pk=invitation.pk, answered_at__isnull=True).update(
        answered_at=now
    )
    if not claimed:
        raise AlreadyAnswered
    sent = Response.objects.filter(invitation=invitation, submitted_at__isnull=True).update(
        submitted_at=now
    )
    if sent != 1:
        raise AlreadyAnswered  # rolls back the claim above
    ResponseChoice.objects.filter(response__invitation=invitation).update(submitted=True)
    invitation.answered_at = now
    return Response.objects.get(invitation=invitation)


def invitation_set_language(*, invitation: Invitation, language: str) -> Invitation:
    if language in dict(settings.LANGUAGES) and language != invitation.language:
        Invitation.objects.filter(pk=invitation.pk).update(language=language)
        invitation.language = language
    return invitation
