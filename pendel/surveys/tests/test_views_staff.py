"""The back office's survey pages, used as an advisor would."""

import re
from datetime import timedelta

from django.urls import reverse

from pendel.companies.factories import LocationFactory
from pendel.core.dates import region_today
from pendel.surveys.models import Invitation, Question, SurveySettings, Wave
from pendel.surveys.tests.conftest import answer, move_dates


def test_an_advisor_creates_a_wave_with_reminders(client, world):
    client.force_login(world.advisor)
    today = region_today(world.region)
    response = client.post(
        reverse("staff:survey_wave_create"),
        {
            "location": world.location.pk,
            "kind": "baseline",
            "opens_on": today.isoformat(),
            "closes_on": (today + timedelta(days=21)).isoformat(),
            "reminder_1_days": "7",
            "reminder_2_days": "14",
        },
    )
    wave = Wave.objects.get()
    assert response["Location"] == reverse("staff:survey_wave_detail", args=[wave.pk])
    assert (wave.reminder_1_on, wave.reminder_2_on) == (
        today + timedelta(days=7),
        today + timedelta(days=14),
    )


def test_a_wave_for_every_location_of_the_organisation(client, world):
    LocationFactory(organisation=world.company, region=world.region, name="Sarpsborg")
    LocationFactory(organisation=world.company, region=world.other_region, name="Enschede")
    client.force_login(world.advisor)
    today = region_today(world.region)
    client.post(
        reverse("staff:survey_wave_create"),
        {
            "location": world.location.pk,
            "whole_organisation": "on",
            "kind": "baseline",
            "opens_on": today.isoformat(),
            "closes_on": (today + timedelta(days=21)).isoformat(),
        },
    )
    # The advisor manages the two locations in their region, not the one in Overijssel.
    assert sorted(Wave.objects.values_list("location__name", flat=True)) == [
        "Fredrikstad",
        "Sarpsborg",
    ]


def test_a_reminder_after_the_close_date_is_refused(client, world):
    client.force_login(world.advisor)
    today = region_today(world.region)
    response = client.post(
        reverse("staff:survey_wave_create"),
        {
            "location": world.location.pk,
            "kind": "baseline",
            "opens_on": today.isoformat(),
            "closes_on": (today + timedelta(days=5)).isoformat(),
            "reminder_1_days": "7",
        },
    )
    assert "after the survey has closed" in response.content.decode()
    assert not Wave.objects.exists()


def test_send_from_the_detail_page(client, world, wave, employees):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:survey_wave_detail", args=[wave.pk])).content.decode()
    assert "Send the survey" in page

    confirm = client.get(reverse("staff:survey_wave_dispatch", args=[wave.pk])).content.decode()
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', confirm)[1]
    response = client.post(
        reverse("staff:survey_wave_dispatch", args=[wave.pk]), {"digest": digest}, follow=True
    )

    assert "The survey has been sent to 10 employees." in response.content.decode()
    assert Invitation.objects.filter(wave=wave).count() == 10


def test_the_detail_page_shows_the_live_rate_against_the_threshold(
    client, world, sent_wave, invitations
):
    for invitation in invitations[:3]:
        answer(invitation)
    client.force_login(world.advisor)
    page = client.get(reverse("staff:survey_wave_detail", args=[sent_wave.pk])).content.decode()

    assert "30.0%" in page
    assert "threshold 75 %" in page
    assert "Below the threshold" in page
    assert "5 more answers reach the threshold." in page
    assert invitations[0].email in page
    assert invitations[0].token not in page


def test_close_and_extend_from_the_pages(client, world, membership, sent_wave, invitations):
    answer(invitations[0])
    client.force_login(world.advisor)
    early = client.post(reverse("staff:survey_wave_close", args=[sent_wave.pk]), follow=True)
    assert "can be closed after its close date" in early.content.decode()

    move_dates(sent_wave, -15)
    closed = client.post(reverse("staff:survey_wave_close", args=[sent_wave.pk]), follow=True)
    assert "below the threshold" in closed.content.decode()

    new_close = region_today(world.region) + timedelta(days=7)
    client.post(
        reverse("staff:survey_wave_extend", args=[sent_wave.pk]),
        {"closes_on": new_close.isoformat(), "reminder_on": ""},
    )
    sent_wave.refresh_from_db()
    assert sent_wave.is_extended and not sent_wave.is_closed and sent_wave.closes_on == new_close
    again = client.post(
        reverse("staff:survey_wave_extend", args=[sent_wave.pk]),
        {"closes_on": (new_close + timedelta(days=7)).isoformat()},
    )
    assert "can be extended only once" in again.content.decode()


def test_mark_addresses_undelivered(client, world, sent_wave, invitations):
    client.force_login(world.advisor)
    addresses = f"{invitations[0].email.upper()}\n{invitations[1].email}\nnobody@x.example.com"
    response = client.post(
        reverse("staff:survey_wave_undelivered", args=[sent_wave.pk]),
        {"emails": addresses, "reason": "Bounced"},
        follow=True,
    )
    assert "2 invitations are marked as undelivered." in response.content.decode()
    assert Invitation.objects.filter(undelivered_at__isnull=False).count() == 2
    bad = client.post(
        reverse("staff:survey_wave_undelivered", args=[sent_wave.pk]), {"emails": "not-an-email"}
    )
    assert bad.status_code == 302
    assert Invitation.objects.filter(undelivered_at__isnull=False).count() == 2


def test_a_draft_can_be_deleted_a_sent_wave_cannot(client, world, wave, sent_wave):
    client.force_login(world.advisor)
    client.post(reverse("staff:survey_wave_delete", args=[sent_wave.pk]))
    assert Wave.objects.filter(pk=sent_wave.pk).exists()


def test_the_results_page_has_charts_tables_and_exports(client, world, results_wave):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:survey_wave_results", args=[results_wave.pk])).content.decode()

    assert page.count("<svg") >= 5
    assert 'role="img"' in page and "<caption" in page
    assert reverse("staff:survey_wave_export", args=[results_wave.pk, "xlsx"]) in page
    assert "50.0%" in page  # the car share


def test_the_location_page_shows_the_trend(client, world, results_wave):
    client.force_login(world.advisor)
    url = reverse("staff:survey_location_results", args=[world.location.pk])
    page = client.get(url).content.decode()
    assert "Car share survey by survey" in page
    assert "50.0%" in page


def test_region_settings_have_defaults_and_can_be_changed(client, world):
    client.force_login(world.advisor)
    url = reverse("staff:survey_settings", args=[world.region.slug])
    page = client.get(url).content.decode()
    settings = SurveySettings.objects.get(region=world.region)
    assert (settings.baseline_threshold, settings.follow_up_threshold) == (75, 60)
    assert (settings.min_group_size, settings.count_non_respondents_as_drive_alone) == (5, False)
    assert 'value="75"' in page

    too_small = client.post(
        url, {"baseline_threshold": 70, "follow_up_threshold": 60, "min_group_size": 4}
    )
    assert too_small.status_code == 200
    client.post(
        url,
        {
            "baseline_threshold": 80,
            "follow_up_threshold": 65,
            "min_group_size": 7,
            "count_non_respondents_as_drive_alone": "on",
        },
    )
    settings.refresh_from_db()
    assert (settings.baseline_threshold, settings.min_group_size) == (80, 7)
    assert settings.count_non_respondents_as_drive_alone


def test_the_region_adds_and_retires_its_own_question(
    client, world, employees, django_capture_on_commit_callbacks
):
    from pendel.surveys.tests.conftest import dispatch, make_wave

    client.force_login(world.advisor)
    slug = world.region.slug
    client.post(
        reverse("staff:survey_region_question_create", args=[slug]),
        {
            "kind": "single",
            "required": "on",
            "position": "1",
            "text_nb": "Bruker du bysykkel?",
            "text_en": "Do you use the city bikes?",
            "options_nb": "Ja\nNei",
            "options_en": "Yes\nNo",
        },
    )
    question = Question.objects.get(region=world.region)
    assert question.options == [
        {"value": "1", "label": {"nb": "Ja", "en": "Yes"}},
        {"value": "2", "label": {"nb": "Nei", "en": "No"}},
    ]
    dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)

    refused = client.post(
        reverse("staff:survey_region_question_edit", args=[slug, question.pk]),
        {"kind": "text", "position": "1", "text_nb": "Endret"},
    )
    assert "cannot change" in refused.content.decode()
    client.post(reverse("staff:survey_region_question_retire", args=[slug, question.pk]))
    question.refresh_from_db()
    assert (question.text["nb"], question.is_active) == ("Bruker du bysykkel?", False)


def test_a_choice_question_needs_options(client, world):
    client.force_login(world.advisor)
    response = client.post(
        reverse("staff:survey_region_question_create", args=[world.region.slug]),
        {"kind": "multiple", "position": "1", "text_nb": "Hva?", "options_nb": "Bare én"},
    )
    assert "at least two options" in response.content.decode()
    assert not Question.objects.filter(region=world.region).exists()


def test_region_results_page_filters_by_year_and_kind(client, world, results_wave):
    client.force_login(world.advisor)
    url = reverse("staff:survey_region_results", args=[world.region.slug])
    this_year = client.get(url, {"year": results_wave.opens_on.year}).content.decode()
    follow_ups = client.get(url, {"kind": "follow_up"}).content.decode()
    assert "50.0%" in this_year
    assert "50.0%" not in follow_ups
