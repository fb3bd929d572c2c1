"""The reminder the day before: found by the daily run on the region's clock, sent once to
everyone with a place who agreed to be contacted, nothing the second time."""

import io
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from pendel.activities.models import Event, SignUp
from pendel.activities.signups import events_due_for_reminders
from pendel.activities.signups_due_tasks import activities_reminders_due
from pendel.activities.signups_tasks import event_reminders_send
from pendel.activities.tests.events_builders import event_for, sign_up
from pendel.core.dates import region_today

OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def tomorrow(world, django_capture_on_commit_callbacks, mailoutbox):
    day = region_today(world.region) + timedelta(days=1)
    starts = datetime.combine(day, time(10, 0), tzinfo=OSLO)
    event = event_for(world.location, capacity=2, starts_at=starts)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(event, 1, language="en")
        sign_up(event, 2, consent=False, language="en")
        sign_up(event, 3, language="en")  # waiting: no reminder
    mailoutbox.clear()
    return event


def test_the_day_before_those_with_a_place_and_consent_get_one_reminder(tomorrow, mailoutbox):
    assert activities_reminders_due.call() == 1
    assert [m.to for m in mailoutbox] == [["ansatt1@example.com"]]
    assert mailoutbox[0].subject.startswith("Tomorrow: Bike check")
    assert "/activities/cancel/" in mailoutbox[0].body

    call_command("activities_run_due", stdout=io.StringIO())
    event_reminders_send.call(event_id=tomorrow.pk)
    assert len(mailoutbox) == 1  # run twice, sent once
    assert SignUp.objects.filter(reminder_sent_at__isnull=False).count() == 1
    tomorrow.refresh_from_db()
    assert tomorrow.reminders_sent_at is not None


def test_a_sign_up_claimed_by_another_run_is_not_mailed_again(tomorrow, mailoutbox):
    SignUp.objects.filter(email="ansatt1@example.com").update(reminder_sent_at=tomorrow.starts_at)
    assert event_reminders_send.call(event_id=tomorrow.pk) == 0
    assert mailoutbox == []


def test_events_later_or_cancelled_get_no_reminder_yet(world, tomorrow):
    later = event_for(
        world.location, days=5, signup_code="later", activity_type=tomorrow.activity_type
    )
    Event.objects.filter(pk=tomorrow.pk).update(status=Event.Status.CANCELLED)
    assert events_due_for_reminders() == []
    assert later not in events_due_for_reminders()
