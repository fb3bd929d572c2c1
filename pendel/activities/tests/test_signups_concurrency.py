"""Two people sign up for the last place at the same moment: one gets it, the other is first
on the waiting list; never over capacity. On SQLite and on PostgreSQL (run with
DATABASE_URL=postgres://…): each thread has its own connection."""

import threading
import time

import pytest

from pendel.activities import signups
from pendel.activities.models import SignUp
from pendel.activities.tests.events_builders import event_for, sign_up
from pendel.invoicing.tests.test_numbering import RETRY_DEADLINE_SECONDS, _thread


@pytest.mark.django_db(transaction=True)
def test_two_sign_ups_for_the_last_place_give_one_place_and_one_waiting(world, monkeypatch):
    event = event_for(world.location, capacity=3)
    sign_up(event, 1)
    sign_up(event, 2)
    counted = signups.places_taken

    def slow_count(event):
        # Both threads would see one place left if nothing made them queue on the event.
        taken = counted(event)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(signups, "places_taken", slow_count)
    barrier = threading.Barrier(2)
    errors: list[Exception] = []
    threads = [_thread(lambda n=n: sign_up(event, n), barrier, errors) for n in (3, 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=RETRY_DEADLINE_SECONDS * 2)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    late = SignUp.objects.filter(
        event=event, email__in=["ansatt3@example.com", "ansatt4@example.com"]
    )
    assert sorted(late.values_list("status", flat=True)) == ["confirmed", "waiting"]
    assert SignUp.objects.filter(event=event, status="confirmed").count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_cancel_and_a_sign_up_at_once_never_overfill(world, monkeypatch):
    """The place given up goes to the waiting list or to the newcomer, never to both."""
    event = event_for(world.location, capacity=2)
    first = sign_up(event, 1)
    sign_up(event, 2)
    sign_up(event, 3)  # waiting
    barrier = threading.Barrier(2)
    errors: list[Exception] = []
    threads = [
        _thread(lambda: signups.signup_cancel(signup=first), barrier, errors),
        _thread(lambda: sign_up(event, 4), barrier, errors),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=RETRY_DEADLINE_SECONDS * 2)

    assert errors == []
    assert SignUp.objects.filter(event=event, status="confirmed").count() == 2
    assert SignUp.objects.get(email="ansatt3@example.com").status == "confirmed"
    assert SignUp.objects.get(email="ansatt4@example.com").status == "waiting"
