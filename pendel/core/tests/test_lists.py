"""The task list and the outbox on the shared tables: filtered, searched, sorted, and only the
list re-rendered when htmx asks for it."""

import pytest
from django.test import override_settings
from django.urls import reverse

from pendel.core.models import OutboxMessage
from pendel.core.tests.test_task_list import queued

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"}


def test_the_task_list_filters_by_status_and_sorts(client, world):
    queued("pendel.example.tasks.broken_job", status="FAILED")
    queued("pendel.example.tasks.waiting_job")
    client.force_login(world.coordinator)
    url = reverse("staff:task_list")
    failed = client.get(url, {"status": "FAILED"}).content.decode()
    assert "broken_job" in failed and "waiting_job" not in failed
    everything = client.get(url, {"status": "nonsense", "sort": "-queued"}).content.decode()
    assert "broken_job" in everything and "waiting_job" in everything
    partial = client.get(url, {"status": "READY"}, **HTMX).content.decode()
    assert "<html" not in partial and "waiting_job" in partial and "broken_job" not in partial


@override_settings(OUTBOX_VISIBLE=True)
def test_the_outbox_is_searched_by_recipient_and_subject(client, world):
    for to, subject in (("hr@fisk.example.com", "Velkommen"), ("ola@example.com", "Faktura")):
        OutboxMessage.objects.create(from_email="p@example.com", to=to, subject=subject, body="")
    client.force_login(world.advisor)
    url = reverse("core:outbox")
    found = client.get(url, {"q": "fisk"}).content.decode()
    assert "Velkommen" in found and "Faktura" not in found
    partial = client.get(url, {"q": "Faktura"}, **HTMX).content.decode()
    assert "<html" not in partial and "Faktura" in partial and "Velkommen" not in partial
