from django.core.mail import send_mail
from django.test import override_settings
from django.urls import reverse

from pendel.core.models import OutboxMessage


@override_settings(EMAIL_BACKEND="pendel.core.mail.OutboxBackend", OUTBOX_VISIBLE=True)
def test_local_mail_lands_in_the_outbox_page(client, db):
    send_mail("Velkommen til Pendel", "Hei!\nhttps://example.com/x", None, ["kari@example.com"])
    message = OutboxMessage.objects.get()
    assert message.to == "kari@example.com"
    page = client.get(reverse("core:outbox")).content.decode()
    assert "Velkommen til Pendel" in page
    detail = client.get(reverse("core:outbox_message", args=[message.pk])).content.decode()
    assert 'href="https://example.com/x"' in detail


@override_settings(OUTBOX_VISIBLE=False)
def test_the_outbox_does_not_exist_in_production(client, db):
    assert client.get(reverse("core:outbox")).status_code == 404


def test_the_outbox_keeps_its_address():
    assert reverse("core:outbox") == "/dev/outbox/"
    assert reverse("core:outbox_message", args=[3]) == "/dev/outbox/3/"
