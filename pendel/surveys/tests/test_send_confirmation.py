"""Sending a survey or a reminder shows what will happen first, then sends once."""

import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pendel.core.dates import region_today
from pendel.employees.models import Employee
from pendel.surveys.models import Invitation, Wave
from pendel.surveys.tests.conftest import answer, make_employees, make_wave

DIGEST = re.compile(r'name="digest" value="(?P<digest>[0-9a-f]+)"')


def confirm_page(client, name, wave):
    response = client.get(reverse(f"staff:{name}", args=[wave.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    return page, DIGEST.search(page)["digest"]


def test_the_send_page_counts_recipients_and_previews_each_language(client, world, wave, employees):
    make_employees(world.location, 3, start=100, language="nb")
    no_email = make_employees(world.location, 2, start=200, language="en")
    Employee.objects.filter(pk__in=[e.pk for e in no_email]).update(email="")
    ended = make_employees(world.location, 1, start=300, language="en")
    today = region_today(world.location.region)
    Employee.objects.filter(pk=ended[0].pk).update(end_date=today)
    client.force_login(world.advisor)

    page, _digest = confirm_page(client, "survey_wave_dispatch", wave)

    assert "13 employees will get the mail" in page
    assert 'No email address</td><td class="num">2' in page
    assert 'Employment ended</td><td class="num">1' in page
    assert "10 recipients" in page and "3 recipients" in page
    assert "How do you travel to work?" in page  # the English subject
    assert "Hvordan reiser du til jobben?" in page or 'lang="nb"' in page
    assert "/s/" not in page  # a placeholder, never a link that opens a survey
    assert not Invitation.objects.exists()
    assert not Wave.objects.get(pk=wave.pk).is_dispatched


def test_confirming_sends_once_however_often_it_is_posted(
    client, world, wave, employees, django_capture_on_commit_callbacks
):
    client.force_login(world.advisor)
    _page, digest = confirm_page(client, "survey_wave_dispatch", wave)
    url = reverse("staff:survey_wave_dispatch", args=[wave.pk])

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, {"digest": digest}, follow=True)
        second = client.post(url, {"digest": digest}, follow=True)

    assert "The survey has been sent to 10 employees." in first.content.decode()
    assert "has been sent already" in second.content.decode()
    assert Invitation.objects.filter(wave=wave).count() == 10
    assert len(mail.outbox) == 10


def test_a_stale_page_sends_nothing_and_shows_the_new_numbers(client, world, wave, employees):
    client.force_login(world.advisor)
    _page, digest = confirm_page(client, "survey_wave_dispatch", wave)
    make_employees(world.location, 2, start=50, language="en")

    response = client.post(
        reverse("staff:survey_wave_dispatch", args=[wave.pk]), {"digest": digest}
    )

    page = response.content.decode()
    assert "The list has changed" in page
    assert "12 employees will get the mail" in page
    assert not Invitation.objects.exists()


def test_a_post_without_the_confirmation_sends_nothing(client, world, wave, employees):
    client.force_login(world.advisor)
    client.post(reverse("staff:survey_wave_dispatch", args=[wave.pk]))
    assert not Invitation.objects.exists()


def test_the_reminder_page_leaves_out_who_answered_or_ended(
    client, world, sent_wave, invitations, django_capture_on_commit_callbacks
):
    answer(invitations[0])
    answer(invitations[1])
    today = region_today(world.location.region)
    Invitation.objects.filter(pk=invitations[2].pk).update(closed_on=today, closed_reason="ended")
    Invitation.objects.filter(pk=invitations[3].pk).update(undelivered_at=timezone.now())
    client.force_login(world.advisor)
    mail.outbox.clear()

    page, digest = confirm_page(client, "survey_wave_remind", sent_wave)

    assert "6 employees will get the mail" in page
    assert 'Already answered</td><td class="num">2' in page
    assert 'Employment ended</td><td class="num">1' in page
    assert 'Mail could not be delivered</td><td class="num">1' in page
    assert "Reminder: how do you travel to work?" in page
    assert invitations[4].token not in page
    assert mail.outbox == []

    url = reverse("staff:survey_wave_remind", args=[sent_wave.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"digest": digest, "reminder": "1"}, follow=True)
        again = client.post(url, {"digest": digest, "reminder": "1"}, follow=True)

    assert "A reminder is on its way to 6 employees." in response.content.decode()
    assert "has been sent already" in again.content.decode()
    reminded = sorted(m.to[0] for m in mail.outbox)
    assert reminded == sorted(i.email for i in invitations[4:])
    sent_wave.refresh_from_db()
    assert sent_wave.reminder_1_on == today


def test_the_reminder_needs_an_open_survey(client, world, wave):
    client.force_login(world.advisor)
    response = client.get(reverse("staff:survey_wave_remind", args=[wave.pk]), follow=True)
    assert "no reminder left" in response.content.decode()


def test_outsiders_and_the_dual_role_contact_see_no_send_page(client, world, sent_wave):
    """The advisor of another region, and Mari, staff elsewhere and contact person of the
    company whose survey it is: a 404 either way, and nothing is sent."""
    their_own = make_wave(world.third_location)
    make_employees(world.third_location, 5)
    for user, wave in ((world.other_advisor, sent_wave), (world.staff_and_contact, their_own)):
        client.force_login(user)
        for name in ("survey_wave_dispatch", "survey_wave_remind"):
            url = reverse(f"staff:{name}", args=[wave.pk])
            assert client.get(url).status_code == 404
            assert client.post(url, {"digest": "x", "reminder": "1"}).status_code == 404
    assert not Invitation.objects.filter(wave=their_own).exists()
