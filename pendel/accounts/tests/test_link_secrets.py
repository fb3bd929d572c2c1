"""Invitation and password-reset links at rest: their tokens are Django's stateless HMAC
(stored nowhere); the task table never holds one (the mail task gets the user's id and makes
the link when it sends), and the session table keeps only a hash of the token while the
password is being chosen."""

import json
from urllib.parse import urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from pendel.accounts import emails
from pendel.accounts.factories import UserFactory
from pendel.accounts.links import INVITATION, PASSWORD_RESET, account_link
from pendel.accounts.tasks import account_link_mail, password_reset_request
from pendel.core.task_descriptions import task_lines

LINK_PARTS = ("/accounts/password/reset/", "/accounts/invitation/")


@pytest.fixture
def task_table(settings):
    """A backend that keeps tasks in the database, as production does."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _queued() -> list[dict]:
    return [row.args_kwargs for row in DBTaskResult.objects.order_by("enqueued_at")]


def _run(queued: dict) -> None:
    task = password_reset_request if "email" in queued["kwargs"] else account_link_mail
    task.call(**queued["kwargs"])


def _link(message) -> str:
    return next(
        line.strip() for line in message.body.splitlines() if any(p in line for p in LINK_PARTS)
    )


def test_the_reset_task_holds_the_address_and_no_link(
    client, world, task_table, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "advisor@example.com"})
    (queued,) = _queued()
    assert queued["kwargs"]["email"] == "advisor@example.com"
    assert not any(part in json.dumps(queued) for part in LINK_PARTS)
    assert "token" not in json.dumps(queued)
    assert mail.outbox == []

    _run(queued)
    (message,) = mail.outbox
    assert message.to == ["advisor@example.com"]
    response = client.get(urlsplit(_link(message)).path, follow=True)
    assert response.redirect_chain[-1][0].endswith("/set-password/")


def test_the_invitation_task_holds_the_users_id_and_no_link(
    client, world, task_table, django_capture_on_commit_callbacks
):
    user = UserFactory(email="ny@fisk.example.com", first_name="Nina", language="en")
    user.set_unusable_password()
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        emails.send_invitation(
            user=user, organisation="Fredrikstad Fisk AS", region=world.region, inviter="Ola"
        )
    (queued,) = _queued()
    assert not any(part in json.dumps(queued) for part in LINK_PARTS)
    lines = task_lines(DBTaskResult.objects.all(), now=None)
    assert lines[0].description == "Sending an invitation to choose a password"

    _run(queued)
    (message,) = mail.outbox
    assert "Hello Nina," in message.body
    programme = world.region.programme_name
    assert f"Ola has given you access to Min side for Fredrikstad Fisk AS in {programme}" in (
        message.body
    )
    page = client.get(urlsplit(_link(message)).path, follow=True)
    assert page.status_code == 200
    assert "new_password1" in page.content.decode()


def test_a_reset_queued_for_an_account_closed_meanwhile_sends_nothing(
    client, world, task_table, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "advisor@example.com"})
    (queued,) = _queued()
    world.advisor.is_active = False
    world.advisor.save()
    _run(queued)
    assert mail.outbox == []


def test_the_reset_mail_is_in_the_language_of_the_request(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:password_reset"),
            {"email": "advisor@example.com"},
            HTTP_ACCEPT_LANGUAGE="nb",
        )
    (message,) = mail.outbox
    assert message.subject == "Velg et nytt passord for Pendel"


def _stored_sessions() -> str:
    """Every session row as the database holds it, and decoded."""
    rows = list(Session.objects.all())
    return json.dumps([[row.session_data, row.get_decoded()] for row in rows])


@pytest.mark.parametrize("kind", [PASSWORD_RESET, INVITATION])
def test_the_link_s_token_is_not_kept_in_the_session_table(client, world, kind):
    link = account_link(world.advisor, kind)
    token = urlsplit(link).path.rstrip("/").rsplit("/", 1)[1]

    opened = client.get(urlsplit(link).path, follow=True)
    form_url = opened.redirect_chain[-1][0]
    assert form_url.endswith("/set-password/")
    assert token not in _stored_sessions()
    assert "new_password1" in client.get(form_url).content.decode()  # the form still opens
    assert token not in _stored_sessions()

    done = client.post(
        form_url, {"new_password1": "a-new-long-secret", "new_password2": "a-new-long-secret"}
    )
    assert done.status_code == 302
    assert client.login(username="advisor@example.com", password="a-new-long-secret")
    # Used: the form's page does not open again from this browser.
    assert "new_password1" not in client.get(form_url).content.decode()


def test_a_hash_in_the_session_opens_nothing_once_the_password_changed(client, world):
    link = account_link(world.advisor, PASSWORD_RESET)
    form_url = client.get(urlsplit(link).path, follow=True).redirect_chain[-1][0]
    world.advisor.set_password("changed-elsewhere-meanwhile")
    world.advisor.save()
    assert "new_password1" not in client.get(form_url).content.decode()


def test_a_logged_out_invitation_that_sets_a_password_logs_the_user_in(client, world):
    contact = world.contact
    contact.set_unusable_password()
    contact.save()
    link = account_link(contact, INVITATION)
    form_url = client.get(urlsplit(link).path, follow=True).redirect_chain[-1][0]
    done = client.post(
        form_url,
        {"new_password1": "a-new-long-secret", "new_password2": "a-new-long-secret"},
        HTTP_ACCEPT_LANGUAGE="nb",
        follow=True,
    )
    assert done.status_code == 200
    assert done.context["user"] == contact
    assert "Passordet er lagret. Velkommen til Pendel." in done.content.decode()
    assert "/login/" not in done.redirect_chain[-1][0]
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_staff_logged_in_by_their_invitation_still_give_the_second_factor(client, world):
    link = account_link(world.advisor, INVITATION)
    form_url = client.get(urlsplit(link).path, follow=True).redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "a-new-long-secret", "new_password2": "a-new-long-secret"}
    )
    members = client.get(reverse("staff:member_list"), follow=True)
    assert "/two-factor/" in members.redirect_chain[-1][0]
