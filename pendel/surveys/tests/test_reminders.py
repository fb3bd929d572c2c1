"""Reminders go to those who have not answered, on their day, once."""

from datetime import date

from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from pendel.surveys.due_tasks import survey_reminders_due
from pendel.surveys.models import Invitation, Wave
from pendel.surveys.selectors import invitation_for_token
from pendel.surveys.sending import _claim
from pendel.surveys.tests.conftest import answer, move_dates
from pendel.surveys.tests.helpers import mailed_token

TODAY = date(2026, 1, 15)


def reminder_recipients() -> list[str]:
    return sorted(m.to[0] for m in mail.outbox if m.subject.startswith("Reminder"))


def test_reminders_skip_those_who_answered_and_are_never_sent_twice(sent_wave, invitations):
    answer(invitations[0])
    answer(invitations[1])
    move_dates(sent_wave, -3)  # the first reminder is due today
    mail.outbox.clear()

    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=1)
    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=1)

    expected = sorted(invitation.email for invitation in invitations[2:])
    assert reminder_recipients() == expected
    assert Invitation.objects.filter(reminder_1_sent_at__isnull=False).count() == 8


def test_reminders_skip_undelivered_invitations(sent_wave, invitations):
    Invitation.objects.filter(pk=invitations[0].pk).update(undelivered_at=timezone.now())
    move_dates(sent_wave, -3)
    mail.outbox.clear()

    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=1)

    assert invitations[0].email not in reminder_recipients()
    assert len(reminder_recipients()) == 9


def test_a_reminder_waits_for_its_day(sent_wave):
    mail.outbox.clear()
    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=1)
    assert reminder_recipients() == []


def test_no_reminders_after_the_close_date(sent_wave):
    move_dates(sent_wave, -20)
    mail.outbox.clear()
    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=2)
    assert reminder_recipients() == []


def test_the_second_reminder_goes_to_those_still_silent(sent_wave, invitations):
    move_dates(sent_wave, -7)
    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=1)
    answer(invitations[5])
    mail.outbox.clear()

    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=2)

    assert len(reminder_recipients()) == 9
    assert invitations[5].email not in reminder_recipients()


def test_the_claim_fails_for_someone_who_answered_meanwhile(invitations):
    answer(invitations[0])
    assert _claim(invitations[0].pk, 1, TODAY) is False
    assert _claim(invitations[1].pk, 1, TODAY) is True
    assert _claim(invitations[1].pk, 1, TODAY) is False


def test_the_reminder_is_in_the_invitations_language(sent_wave, invitations):
    sent_wave = move_dates(sent_wave, 0)
    Invitation.objects.filter(pk=invitations[0].pk).update(language="sv")
    move_dates(sent_wave, -3)
    mail.outbox.clear()
    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=1)

    swedish = next(m for m in mail.outbox if m.to == [invitations[0].email])
    # A fresh link; the one in the first invitation mail keeps working too.
    fresh = mailed_token(invitations[0])
    assert f"/s/{fresh}/" in swedish.body
    assert fresh != invitations[0].token
    assert invitation_for_token(fresh).pk == invitation_for_token(invitations[0].token).pk
    with translation.override("sv"):
        assert date_format(sent_wave.closes_on, "DATE_FORMAT") in swedish.body


def test_a_closed_wave_sends_no_reminders(sent_wave):
    move_dates(sent_wave, -3)
    Wave.objects.filter(pk=sent_wave.pk).update(closed_at=timezone.now())
    mail.outbox.clear()
    survey_reminders_due.enqueue(wave_id=sent_wave.pk, reminder=1)
    assert mail.outbox == []
