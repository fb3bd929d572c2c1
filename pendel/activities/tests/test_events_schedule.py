"""Scheduling an event: refused before the baseline survey has closed (with the reason and
when), from a planned activity (which becomes scheduled), cancelled (mails, the line back to
planned), attendance and held."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pendel.activities import events as services
from pendel.activities.factories import ActivityTypeFactory, PlannedActivityFactory
from pendel.activities.models import Event, PlannedActivity, SignUp
from pendel.activities.signups_emails import event_cancelled_send
from pendel.activities.tests.events_builders import baseline, bike_check, event_for, sign_up

DAY = date(2027, 3, 10)


def schedule(world, activity_type, **extra):
    return services.event_schedule(
        actor=world.advisor,
        location=world.location,
        activity_type=activity_type,
        day=extra.pop("day", DAY),
        starts=time(10, 0),
        ends=time(12, 0),
        place="Kantina",
        advisors=[world.advisor],
        capacity=10,
        **extra,
    )


def test_before_any_baseline_was_sent_the_reason_says_so(world):
    with pytest.raises(ValidationError) as refused:
        schedule(world, bike_check())
    assert "no baseline survey has been sent yet" in " ".join(refused.value.messages)
    assert not Event.objects.exists()


def test_while_the_baseline_is_open_the_reason_says_when_it_closes(world):
    wave = baseline(world.location, closed=False, closes_in_days=5)
    with pytest.raises(ValidationError) as refused:
        schedule(world, bike_check())
    closes = wave.closes_on
    message = " ".join(refused.value.messages)
    assert f"closes on {closes.day} {closes:%B} {closes.year}" in message
    assert not Event.objects.exists()


def test_the_survey_itself_may_be_scheduled_before(world):
    survey = ActivityTypeFactory(code="survey", is_survey=True)
    assert schedule(world, survey).status == "scheduled"


def test_once_the_baseline_closed_an_event_is_scheduled_on_the_regions_clock(world):
    baseline(world.location)
    event = schedule(world, bike_check())
    assert event.starts_at == timezone.make_aware(
        timezone.datetime(2027, 3, 10, 9, 0), timezone.get_fixed_timezone(0)
    )  # 10:00 in Oslo in March is 09:00 UTC
    assert list(event.advisors.all()) == [world.advisor]
    assert event.signup_code and len(event.signup_code) >= 16


def test_an_advisor_of_another_region_cannot_be_responsible(world):
    baseline(world.location)
    with pytest.raises(ValidationError):
        services.event_schedule(
            actor=world.advisor,
            location=world.location,
            activity_type=bike_check(),
            day=DAY,
            starts=time(10),
            ends=time(11),
            place="Kantina",
            advisors=[world.other_advisor],
            capacity=None,
        )
    assert not Event.objects.exists()


def test_from_a_planned_activity_the_line_becomes_scheduled_then_held(world):
    baseline(world.location)
    line = PlannedActivityFactory(plan__location=world.location, activity_type=bike_check())
    event = schedule(world, None, planned=line)
    line.refresh_from_db()
    assert (event.activity_type_id, line.status) == (line.activity_type_id, "scheduled")
    with pytest.raises(ValidationError):
        schedule(world, None, planned=line)  # not twice
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    services.event_mark_held(actor=world.advisor, event=event)
    line.refresh_from_db()
    assert line.status == "held"


def test_a_line_of_another_location_is_refused(world):
    baseline(world.location)
    line = PlannedActivityFactory(plan__location=world.fourth_location)
    with pytest.raises(ValidationError):
        schedule(world, None, planned=line)
    assert PlannedActivity.objects.get(pk=line.pk).status == "proposed"


def test_cancelling_mails_everyone_and_puts_the_line_back_to_planned(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    line = PlannedActivityFactory(plan__location=world.location, status="scheduled")
    event = event_for(world.location, capacity=1, planned=line)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(event, 1, language="en")
        sign_up(event, 2, language="en")  # waiting
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(actor=world.advisor, event=event, reason="The hall is flooded")
    assert sorted(m.to[0] for m in mailoutbox) == ["ansatt1@example.com", "ansatt2@example.com"]
    assert all("The reason: The hall is flooded" in m.body for m in mailoutbox)
    line.refresh_from_db()
    assert line.status == "proposed"
    assert SignUp.objects.filter(event=event).exclude(status="cancelled").count() == 0
    # Running the mail task again tells nobody twice.
    assert event_cancelled_send(event_id=event.pk) == 0


def test_a_cancel_without_a_reason_changes_nothing(world):
    event = event_for(world.location)
    with pytest.raises(ValidationError):
        services.event_cancel(actor=world.advisor, event=event, reason="  ")
    event.refresh_from_db()
    assert event.status == "scheduled"


def test_attendance_after_the_event(world, django_capture_on_commit_callbacks):
    event = event_for(world.location)
    with django_capture_on_commit_callbacks(execute=True):
        came, stayed_away = sign_up(event, 1), sign_up(event, 2)
    with pytest.raises(ValidationError):  # not before it began
        services.event_attendance_record(
            actor=world.advisor, event=event, attended_ids=[came.pk], walk_ins=3, outcome_note=""
        )
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(hours=3), ends_at=timezone.now() - timedelta(hours=1)
    )
    services.event_attendance_record(
        actor=world.advisor,
        event=event,
        attended_ids=[str(came.pk)],
        walk_ins=3,
        outcome_note="12 bikes checked",
    )
    event.refresh_from_db()
    assert (event.walk_ins, event.outcome_note) == (3, "12 bikes checked")
    assert SignUp.objects.get(pk=came.pk).attended is True
    assert SignUp.objects.get(pk=stayed_away.pk).attended is False


def test_a_baseline_closed_elsewhere_does_not_count(world):
    baseline(world.fourth_location)  # another workplace's baseline has closed, ours not
    with pytest.raises(ValidationError):
        schedule(world, bike_check())
