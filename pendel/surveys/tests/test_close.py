"""Closing: at or above the threshold the membership qualifies; below, one extension."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation

from pendel.companies.models import MembershipEvent
from pendel.core.dates import region_today
from pendel.surveys.due_tasks import survey_reminders_due
from pendel.surveys.models import Invitation, SurveySettings, Wave
from pendel.surveys.selectors import baseline_closed, response_rate, survey_settings_for
from pendel.surveys.services import wave_close, wave_extend
from pendel.surveys.tasks import survey_wave_close_due
from pendel.surveys.tests.conftest import answer, move_dates


def answered(invitations, count):
    for invitation in invitations[:count]:
        answer(invitation)


def test_a_wave_at_the_threshold_qualifies_the_membership(
    world, membership, sent_wave, invitations
):
    answered(invitations, 8)  # 8 of 10 = 80 % ≥ 75 %
    move_dates(sent_wave, -15)

    wave = wave_close(wave=sent_wave, actor=None)

    membership.refresh_from_db()
    assert wave.outcome == Wave.Outcome.QUALIFIED
    assert (wave.threshold_percent, wave.answered_at_close, wave.delivered_at_close) == (75, 8, 10)
    assert membership.status == "qualified"
    event = MembershipEvent.objects.get(membership=membership, to_status="qualified")
    assert event.actor is None
    assert event.note


def test_exactly_the_threshold_is_enough(world, membership, sent_wave, invitations):
    survey_settings_for(world.region)
    SurveySettings.objects.filter(region=world.region).update(baseline_threshold=70)
    answered(invitations, 7)
    move_dates(sent_wave, -15)

    assert wave_close(wave=sent_wave, actor=None).outcome == Wave.Outcome.QUALIFIED


def test_below_the_threshold_nothing_is_qualified(world, membership, sent_wave, invitations):
    answered(invitations, 7)  # 70 % < 75 %
    move_dates(sent_wave, -15)

    wave = wave_close(wave=sent_wave, actor=world.advisor)

    membership.refresh_from_db()
    assert wave.outcome == Wave.Outcome.BELOW
    assert membership.status == "active"
    assert not MembershipEvent.objects.filter(membership=membership).exists()


def test_a_membership_only_approved_is_not_qualified(world, membership, sent_wave, invitations):
    membership.status = "approved"
    membership.save(update_fields=["status"])
    answered(invitations, 9)
    move_dates(sent_wave, -15)

    wave = wave_close(wave=sent_wave, actor=None)

    membership.refresh_from_db()
    assert wave.outcome == Wave.Outcome.MET
    with translation.override(world.region.default_language):  # notes use the region's language
        expected = translation.gettext("Threshold met, but the membership is not active yet.")
    assert wave.outcome_note == expected
    assert membership.status == "approved"


def test_undelivered_invitations_do_not_count(world, membership, sent_wave, invitations):
    answered(invitations, 6)
    Invitation.objects.filter(pk__in=[i.pk for i in invitations[8:]]).update(
        undelivered_at=timezone.now()
    )
    rate = response_rate(sent_wave)
    assert (rate.invited, rate.delivered, rate.answered, rate.percent) == (10, 8, 6, 75.0)
    move_dates(sent_wave, -15)

    assert wave_close(wave=sent_wave, actor=None).outcome == Wave.Outcome.QUALIFIED


def test_follow_up_surveys_use_their_own_threshold(world, membership, sent_wave, invitations):
    Wave.objects.filter(pk=sent_wave.pk).update(kind=Wave.Kind.FOLLOW_UP)
    answered(invitations, 6)  # 60 % meets the yearly 60 %
    move_dates(sent_wave, -15)
    assert wave_close(wave=sent_wave, actor=None).outcome == Wave.Outcome.QUALIFIED


def test_a_wave_closes_only_after_its_close_date(world, sent_wave):
    with pytest.raises(ValidationError, match="after its close date"):
        wave_close(wave=sent_wave, actor=world.advisor)
    sent_wave.refresh_from_db()
    assert sent_wave.closed_at is None


def test_the_close_task_closes_a_due_wave_once(world, membership, sent_wave, invitations):
    answered(invitations, 8)
    move_dates(sent_wave, -15)

    survey_wave_close_due.enqueue(wave_id=sent_wave.pk)
    first = Wave.objects.get(pk=sent_wave.pk).closed_at
    survey_wave_close_due.enqueue(wave_id=sent_wave.pk)

    assert first is not None
    assert Wave.objects.get(pk=sent_wave.pk).closed_at == first
    assert MembershipEvent.objects.filter(membership=membership).count() == 1


def test_the_close_task_leaves_a_wave_that_is_not_due(sent_wave):
    survey_wave_close_due.enqueue(wave_id=sent_wave.pk)
    assert Wave.objects.get(pk=sent_wave.pk).closed_at is None


def test_the_catch_up_command_closes_due_waves(sent_wave, other_wave):
    move_dates(sent_wave, -15)
    call_command("surveys_run_due", verbosity=0)
    assert Wave.objects.get(pk=sent_wave.pk).is_closed
    assert not Wave.objects.get(pk=other_wave.pk).is_closed


def test_baseline_closed_is_the_rule_for_other_activities(world, sent_wave):
    assert baseline_closed(world.location) is False
    move_dates(sent_wave, -15)
    wave_close(wave=sent_wave, actor=None)
    assert baseline_closed(world.location) is True
    assert baseline_closed(world.other_location) is False


def test_a_wave_below_the_threshold_can_be_extended_once(world, sent_wave, invitations):
    answered(invitations, 2)
    move_dates(sent_wave, -15)
    wave_close(wave=sent_wave, actor=None)
    today = region_today(world.region)

    wave = wave_extend(
        wave=sent_wave,
        closes_on=today + timedelta(days=10),
        reminder_on=today,
        actor=world.advisor,
    )

    assert wave.closed_at is None and wave.outcome == ""
    assert wave.closes_on == today + timedelta(days=10)
    assert wave.original_closes_on == today - timedelta(days=1)
    assert wave.accepts_answers_on(today)
    with pytest.raises(ValidationError, match="only once"):
        wave_extend(
            wave=wave, closes_on=today + timedelta(days=20), reminder_on=None, actor=world.advisor
        )
    wave.refresh_from_db()
    assert wave.closes_on == today + timedelta(days=10)


def test_the_extension_sends_one_more_reminder_to_the_silent(world, sent_wave, invitations):
    answered(invitations, 2)
    move_dates(sent_wave, -15)
    today = region_today(world.region)
    wave_extend(
        wave=sent_wave, closes_on=today + timedelta(days=7), reminder_on=today, actor=world.advisor
    )
    mail.outbox.clear()

    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=3)

    assert len(mail.outbox) == 8
    assert Invitation.objects.filter(reminder_3_sent_at__isnull=False).count() == 8


def test_a_wave_that_met_its_threshold_is_not_extended(world, sent_wave, invitations):
    answered(invitations, 8)
    today = region_today(world.region)
    with pytest.raises(ValidationError, match="reached its threshold"):
        wave_extend(
            wave=sent_wave, closes_on=today + timedelta(days=30), reminder_on=None, actor=None
        )


def test_the_new_close_date_must_be_later(world, sent_wave):
    with pytest.raises(ValidationError):
        wave_extend(wave=sent_wave, closes_on=sent_wave.closes_on, reminder_on=None, actor=None)
    assert not Wave.objects.get(pk=sent_wave.pk).is_extended
