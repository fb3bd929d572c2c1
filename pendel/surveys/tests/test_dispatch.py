"""Dispatch freezes the employee list as invitations and queues the mail in batches."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from pendel.employees.models import Employee
from pendel.surveys import mailing
from pendel.surveys.models import Invitation, Question, Wave
from pendel.surveys.selectors import invitation_for_token
from pendel.surveys.sending import mail_send_batch
from pendel.surveys.services import wave_dispatch
from pendel.surveys.tests.conftest import dispatch, make_employees, make_wave
from pendel.surveys.tests.helpers import mailed_token


class RefusingBackend(EmailBackend):
    """Refuses addresses with "bounce" in them, as an SMTP server would."""

    def send_messages(self, messages):
        for message in messages:
            if any("bounce" in address for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user")})
        return super().send_messages(messages)


class BrokenBackend(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("gone")


def test_one_invitation_per_active_employee_with_an_email(world, wave, employees):
    today = timezone.localdate()
    make_employees(world.location, 1, start=100, end_date=today - timedelta(days=1))
    make_employees(world.location, 1, start=200, erased_at=timezone.now())
    Employee.objects.create(location=world.location, first_name="Uten", email="")
    make_employees(world.other_location, 3, start=300)

    count = wave_dispatch(wave=wave, actor=world.advisor)

    assert count == 10
    assert set(Invitation.objects.filter(wave=wave).values_list("employee_id", flat=True)) == {
        employee.pk for employee in employees
    }


def test_the_invitation_copies_what_the_survey_needs(world, wave):
    Employee.objects.create(
        location=world.location,
        email="ann@fisk.example.com",
        language="sv",
        department="Kontor",
        age_group="25_34",
    )
    Employee.objects.create(location=world.location, email="bo@fisk.example.com")

    wave_dispatch(wave=wave, actor=world.advisor)

    rows = dict(Invitation.objects.values_list("email", "language"))
    assert rows == {"ann@fisk.example.com": "sv", "bo@fisk.example.com": "nb"}
    ann = Invitation.objects.get(email="ann@fisk.example.com")
    assert (ann.department, ann.age_group, ann.location_id) == (
        "Kontor",
        "25_34",
        world.location.pk,
    )


def test_dispatch_freezes_template_departments_and_region_questions(
    world, wave, employees, standard_template
):
    Employee.objects.filter(pk=employees[0].pk).update(department="Kontor")
    asked = Question.objects.create(region=world.region, kind="text", text={"nb": "Hvorfor?"})
    Question.objects.create(
        region=world.region, kind="text", text={"nb": "Gammel"}, is_active=False
    )

    wave_dispatch(wave=wave, actor=world.advisor)
    wave.refresh_from_db()

    assert wave.template_version == standard_template
    assert wave.departments == ["Kontor", "Lager"]
    assert list(wave.region_questions.all()) == [asked]
    assert wave.dispatched_by == world.advisor


def test_the_list_stays_as_it_was(world, sent_wave):
    make_employees(world.location, 5, start=500)
    assert Invitation.objects.filter(wave=sent_wave).count() == 10


def test_dispatch_takes_a_constant_number_of_queries(
    world, django_assert_max_num_queries, django_assert_num_queries
):
    make_employees(world.location, 50, start=1000)
    small = make_wave(world.location)
    with django_assert_max_num_queries(14) as captured:
        wave_dispatch(wave=small, actor=world.advisor)
    small_count = len(captured.captured_queries)
    Wave.objects.filter(pk=small.pk).update(closed_at=timezone.now())

    make_employees(world.location, 450, start=2000)
    large = make_wave(world.location)
    with django_assert_num_queries(small_count):
        assert wave_dispatch(wave=large, actor=world.advisor) == 500


def test_mail_goes_out_in_each_employees_language(world, wave, django_capture_on_commit_callbacks):
    Employee.objects.create(location=world.location, email="ola@fisk.example.com")
    Employee.objects.create(location=world.location, email="jan@fisk.example.com", language="nl")
    dispatch(wave, world.advisor, django_capture_on_commit_callbacks)

    by_address = {message.to[0]: message for message in mail.outbox}
    ola = Invitation.objects.get(email="ola@fisk.example.com")
    assert "Hvordan reiser du til jobben" in by_address["ola@fisk.example.com"].subject or (
        by_address["ola@fisk.example.com"].subject.startswith("How do you travel")
    )
    # The link in the mail opens Ola's invitation.
    assert invitation_for_token(mailed_token(ola)).pk == ola.pk
    assert Invitation.objects.filter(sent_at__isnull=False).count() == 2


def test_a_refused_address_marks_the_invitation_undelivered(
    world, wave, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "pendel.surveys.tests.test_dispatch.RefusingBackend"
    make_employees(world.location, 3)
    Employee.objects.create(location=world.location, email="bounce@fisk.example.com")

    dispatch(wave, world.advisor, django_capture_on_commit_callbacks)

    bounced = Invitation.objects.get(email="bounce@fisk.example.com")
    assert bounced.undelivered_at is not None
    assert "550" in bounced.undelivered_reason
    assert len(mail.outbox) == 3


def test_a_broken_mail_server_gives_the_claim_back(world, sent_wave, settings):
    invitation = Invitation.objects.filter(wave=sent_wave).first()
    Invitation.objects.filter(pk=invitation.pk).update(sent_at=None)
    settings.EMAIL_BACKEND = "pendel.surveys.tests.test_dispatch.BrokenBackend"

    with pytest.raises(smtplib.SMTPServerDisconnected):
        mail_send_batch(wave_id=sent_wave.pk, first_id=invitation.pk, last_id=invitation.pk)

    invitation.refresh_from_db()
    assert invitation.sent_at is None


def test_sending_a_batch_again_sends_nothing_twice(sent_wave, invitations):
    first, last = invitations[0].pk, invitations[-1].pk
    assert len(mail.outbox) == 10
    assert mail_send_batch(wave_id=sent_wave.pk, first_id=first, last_id=last) == 0
    assert len(mail.outbox) == 10


def test_mail_is_queued_in_batches_spread_over_time(world, wave, monkeypatch, settings):
    settings.SURVEY_MAIL_PER_MINUTE = 60
    settings.SURVEY_MAIL_BATCH_SIZE = 500
    make_employees(world.location, 130)
    calls = []
    monkeypatch.setattr(mailing, "enqueue_at", lambda task, when, **kw: calls.append((when, kw)))
    wave_dispatch(wave=wave, actor=world.advisor)

    start = timezone.now()
    assert mailing.mail_enqueue(wave=wave, start=start) == 3  # 60 a batch: 60 + 60 + 10
    gaps = [
        (later[0] - earlier[0]).total_seconds()
        for earlier, later in zip(calls, calls[1:], strict=False)
    ]
    assert gaps == [60.0, 60.0]
    assert [kw["last_id"] - kw["first_id"] + 1 for _when, kw in calls] == [60, 60, 10]


def test_a_wave_is_dispatched_once(world, sent_wave):
    with pytest.raises(ValidationError, match="sent already"):
        wave_dispatch(wave=sent_wave, actor=world.advisor)
    assert Invitation.objects.filter(wave=sent_wave).count() == 10


def test_a_follow_up_waits_for_the_baseline_to_close(world, employees):
    follow_up = make_wave(world.location, kind=Wave.Kind.FOLLOW_UP)
    with pytest.raises(ValidationError, match="after the baseline survey has closed"):
        wave_dispatch(wave=follow_up, actor=world.advisor)
    assert not Invitation.objects.exists()


def test_one_running_survey_per_location(world, sent_wave):
    second = make_wave(world.location)
    with pytest.raises(ValidationError, match="still running"):
        wave_dispatch(wave=second, actor=world.advisor)


def test_nobody_to_invite_is_refused(world, wave):
    with pytest.raises(ValidationError, match="Nobody to invite"):
        wave_dispatch(wave=wave, actor=world.advisor)
    wave.refresh_from_db()
    assert wave.dispatched_at is None
