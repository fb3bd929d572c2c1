"""The password reset gives nothing away: the same work and the same answer for a known and
an unknown address, and a rate limit per requesting address and per recipient."""

import pytest
from django.core import mail
from django.urls import reverse

from pendel.accounts.tasks import password_reset_request
from pendel.accounts.views import password as password_views

RESET = reverse("accounts:password_reset")
DONE = reverse("accounts:password_reset_done")


@pytest.fixture
def queued(monkeypatch):
    """The tasks the reset form queues, run as they would be."""
    calls = []
    original = password_views.enqueue_after_commit

    def record(task, **kwargs):
        calls.append((task, kwargs))
        original(task, **kwargs)

    monkeypatch.setattr(password_views, "enqueue_after_commit", record)
    return calls


def test_a_known_and_an_unknown_address_queue_the_same_one_task(client, world, queued):
    known = client.post(RESET, {"email": "advisor@example.com"})
    unknown = client.post(RESET, {"email": "nobody@example.com"})
    assert known["Location"] == unknown["Location"] == DONE
    assert [task for task, _ in queued] == [password_reset_request, password_reset_request]
    assert [kwargs["email"] for _, kwargs in queued] == [
        "advisor@example.com",
        "nobody@example.com",
    ]


@pytest.mark.django_db(transaction=True)
def test_the_task_sends_to_a_known_address_in_the_users_language_and_nothing_otherwise(world):
    world.advisor.language = "nb"
    world.advisor.save()
    password_reset_request.call(email="nobody@example.com", language="en")
    assert mail.outbox == []
    password_reset_request.call(email="ADVISOR@example.com", language="en")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["advisor@example.com"]
    assert "/accounts/password/reset/" in mail.outbox[0].body
    assert "Hello," not in mail.outbox[0].body  # Norwegian, not the request's English


@pytest.mark.django_db(transaction=True)
def test_a_recipient_gets_at_most_three_links_an_hour_and_the_answer_stays_the_same(client, world):
    for n in range(5):
        response = client.post(RESET, {"email": "advisor@example.com"}, REMOTE_ADDR=f"10.3.0.{n}")
        assert response["Location"] == DONE
    assert len(mail.outbox) == password_views.RESETS_PER_RECIPIENT


@pytest.mark.django_db(transaction=True)
def test_one_address_may_ask_only_so_often_whoever_for(client, world, queued):
    for n in range(password_views.RESETS_PER_ADDRESS):
        client.post(RESET, {"email": f"someone{n}@example.com"}, REMOTE_ADDR="10.4.4.4")
    assert len(queued) == password_views.RESETS_PER_ADDRESS
    response = client.post(RESET, {"email": "advisor@example.com"}, REMOTE_ADDR="10.4.4.4")
    assert response["Location"] == DONE
    assert mail.outbox == []
    client.post(RESET, {"email": "advisor@example.com"}, REMOTE_ADDR="10.4.4.5")
    assert len(mail.outbox) == 1


def test_a_bad_address_gets_a_message_and_nothing_is_queued(client, world, queued):
    response = client.post(RESET, {"email": "not-an-address"}, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert queued == []
