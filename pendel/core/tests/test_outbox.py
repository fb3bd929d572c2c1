from django.core.mail import send_mail
from django.test import override_settings
from django.urls import reverse

from pendel.core.models import OutboxMessage


@override_settings(EMAIL_BACKEND="pendel.core.mail.OutboxBackend", OUTBOX_VISIBLE=True)
def test_local_mail_lands_in_the_outbox_page(client, world):
    send_mail("Velkommen til Pendel", "Hei!\nhttps://example.com/x", None, ["kari@example.com"])
    client.force_login(world.advisor)
    message = OutboxMessage.objects.get()
    assert message.to == "kari@example.com"
    page = client.get(reverse("core:outbox")).content.decode()
    assert "Velkommen til Pendel" in page
    detail = client.get(reverse("core:outbox_message", args=[message.pk])).content.decode()
    assert 'href="https://example.com/x"' in detail


@override_settings(EMAIL_BACKEND="pendel.core.mail.OutboxBackend", OUTBOX_VISIBLE=True)
def test_the_outbox_holding_survey_links_is_for_staff_only(client, world):
    send_mail("Undersøkelse", "https://example.com/s/secret-token/", None, ["kari@example.com"])
    message = OutboxMessage.objects.get()
    urls = [reverse("core:outbox"), reverse("core:outbox_message", args=[message.pk])]

    anonymous = [client.get(url) for url in urls]
    client.force_login(world.contact)
    contact = [client.get(url) for url in urls]

    assert all(response.status_code == 302 for response in anonymous)
    assert all(response.status_code == 403 for response in contact)
    for response in anonymous + contact:
        assert b"secret-token" not in response.content


@override_settings(OUTBOX_VISIBLE=False)
def test_the_outbox_does_not_exist_in_production(client, world):
    assert client.get(reverse("core:outbox")).status_code == 404
    client.force_login(world.coordinator)
    assert client.get(reverse("core:outbox")).status_code == 404


def test_the_outbox_keeps_its_address():
    assert reverse("core:outbox") == "/dev/outbox/"
    assert reverse("core:outbox_message", args=[3]) == "/dev/outbox/3/"
