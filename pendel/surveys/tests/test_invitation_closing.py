"""The surveys' step "invitations close" and its date rule, and what the respondent is
told about the groups taken from the employer's list."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from pendel.core.dates import region_today
from pendel.employees.models import Employee
from pendel.surveys.models import Invitation, Response, SurveySettings, Wave
from pendel.surveys.selectors import rate_of, response_rate, with_rates
from pendel.surveys.services import invitations_close
from pendel.surveys.tests.conftest import dispatch, move_dates
from pendel.surveys.tests.helpers import PAGES


def step_url(invitation, number):
    return reverse("survey:step", args=[invitation.token, number])


def test_dispatch_closes_the_invitations_of_those_leaving_later(
    world, employees, wave, django_capture_on_commit_callbacks
):
    last_day = region_today(world.region) + timedelta(days=4)
    Employee.objects.filter(pk=employees[0].pk).update(end_date=last_day)

    dispatch(wave, world.advisor, django_capture_on_commit_callbacks)

    closing = Invitation.objects.get(wave=wave, employee=employees[0])
    assert (closing.closed_on, closing.closed_reason) == (last_day, "ended")
    assert Invitation.objects.filter(wave=wave, closed_on__isnull=True).count() == 9


def test_closing_keeps_an_earlier_day_and_skips_answered_and_closed_waves(
    world, sent_wave, invitations
):
    today = region_today(world.region)
    ids = [invitation.employee_id for invitation in invitations]
    Invitation.objects.filter(pk=invitations[1].pk).update(answered_at=timezone.now())
    invitations_close(employee_ids=ids[:1], on=today - timedelta(days=1), reason="ended")

    closed = invitations_close(employee_ids=ids[:2], on=today, reason="erased")

    first, second = Invitation.objects.filter(pk__in=[invitations[0].pk, invitations[1].pk])
    assert closed == 0
    assert (first.closed_on, first.closed_reason) == (today - timedelta(days=1), "ended")
    assert second.closed_on is None
    Wave.objects.filter(pk=sent_wave.pk).update(closed_at=timezone.now())
    assert invitations_close(employee_ids=ids[2:], on=today, reason="ended") == 0


def test_the_list_rate_and_the_wave_rate_agree_on_closed_invitations(world, sent_wave, invitations):
    today = region_today(world.region)
    ids = [invitation.employee_id for invitation in invitations]
    invitations_close(employee_ids=ids[:2], on=today, reason="ended")
    invitations_close(employee_ids=ids[2:3], on=today + timedelta(days=1), reason="ended")

    listed = rate_of(with_rates(Wave.objects.filter(pk=sent_wave.pk)).get())

    assert listed == response_rate(sent_wave)
    assert (listed.closed, listed.delivered) == (2, 8)


def test_an_invitation_closed_after_the_close_date_leaves_the_rate_as_it_was(
    world, sent_wave, invitations
):
    sent_wave = move_dates(sent_wave, -20)  # closed five days ago, not yet closed by the task
    before = response_rate(sent_wave)
    invitations_close(
        employee_ids=[invitations[0].employee_id], on=region_today(world.region), reason="ended"
    )
    assert response_rate(sent_wave) == before


def test_the_first_page_says_where_the_groups_come_from_and_who_sees_what(client, invitations):
    SurveySettings.objects.update_or_create(
        region=invitations[0].wave.location.region, defaults={"min_group_size": 7}
    )
    page = client.get(reverse("survey:start", args=[invitations[0].token])).content.decode()

    assert "The link does not say who you are" not in page
    assert "filled in from your employer's employee list" in page
    assert "choose “Prefer not to say”: then no department or age group is stored" in page
    assert "never see one person's answers, only totals for groups of at least 7 people" in page
    assert "What is stored: your answers, with your invitation." in page
    assert "How long: there is no set end date." in page
    assert "closes from your last working day" in page


def test_the_first_page_states_the_floor_when_the_region_sets_less(client, invitations):
    SurveySettings.objects.update_or_create(
        region=invitations[0].wave.location.region, defaults={"min_group_size": 3}
    )
    page = client.get(reverse("survey:start", args=[invitations[0].token])).content.decode()
    assert "groups of at least 5 people" in page


def test_the_groups_are_prefilled_and_can_be_withheld(client, invitations):
    invitation = invitations[0]
    first = client.get(step_url(invitation, 6)).content.decode()
    for number in range(1, 6):
        client.post(step_url(invitation, number), PAGES[number])

    saved = client.post(step_url(invitation, 6), {**PAGES[6], "age_group": "", "department": ""})
    response = Response.objects.get(invitation=invitation)
    again = client.get(reverse("survey:done", args=[invitation.token]))

    assert 'value="35_44" checked' in first and '<option value="Lager" selected>' in first
    assert saved.status_code == 302 and again.status_code == 200
    assert response.submitted_at is not None
    assert (response.age_group, response.department) == ("", "")


def test_a_withheld_group_stays_withheld_on_coming_back(client, invitations):
    invitation = invitations[0]
    client.post(step_url(invitation, 6), {**PAGES[6], "age_group": "", "department": ""})

    page = client.get(step_url(invitation, 6)).content.decode()

    assert 'value="35_44" checked' not in page
    assert '<option value="Lager" selected>' not in page
    assert 'value="" checked> Prefer not to say' in page


def test_the_age_group_is_not_marked_required(client, invitations):
    page = client.get(step_url(invitations[0], 6)).content.decode()
    legend = page.split('id="q-age_group"', 1)[1].split("</legend>", 1)[0]
    assert "(required)" not in legend
