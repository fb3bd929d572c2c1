"""The answering service keeps its own rules, whatever page or task calls it: no answers
outside the survey's dates, one response per invitation, and a sent response that counts
with all its ticked options."""

import pytest
from django.utils import timezone

from pendel.surveys.models import Invitation, Response, ResponseChoice
from pendel.surveys.questionnaire import questions_on
from pendel.surveys.selectors import wave_questions
from pendel.surveys.services.answering import (
    AlreadyAnswered,
    SurveyClosed,
    invitation_set_language,
    response_save_step,
    response_submit,
)
from pendel.surveys.tests.conftest import move_dates


def _save(invitation, step: int, cleaned: dict) -> Response:
    questions = questions_on(wave_questions(invitation.wave), step)
    return response_save_step(
        invitation=invitation, step=step, questions=questions, cleaned=cleaned
    )


def _reasons(invitation) -> set[str]:
    return set(
        ResponseChoice.objects.filter(
            response__invitation=invitation, question="reasons"
        ).values_list("value", flat=True)
    )


def test_a_saved_page_comes_back_with_its_answers(invitations):
    response = _save(invitations[0], 1, {"main_mode": "bicycle", "distance_km": 4})
    assert (response.main_mode, response.last_step, response.submitted_at) == (
        "bicycle",
        1,
        None,
    )


def test_saving_a_page_again_replaces_its_ticked_options(invitations):
    invitation = invitations[0]
    _save(invitation, 4, {"car_access": "never", "parking": "free", "reasons": ["fastest"]})
    _save(invitation, 4, {"car_access": "never", "parking": "free", "reasons": ["cheapest"]})
    assert _reasons(invitation) == {"cheapest"}


def test_no_answers_are_taken_after_the_survey_closed(invitations, sent_wave):
    invitation = invitations[0]
    _save(invitation, 1, {"main_mode": "bus", "distance_km": 10})
    move_dates(sent_wave, -60)
    invitation = Invitation.objects.get(pk=invitation.pk)

    with pytest.raises(SurveyClosed):
        _save(invitation, 1, {"main_mode": "walk", "distance_km": 1})
    with pytest.raises(SurveyClosed):
        response_submit(invitation=invitation)
    assert Response.objects.get(invitation=invitation).main_mode == "bus"
    assert Invitation.objects.get(pk=invitation.pk).answered_at is None


def test_a_page_saved_from_a_second_browser_after_sending_is_refused(invitations):
    invitation = invitations[0]
    stale = Invitation.objects.get(pk=invitation.pk)  # the second browser's copy
    _save(invitation, 1, {"main_mode": "bus", "distance_km": 10})
    response_submit(invitation=invitation)

    with pytest.raises(AlreadyAnswered):
        _save(stale, 1, {"main_mode": "drive_alone", "distance_km": 10})
    assert Response.objects.get(invitation=invitation).main_mode == "bus"


def test_a_draft_is_not_sent_once_the_invitation_counts_as_answered(invitations):
    invitation = invitations[0]
    _save(invitation, 1, {"main_mode": "bus", "distance_km": 10})
    Invitation.objects.filter(pk=invitation.pk).update(answered_at=timezone.now())

    with pytest.raises(AlreadyAnswered):
        response_submit(invitation=invitation)
    assert Response.objects.get(invitation=invitation).submitted_at is None


def test_sending_without_any_answers_is_refused_and_counts_nothing(invitations):
    invitation = invitations[0]
    with pytest.raises(AlreadyAnswered):
        response_submit(invitation=invitation)
    assert Invitation.objects.get(pk=invitation.pk).answered_at is None  # rolled back


def test_a_sent_response_counts_with_its_ticked_options(invitations):
    invitation = invitations[0]
    _save(invitation, 4, {"car_access": "never", "parking": "free", "reasons": ["fastest"]})
    sent = response_submit(invitation=invitation)
    assert sent.submitted_at is not None and sent.invitation_id == invitation.pk
    assert invitation.answered_at == sent.submitted_at
    assert list(ResponseChoice.objects.filter(response=sent).values_list("submitted", flat=True))
    assert ResponseChoice.objects.filter(response=sent, submitted=False).count() == 0


def test_the_language_changes_only_to_a_language_the_survey_speaks(invitations):
    invitation = invitations[0]
    assert invitation_set_language(invitation=invitation, language="sv").language == "sv"
    assert invitation_set_language(invitation=invitation, language="xx").language == "sv"
    assert Invitation.objects.get(pk=invitation.pk).language == "sv"
