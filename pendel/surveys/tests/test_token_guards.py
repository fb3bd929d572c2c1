"""A survey link opens only with its whole token, and an answered invitation takes no more
answers, also when the answering service is called directly (a task, a second browser)."""

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from pendel.surveys.links import token_hash
from pendel.surveys.models import Invitation, InvitationLink, Response
from pendel.surveys.selectors import invitation_for_token
from pendel.surveys.services.answering import (
    AlreadyAnswered,
    response_save_step,
    response_submit,
)
from pendel.surveys.tests.helpers import answer_all


def test_a_link_cut_short_or_made_longer_opens_nothing(client, invitations):
    token = invitations[0].token
    for wrong in (token[:-1], token[:8], token + "x"):
        assert client.get(reverse("survey:start", args=[wrong])).status_code == 404
    assert client.get(reverse("survey:start", args=[token])).status_code == 200


def test_the_service_refuses_answers_for_an_invitation_marked_answered(invitations):
    """The invitation says answered (the response was erased with the employee's data, or
    sent from another browser a moment ago): no new draft response may appear."""
    invitation = invitations[0]
    Invitation.objects.filter(pk=invitation.pk).update(answered_at=timezone.now())
    invitation.refresh_from_db()

    with pytest.raises(AlreadyAnswered):
        response_save_step(
            invitation=invitation, step=1, questions=[], cleaned={"main_mode": "bus"}
        )
    assert not Response.objects.filter(invitation=invitation).exists()


def test_a_second_submit_is_refused_and_keeps_the_first_answers(client, invitations):
    invitation = invitations[0]
    answer_all(client, invitation.token)
    invitation.refresh_from_db()
    first = Response.objects.get(invitation=invitation)

    with pytest.raises(AlreadyAnswered):
        response_submit(invitation=invitation)
    assert Response.objects.get(invitation=invitation).submitted_at == first.submitted_at
    assert Invitation.objects.get(pk=invitation.pk).answered_at == invitation.answered_at


def test_a_link_longer_than_any_token_is_refused_without_asking_the_database(
    invitations, django_assert_num_queries
):
    with django_assert_num_queries(0), pytest.raises(Http404):
        invitation_for_token("a" * 65)
    with django_assert_num_queries(0), pytest.raises(Http404):
        invitation_for_token("")


def test_a_token_of_the_longest_length_still_opens(client, invitations):
    longest = "b" * 64
    InvitationLink.objects.create(invitation=invitations[0], token_hash=token_hash(longest))
    assert invitation_for_token(longest).pk == invitations[0].pk
