"""The local outbox: in development mode, for staff only; it holds every link the mail
carries, so anyone else gets 404 (not a login page that would tell it is there)."""

import pytest
from django.core.mail import send_mail
from django.test import Client, override_settings
from django.urls import reverse

from pendel.accounts.factories import UserFactory
from pendel.core.models import OutboxMessage

DEV = override_settings(EMAIL_BACKEND="pendel.core.mail.OutboxBackend", OUTBOX_VISIBLE=True)


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _message() -> OutboxMessage:
    send_mail("Velkommen til Pendel", "Hei!\nhttps://example.com/x", None, ["kari@example.com"])
    return OutboxMessage.objects.get()


def _urls(message) -> list[str]:
    return [reverse("core:outbox"), reverse("core:outbox_message", args=[message.pk])]


@DEV
def test_local_mail_lands_in_the_outbox_page(world):
    message = _message()
    assert message.to == "kari@example.com"
    client = _client(world.advisor)
    page = client.get(reverse("core:outbox")).content.decode()
    assert "Velkommen til Pendel" in page
    detail = client.get(reverse("core:outbox_message", args=[message.pk])).content.decode()
    assert 'href="https://example.com/x"' in detail


@DEV
@pytest.mark.parametrize("who", ["advisor", "coordinator", "staff_and_contact"])
def test_staff_read_the_outbox_in_development_mode(world, who):
    client = _client(getattr(world, who))
    for url in _urls(_message()):
        assert client.get(url).status_code == 200, url
    assert f'href="{reverse("core:outbox")}"' in client.get(reverse("staff:home")).content.decode()


@DEV
@pytest.mark.parametrize("who", ["anonymous", "contact", "contact_of_two", "no_role"])
def test_nobody_else_finds_the_outbox_in_development_mode(world, who):
    user = {"anonymous": None, "no_role": UserFactory()}.get(who) or getattr(world, who, None)
    client = _client(user)
    for url in _urls(_message()):
        assert client.get(url).status_code == 404, url
    # Not offered in the navigation either.
    assert f'href="{reverse("core:outbox")}"' not in client.get("/").content.decode()


@override_settings(EMAIL_BACKEND="pendel.core.mail.OutboxBackend", OUTBOX_VISIBLE=False)
@pytest.mark.parametrize("who", ["anonymous", "contact", "advisor", "coordinator"])
def test_the_outbox_does_not_exist_in_production(world, who):
    client = _client(None if who == "anonymous" else getattr(world, who))
    for url in _urls(_message()):
        assert client.get(url).status_code == 404, url


def test_the_outbox_keeps_its_address():
    assert reverse("core:outbox") == "/dev/outbox/"
    assert reverse("core:outbox_message", args=[3]) == "/dev/outbox/3/"
