"""Min side: the contact person follows the response rate and reads the results."""

from django.urls import reverse

from pendel.core.tests.assertions import assert_private_download
from pendel.surveys.tests.conftest import answer


def test_the_list_shows_the_live_rate_against_the_threshold(client, world, sent_wave, invitations):
    for invitation in invitations[:8]:
        answer(invitation)
    client.force_login(world.contact)

    page = client.get(reverse("company:survey_list")).content.decode()

    assert "80.0%" in page
    assert "75 %" in page
    assert "met" in page


def test_the_results_page_with_exports(client, world, results_wave):
    client.force_login(world.contact)
    page = client.get(reverse("company:survey_results", args=[results_wave.pk])).content.decode()

    assert "90.0%" in page  # 18 of 20 answered
    assert "50.0%" in page  # car share
    assert reverse("company:survey_export", args=[results_wave.pk, "pdf"]) in page
    xlsx = client.get(reverse("company:survey_export", args=[results_wave.pk, "xlsx"]))
    assert xlsx["Content-Disposition"].endswith('.xlsx"')
    assert_private_download(xlsx)


def test_the_region_choice_is_shown_where_it_changes_a_number(client, world, results_wave):
    from pendel.surveys.models import SurveySettings
    from pendel.surveys.selectors import survey_settings_for

    survey_settings_for(world.region)
    SurveySettings.objects.filter(region=world.region).update(
        count_non_respondents_as_drive_alone=True
    )
    client.force_login(world.contact)
    page = client.get(reverse("company:survey_results", args=[results_wave.pk])).content.decode()

    assert "Car share, non-respondents counted as driving alone" in page
    assert "55.0%" in page
