"""Invitations follow the employee list: ending or erasing someone closes their open survey
invitation (from the last working day, or today), through the people orchestrator."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from pendel.core.dates import region_today
from pendel.employees.services import employee_import_prepare
from pendel.employees.tests.files import csv_upload
from pendel.people.services import employee_import_apply, employment_end, personal_data_erase
from pendel.surveys.due_tasks import survey_reminders_due
from pendel.surveys.models import Invitation, Response
from pendel.surveys.selectors import response_rate
from pendel.surveys.sending import mail_send_batch, pending
from pendel.surveys.services import template_seed_standard
from pendel.surveys.tests import conftest as surveys
from pendel.surveys.tests.helpers import PAGES, answer_all, with_mailed_tokens

CLOSED = "This survey is closed for you"


@pytest.fixture
def people(world):
    template_seed_standard()
    return surveys.make_employees(
        world.location, 10, department="Lager", age_group="35_44", language="en"
    )


@pytest.fixture
def wave(world, people, django_capture_on_commit_callbacks):
    return surveys.dispatch(
        surveys.make_wave(world.location), world.advisor, django_capture_on_commit_callbacks
    )


def invitation_of(wave, person) -> Invitation:
    """The person's invitation, with the token of the link mailed to them."""
    (invitation,) = with_mailed_tokens([Invitation.objects.get(wave=wave, employee=person)])
    return invitation


def start(client, invitation):
    return client.get(reverse("survey:start", args=[invitation.token]))


def reminded() -> set[str]:
    return {m.to[0] for m in mail.outbox if m.subject.startswith("Reminder")}


def test_an_ended_employees_link_shows_the_closed_page_and_takes_no_answers(
    client, world, wave, people
):
    invitation = invitation_of(wave, people[0])
    today = region_today(world.region)
    employment_end(employee=people[0], actor=world.contact, end_date=today)

    page = start(client, invitation).content.decode()
    posted = client.post(reverse("survey:step", args=[invitation.token, 1]), PAGES[1])

    assert CLOSED in page and "Start the survey" not in page
    assert posted.status_code == 409 and CLOSED in posted.content.decode()
    assert not Response.objects.filter(invitation=invitation).exists()
    assert CLOSED not in start(client, invitation_of(wave, people[1])).content.decode()


def test_the_closed_page_is_translated(client, world, wave, people):
    invitation = invitation_of(wave, people[0])
    Invitation.objects.filter(pk=invitation.pk).update(language="nb")
    employment_end(employee=people[0], actor=world.contact, end_date=region_today(world.region))

    page = start(client, invitation).content.decode()

    assert "Denne undersøkelsen er stengt for deg" in page
    assert '<html lang="nb"' in page


def test_a_future_end_date_closes_the_invitation_from_that_day(client, world, wave, people):
    invitation = invitation_of(wave, people[0])
    last_day = region_today(world.region) + timedelta(days=2)
    employment_end(employee=people[0], actor=world.contact, end_date=last_day)

    assert CLOSED not in start(client, invitation).content.decode()
    assert response_rate(wave).closed == 0
    with freeze_time(last_day + timedelta(hours=12)):
        assert CLOSED in start(client, invitation).content.decode()
        assert response_rate(wave).closed == 1


def test_a_page_opened_before_the_end_cannot_be_sent_after_it(client, world, wave, people):
    invitation = invitation_of(wave, people[0])
    url = reverse("survey:step", args=[invitation.token, 1])
    assert client.post(url, PAGES[1]).status_code == 302
    employment_end(employee=people[0], actor=world.contact, end_date=region_today(world.region))

    posted = client.post(reverse("survey:step", args=[invitation.token, 2]), PAGES[2])

    assert posted.status_code == 409 and CLOSED in posted.content.decode()
    invitation.refresh_from_db()
    assert invitation.answered_at is None


def test_an_erased_employees_link_shows_the_closed_page_without_their_department(
    client, world, wave, people
):
    invitation = invitation_of(wave, people[0])
    personal_data_erase(employee=people[0], actor=world.contact)

    page = start(client, invitation).content.decode()
    step = client.get(reverse("survey:step", args=[invitation.token, 6])).content.decode()

    assert CLOSED in page and CLOSED in step
    assert "Lager" not in page and "Lager" not in step
    invitation.refresh_from_db()
    assert (invitation.department, invitation.age_group, invitation.email) == ("", "", "")
    assert invitation.closed_reason == "erased"


def test_answers_given_before_the_end_stay_and_count(client, world, wave, people):
    answered = invitation_of(wave, people[0])
    answer_all(client, answered.token)
    employment_end(employee=people[0], actor=world.contact, end_date=region_today(world.region))
    personal_data_erase(employee=people[0], actor=world.contact)

    answered.refresh_from_db()
    rate = response_rate(wave)
    assert answered.closed_on is None and answered.answered_at is not None
    assert Response.objects.get(invitation=answered).submitted_at is not None
    assert (rate.answered, rate.closed, rate.delivered) == (1, 0, 10)
    assert "You have answered already" in start(client, answered).content.decode()


def test_an_import_that_leaves_someone_out_closes_their_invitation(client, world, wave, people):
    kept = "".join(f"{p.first_name};Test;{p.email}\n" for p in people[1:])
    upload = csv_upload(f"Fornavn;Etternavn;E-post\n{kept}")
    prepared = employee_import_prepare(location=world.location, actor=world.contact, upload=upload)
    employee_import_apply(employee_import=prepared, actor=world.contact)

    left = invitation_of(wave, people[0])
    assert (left.closed_on, left.closed_reason) == (region_today(world.region), "ended")
    assert CLOSED in start(client, left).content.decode()
    assert Invitation.objects.filter(wave=wave, closed_on__isnull=False).count() == 1


def test_no_reminder_goes_to_ended_or_erased_employees(world, wave, people):
    today = region_today(world.region)
    employment_end(employee=people[0], actor=world.contact, end_date=today)
    personal_data_erase(employee=people[1], actor=world.contact)
    employment_end(employee=people[2], actor=world.contact, end_date=today + timedelta(days=5))
    surveys.move_dates(wave, -3)  # the first reminder is due today
    mail.outbox.clear()

    survey_reminders_due.enqueue(wave_id=wave.pk, reminder=1)

    assert people[0].email not in reminded()
    assert len(reminded()) == 8  # the erased one has no address; the future leaver still gets it
    assert people[2].email in reminded()


def test_a_reminder_batch_queued_before_the_end_skips_them_when_it_runs(world, wave, people):
    """The batch reads the invitations again when it runs, and claims each one."""
    surveys.move_dates(wave, -3)
    queued = list(pending(wave.pk, 1).values_list("id", flat=True))
    employment_end(employee=people[0], actor=world.contact, end_date=region_today(world.region))
    mail.outbox.clear()

    mail_send_batch(wave_id=wave.pk, first_id=min(queued), last_id=max(queued), reminder=1)

    assert len(queued) == 10
    assert people[0].email not in reminded()
    assert len(reminded()) == 9


def test_the_rate_shows_the_closed_invitations_apart(client, world, wave, people):
    for invitation in with_mailed_tokens(
        Invitation.objects.filter(wave=wave, employee__in=people[3:5])
    ):
        answer_all(client, invitation.token)
    today = region_today(world.region)
    employment_end(employee=people[0], actor=world.contact, end_date=today)
    personal_data_erase(employee=people[1], actor=world.contact)
    employment_end(employee=people[2], actor=world.contact, end_date=today + timedelta(days=3))

    rate = response_rate(wave)
    client.force_login(world.contact)
    company_list = client.get(reverse("company:survey_list")).content.decode()
    company_results = client.get(reverse("company:survey_results", args=[wave.pk])).content
    client.force_login(world.advisor)
    staff_detail = client.get(reverse("staff:survey_wave_detail", args=[wave.pk])).content
    staff_list = client.get(reverse("staff:survey_wave_list")).content.decode()

    assert (rate.invited, rate.closed, rate.delivered, rate.answered) == (10, 2, 8, 2)
    assert rate.percent == 25.0
    sentence = "2 invitations were closed because the employees left or their data was erased"
    assert sentence in company_results.decode() and sentence in staff_detail.decode()
    assert "(2 of 8 delivered invitations answered)" in staff_detail.decode()
    for page in (company_list, staff_list):
        assert "(2/8)" in page and "2 invitations closed (left or erased)" in page


def _form_data(person, **changes) -> dict:
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "department": person.department,
        "age_group": person.age_group,
        "language": person.language,
    }
    return {**data, **changes}


def test_an_end_date_set_in_the_employee_form_closes_the_invitation(client, world, wave, people):
    today = region_today(world.region)
    client.force_login(world.contact)
    url = reverse("company:employee_edit", args=[people[0].pk])

    saved = client.post(url, _form_data(people[0], end_date=today.isoformat()))
    moved = client.post(
        reverse("company:employee_edit", args=[people[1].pk]),
        _form_data(people[1], end_date=(today + timedelta(days=4)).isoformat()),
    )

    left, leaving = invitation_of(wave, people[0]), invitation_of(wave, people[1])
    assert saved.status_code == moved.status_code == 302
    assert (left.closed_on, left.closed_reason) == (today, "ended")
    assert (leaving.closed_on, leaving.closed_reason) == (today + timedelta(days=4), "ended")
    assert CLOSED in start(client, left).content.decode()
    assert response_rate(wave).closed == 1  # the future leaver still counts until that day


def test_saving_the_form_without_an_end_date_closes_nothing(client, world, wave, people):
    client.force_login(world.contact)
    url = reverse("company:employee_edit", args=[people[0].pk])

    saved = client.post(url, _form_data(people[0], department="Salg"))

    assert saved.status_code == 302
    assert not Invitation.objects.filter(wave=wave, closed_on__isnull=False).exists()
