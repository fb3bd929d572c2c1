"""A survey dispatch whose worker died in the middle of a mail batch finishes by itself:
the batch's lease expires, a live worker's sweep queues the batch again, and every
invitation is mailed once (pendel/core/leases.py)."""

import collections

import pytest
from django.core import mail
from django.urls import reverse

from pendel.core.leases import leases_sweep
from pendel.core.tests.killing import WorkerKilled, after_the_lease
from pendel.surveys import sending
from pendel.surveys.models import Invitation
from pendel.surveys.tests.conftest import dispatch, make_employees, make_wave


@pytest.fixture
def dying_mail(monkeypatch):
    """The worker dies while it hands over the 6th mail (in the second batch of four)."""
    original = sending._send_one
    calls = []

    def send_one(*args, **kwargs):
        calls.append(1)
        if len(calls) == 6:
            raise WorkerKilled()
        return original(*args, **kwargs)

    monkeypatch.setattr(sending, "_send_one", send_one)
    return lambda: monkeypatch.setattr(sending, "_send_one", original)


def mailed() -> collections.Counter:
    return collections.Counter(address for message in mail.outbox for address in message.to)


def test_a_dispatch_whose_worker_died_mid_batch_mails_everyone_once(
    world, settings, dying_mail, client, django_capture_on_commit_callbacks
):
    settings.SURVEY_MAIL_BATCH_SIZE = 4
    make_employees(world.location, 10, language="en")
    wave = dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)
    invitations = Invitation.objects.filter(wave=wave)
    # Batch 1 mailed 4, batch 2 died after 1, batch 3 (its own task) mailed 2.
    assert len(mail.outbox) == 7
    assert invitations.filter(sent_at__isnull=True).count() == 3

    dying_mail()  # the next worker does not die
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep()["resumed"] == 0  # its lease has not expired yet
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease()) == {"resumed": 1, "given_up": 0}

    addresses = set(invitations.values_list("email", flat=True))
    assert mailed() == collections.Counter(addresses)  # everyone, once
    assert not invitations.filter(sent_at__isnull=True).exists()

    client.force_login(world.advisor)
    page = client.get(reverse("staff:survey_wave_detail", args=[wave.pk])).content.decode()
    assert "Sending the mail:" in page and "Resumed after an interruption" in page


def test_a_dispatch_without_interruptions_says_nothing_of_them(
    world, sent_wave, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert leases_sweep(now=after_the_lease()) == {"resumed": 0, "given_up": 0}
    client.force_login(world.advisor)
    page = client.get(reverse("staff:survey_wave_detail", args=[sent_wave.pk])).content.decode()
    assert "interruption" not in page
