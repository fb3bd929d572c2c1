"""The employee answers from the link: plain HTML forms, one response per token."""

from django.urls import reverse
from django.utils import translation

from pendel.surveys.models import Invitation, Question, Response, ResponseChoice
from pendel.surveys.tests.conftest import make_wave, move_dates
from pendel.surveys.tests.helpers import PAGES, answer_all, with_mailed_tokens


def step_url(invitation, number):
    return reverse("survey:step", args=[invitation.token, number])


def test_a_token_opens_its_own_survey_and_nothing_else(client, invitations, other_wave):
    mine = invitations[0]
    page = client.get(reverse("survey:start", args=[mine.token])).content.decode()

    assert "Fredrikstad Fisk AS" in page
    assert "Twentse Tegels" not in page
    (other,) = with_mailed_tokens(Invitation.objects.filter(wave=other_wave)[:1])
    assert (
        "Twentse Tegels" in client.get(reverse("survey:start", args=[other.token])).content.decode()
    )


def test_tokens_are_long_random_and_unique(invitations):
    tokens = {invitation.token for invitation in invitations}
    assert len(tokens) == len(invitations)
    # token_urlsafe(24): 24 random bytes = 192 bits, 32 characters
    assert all(len(token) >= 32 for token in tokens)


def test_an_unknown_token_is_404(client, invitations):
    real = invitations[0].token
    one_off = real[:-1] + ("x" if real[-1] != "x" else "y")
    for token in ["nope", one_off, "a" * 200]:
        assert client.get(reverse("survey:start", args=[token])).status_code == 404
        assert client.post(step_url(type("I", (), {"token": token}), 1), {}).status_code == 404


def test_a_step_that_does_not_exist_is_404(client, invitations):
    assert client.get(step_url(invitations[0], 99)).status_code == 404


def test_the_whole_survey_works_with_plain_posts(client, invitations):
    invitation = invitations[0]
    response = answer_all(client, invitation.token)

    assert response["Location"] == reverse("survey:done", args=[invitation.token])
    invitation.refresh_from_db()
    assert invitation.answered_at is not None
    saved = Response.objects.get(invitation=invitation)
    assert saved.submitted_at is not None
    assert (saved.main_mode, str(saved.distance_km), saved.days_home) == ("bus", "12.5", 2)
    assert (saved.mode_mon, saved.mode_wed, saved.is_manager) == ("bus", "home", False)
    assert (saved.department, saved.age_group, saved.willingness) == ("Lager", "35_44", 4)
    assert set(ResponseChoice.objects.filter(response=saved).values_list("question", "value")) == {
        ("reasons", "fastest"),
        ("reasons", "cheapest"),
        ("change_factors", "cheaper_ticket"),
    }
    thanks = client.get(response["Location"]).content.decode()
    assert "Thank you for your answers" in thanks


def test_pages_are_plain_forms_without_javascript(client, invitations):
    page = client.get(step_url(invitations[0], 1)).content.decode()

    assert "<script" not in page
    assert 'method="post"' in page
    assert "<fieldset" in page and "<legend>" in page
    assert 'type="radio" name="main_mode"' in page


def test_a_second_submission_is_refused_politely(client, invitations):
    invitation = invitations[0]
    answer_all(client, invitation.token)
    before = Response.objects.get(invitation=invitation).main_mode

    again = client.post(step_url(invitation, 6), {**PAGES[6], "is_manager": "yes"})
    changed = client.post(step_url(invitation, 1), {**PAGES[1], "main_mode": "drive_alone"})

    assert again.status_code == 409
    assert "You have answered already" in again.content.decode()
    assert changed.status_code == 409
    assert Response.objects.filter(invitation=invitation).count() == 1
    saved = Response.objects.get(invitation=invitation)
    assert (saved.main_mode, saved.is_manager) == (before, False)


def test_the_start_page_says_it_is_answered(client, invitations):
    answer_all(client, invitations[0].token)
    page = client.get(reverse("survey:start", args=[invitations[0].token])).content.decode()
    assert "You have answered already" in page


def test_answers_are_saved_page_by_page_and_resumed(client, invitations):
    invitation = invitations[0]
    client.post(step_url(invitation, 1), PAGES[1])
    client.post(step_url(invitation, 2), PAGES[2])

    start = client.get(reverse("survey:start", args=[invitation.token])).content.decode()
    first = client.get(step_url(invitation, 1)).content.decode()

    assert "Continue where you left off" in start
    assert step_url(invitation, 3) in start
    assert 'value="bus" checked' in first
    assert 'value="12.5"' in first
    invitation.refresh_from_db()
    assert invitation.answered_at is None


def test_the_last_page_sends_back_to_a_page_with_missing_answers(client, invitations):
    invitation = invitations[0]
    client.post(step_url(invitation, 1), PAGES[1])
    response = client.post(step_url(invitation, 6), PAGES[6])

    assert response.status_code == 302
    assert response["Location"] == step_url(invitation, 2) + "?missing=1"
    invitation.refresh_from_db()
    assert invitation.answered_at is None


def test_each_mistake_gets_a_clear_message_in_the_employees_language(client, invitations):
    invitation = invitations[0]
    Invitation.objects.filter(pk=invitation.pk).update(language="nb")

    response = client.post(step_url(invitation, 1), {"distance_km": "mange", "main_mode": ""})

    page = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="nb"' in page
    assert "Hvordan reiser du til jobben på en vanlig dag?" in page
    with translation.override("nb"):
        assert translation.gettext("Please answer this question.") in page
        assert translation.gettext("Enter a number, for example 12.5.") in page
    assert 'aria-describedby="q-main_mode-help q-main_mode-error"' in page
    assert 'id="q-main_mode-error"' in page


def test_numbers_are_checked_against_their_range(client, invitations):
    invitation = invitations[0]
    too_far = client.post(step_url(invitation, 1), {**PAGES[1], "distance_km": "900"})
    comma = client.post(step_url(invitation, 1), {**PAGES[1], "distance_km": " 7,25 "})

    assert "Enter a number from 0 to 500." in too_far.content.decode()
    assert comma.status_code == 302
    assert str(Response.objects.get(invitation=invitation).distance_km) == "7.3"


def test_distance_or_postcode_is_needed(client, invitations):
    invitation = invitations[0]
    neither = client.post(step_url(invitation, 1), {"main_mode": "bus"})
    postcode = client.post(step_url(invitation, 1), {"main_mode": "bus", "home_postcode": "1607"})

    assert "Give the distance or the postcode of your home." in neither.content.decode()
    assert postcode.status_code == 302


def test_days_cannot_add_up_to_more_than_a_week(client, invitations):
    response = client.post(
        step_url(invitations[0], 2), {"days_office": "5", "days_home": "3", "days_hub": "0"}
    )
    assert "add up to more than seven" in response.content.decode()


def test_whole_numbers_only_for_days(client, invitations):
    response = client.post(
        step_url(invitations[0], 2), {"days_office": "2.5", "days_home": "0", "days_hub": "0"}
    )
    assert "Enter a whole number." in response.content.decode()


def test_at_most_three_reasons(client, invitations):
    data = {**PAGES[4], "reasons": ["fastest", "cheapest", "habit", "weather"]}
    response = client.post(step_url(invitations[0], 4), data)
    assert "Choose at most 3 options." in response.content.decode()


def test_bad_input_never_breaks_the_page(client, invitations):
    invitation = invitations[0]
    for data in [
        {"main_mode": "rocket"},
        {"main_mode": ["bus", "train"], "distance_km": "1e999"},
        {"distance_km": "NaN", "main_mode": "bus"},
        {"distance_km": "-1", "main_mode": "bus"},
        {"main_mode": "bus", "home_postcode": "x" * 500},
    ]:
        assert client.post(step_url(invitation, 1), data).status_code == 400
    response = client.post(step_url(invitation, 4), {"reasons": "<script>", "car_access": "?"})
    assert response.status_code == 400


def test_a_closed_survey_says_so(client, invitations, sent_wave):
    move_dates(sent_wave, -30)
    invitation = invitations[0]

    page = client.get(reverse("survey:start", args=[invitation.token])).content.decode()
    posted = client.post(step_url(invitation, 1), PAGES[1])

    assert "The survey is closed" in page
    assert posted.status_code == 409
    assert not Response.objects.filter(invitation=invitation).exists()


def test_a_survey_not_yet_open_says_when_it_opens(client, invitations, sent_wave):
    move_dates(sent_wave, 5)
    page = client.get(reverse("survey:start", args=[invitations[0].token])).content.decode()
    assert "The survey has not opened yet" in page


def test_the_employee_can_choose_another_language(client, invitations):
    invitation = invitations[0]
    response = client.post(reverse("survey:language", args=[invitation.token]), {"language": "sv"})
    page = client.get(step_url(invitation, 1)).content.decode()

    assert response.status_code == 302
    assert '<html lang="sv"' in page
    assert "Hur reser du till jobbet en vanlig dag?" in page


def test_the_survey_speaks_the_region_language_by_default(
    client, world, django_capture_on_commit_callbacks
):
    from pendel.surveys.tests.conftest import dispatch, make_employees

    make_employees(world.location, 1)
    wave = dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)
    (invitation,) = with_mailed_tokens(Invitation.objects.filter(wave=wave))

    page = client.get(reverse("survey:start", args=[invitation.token])).content.decode()

    assert invitation.language == "nb"  # the employee chose none: the region's language
    assert '<html lang="nb"' in page
    assert "Reisevaneundersøkelse" in page


def test_privacy_is_explained(client, invitations):
    page = client.get(reverse("survey:start", args=[invitations[0].token])).content.decode()
    assert "How your answers are used" in page
    assert "never for a group of fewer than 5 people" in page


def test_the_regions_own_questions_come_last_and_go_to_json(
    client, world, employees, django_capture_on_commit_callbacks
):
    from pendel.surveys.tests.conftest import dispatch

    question = Question.objects.create(
        region=world.region,
        kind=Question.Kind.SINGLE,
        text={"nb": "Bruker du bysykkel?", "en": "Do you use the city bikes?"},
        options=[{"value": "1", "label": {"en": "Yes"}}, {"value": "2", "label": {"en": "No"}}],
    )
    wave = dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)
    (invitation,) = with_mailed_tokens(Invitation.objects.filter(wave=wave)[:1])
    Invitation.objects.filter(pk=invitation.pk).update(language="en")

    page = client.get(step_url(invitation, 7)).content.decode()
    answer_all(client, invitation.token, {**PAGES, 7: {f"q{question.pk}": "1"}})

    assert "Do you use the city bikes?" in page
    assert Response.objects.get(invitation=invitation).extra == {f"q{question.pk}": "1"}


def test_the_department_is_chosen_from_the_frozen_list_and_prefilled(client, invitations):
    page = client.get(step_url(invitations[0], 6)).content.decode()

    assert '<select name="department"' in page
    assert '<option value="Lager" selected>Lager</option>' in page
    assert '<option value="">Prefer not to say</option>' in page
    bad = client.post(step_url(invitations[0], 6), {**PAGES[6], "department": "Ukjent"})
    assert bad.status_code == 400
    assert "Choose one of the options." in bad.content.decode()
