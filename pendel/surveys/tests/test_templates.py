"""The national standard template: version 1 in four languages, new versions by the
coordinator, and waves that keep the version they were sent with."""

import importlib
import re

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from pendel.core.texts import LANGUAGE_CODES, localized
from pendel.surveys import standard_v1, standard_v2
from pendel.surveys.answers import CHOICE_VALUES, COLUMN_VALUES, STANDARD_CODES
from pendel.surveys.models import Invitation, Question, TemplateVersion
from pendel.surveys.services import (
    current_template_version,
    question_update_texts,
    template_seed_standard,
    template_version_draft,
    template_version_publish,
)
from pendel.surveys.services.templates import STANDARD_VERSIONS
from pendel.surveys.tests.conftest import dispatch, make_employees, make_wave
from pendel.surveys.tests.helpers import with_mailed_tokens

migration = importlib.import_module("pendel.surveys.migrations.0002_standard_template_v1")
migration_v2 = importlib.import_module(
    "pendel.surveys.migrations.0005_h14mail_standard_template_v2"
)
INFORMAL_DUTCH = re.compile(r"\b(je|jij|jou|jouw|jullie|jezelf)\b", re.IGNORECASE)


def all_languages(texts: dict) -> bool:
    return all(texts.get(code) for code in LANGUAGE_CODES)


def test_version_1_asks_every_standard_question_in_four_languages(standard_template):
    questions = list(standard_template.questions.all())

    assert {question.code for question in questions} == STANDARD_CODES
    assert all(all_languages(question.text) for question in questions)
    assert all(all_languages(option["label"]) for q in questions for option in q.options)
    assert all(all_languages(step["title"]) for step in standard_template.steps)
    assert all_languages(standard_template.title) and all_languages(standard_template.intro)


def test_the_options_are_the_values_the_typed_columns_count(standard_template):
    for question in standard_template.questions.all():
        allowed = COLUMN_VALUES.get(question.code) or CHOICE_VALUES.get(question.code)
        if allowed is not None:
            assert set(question.option_values()) <= allowed, question.code


def test_the_main_mode_offers_the_workplace_survey_modes(standard_template):
    main_mode = standard_template.questions.get(code="main_mode")
    assert main_mode.option_values() == [
        "drive_alone", "car_passenger", "bus", "tram_metro", "train", "ferry",
        "bicycle", "e_bike", "walk", "e_scooter", "motorcycle", "other",
    ]  # fmt: skip


def test_the_data_migration_creates_version_1_once(db):
    TemplateVersion.objects.all().delete()
    migration.create_version_1(apps, None)
    migration.create_version_1(apps, None)

    version = TemplateVersion.objects.get()
    assert (version.number, version.status) == (1, "published")
    assert version.questions.count() == len(standard_v1.QUESTIONS)
    migration.remove_version_1(apps, None)
    assert not TemplateVersion.objects.exists()


def test_the_seed_command_is_idempotent(standard_template):
    call_command("seed_survey_template", verbosity=0)
    call_command("seed_survey_template", verbosity=0)
    assert TemplateVersion.objects.count() == len(STANDARD_VERSIONS)
    assert template_seed_standard() == standard_template


def test_texts_fall_back_to_the_regions_language():
    texts = {"nb": "Hei", "en": "Hello"}
    assert localized(texts, "sv", "nb") == "Hei"
    assert localized(texts, "sv", "nl") == "Hello"
    assert localized(texts, "en", "nb") == "Hello"
    assert localized({}, "en", "nb") == ""


def test_a_new_version_is_a_draft_until_published(world, standard_template):
    draft = template_version_draft(actor=world.coordinator)
    question = draft.questions.get(code="main_mode")
    question_update_texts(
        question=question,
        actor=world.coordinator,
        text={**question.text, "en": "How do you usually get to work?"},
        help_text=question.help,
        options={"bus": {"en": "Bus or coach"}},
    )
    assert current_template_version() == standard_template
    assert template_version_draft(actor=world.coordinator) == draft

    template_version_publish(version=draft, actor=world.coordinator)

    assert current_template_version() == draft
    question.refresh_from_db()
    assert question.text["en"] == "How do you usually get to work?"
    assert question.choices_in("en")[2] == ("bus", "Bus or coach")
    unchanged = standard_template.questions.get(code="main_mode")
    assert unchanged.text["en"] == "How do you travel to work on a normal day?"
    with pytest.raises(ValidationError):
        question_update_texts(
            question=question, actor=None, text={"en": "Again"}, help_text={}, options={}
        )


def test_a_running_wave_keeps_its_version(world, sent_wave, invitations, client):
    draft = template_version_draft(actor=world.coordinator)
    Question.objects.filter(version=draft, code="main_mode").update(text={"en": "Changed wording"})
    template_version_publish(version=draft, actor=world.coordinator)

    page = client.get(reverse("survey:step", args=[invitations[0].token, 1])).content.decode()

    sent_wave.refresh_from_db()
    assert sent_wave.template_version.number == standard_v2.NUMBER
    assert "How do you travel to work on a normal day?" in page


def test_staff_read_the_template_the_coordinator_changes_it(client, world, standard_template):
    client.force_login(world.advisor)
    swedish = client.get(
        reverse("staff:survey_template_detail", args=[1]), {"lang": "sv"}
    ).content.decode()
    assert "Hur reser du till jobbet en vanlig dag?" in swedish
    assert client.post(reverse("staff:survey_template_draft")).status_code == 404

    client.force_login(world.coordinator)
    response = client.post(reverse("staff:survey_template_draft"))
    draft = TemplateVersion.objects.get(status="draft")
    assert response["Location"] == reverse("staff:survey_template_detail", args=[draft.number])
    question = draft.questions.get(code="is_manager")
    form = client.get(
        reverse("staff:survey_template_question", args=[draft.number, question.pk])
    ).content.decode()
    assert "Har du personalansvar?" in form
    client.post(reverse("staff:survey_template_publish", args=[draft.number]))
    draft.refresh_from_db()
    assert draft.status == "published"
    published = reverse("staff:survey_template_question", args=[draft.number, question.pk])
    assert client.get(published).status_code == 404


# --- version 2: the Dutch in "u" ------------------------------------------------------------
def dutch_texts(version: TemplateVersion) -> list[str]:
    texts = [version.title["nl"], version.intro["nl"]]
    texts += [step[key]["nl"] for step in version.steps for key in step]
    for question in version.questions.all():
        texts += [question.text["nl"], question.help.get("nl", "")]
        texts += [option["label"]["nl"] for option in question.options]
    return texts


def test_version_2_addresses_the_respondent_as_u(db):
    version_1 = TemplateVersion.objects.get(number=1)
    version_2 = TemplateVersion.objects.get(number=2)
    assert current_template_version() == version_2  # what new waves take
    assert [t for t in dutch_texts(version_1) if INFORMAL_DUTCH.search(t)]  # the test can fail
    assert [t for t in dutch_texts(version_2) if INFORMAL_DUTCH.search(t)] == []
    assert version_2.questions.get(code="main_mode").text["nl"] == (
        "Hoe reist u op een gewone dag naar uw werk?"
    )
    assert version_2.change_note


def test_version_2_asks_version_1s_questions_with_the_same_values(db):
    one = {q.code: q for q in TemplateVersion.objects.get(number=1).questions.all()}
    two = {q.code: q for q in TemplateVersion.objects.get(number=2).questions.all()}
    assert list(one) == list(two)
    for code, question in one.items():
        assert question.option_values() == two[code].option_values(), code
        assert (question.kind, question.step) == (two[code].kind, two[code].step)
        assert question.text["en"] == two[code].text["en"]  # only the wording changed
    # Every rewording in the data module met the text it replaces.
    assert len(standard_v2.USED) == sum(len(texts) for texts in standard_v2.REWORDED.values())


def test_the_data_migration_creates_version_2_once(db):
    TemplateVersion.objects.filter(number=2).delete()
    migration_v2.create_version_2(apps, None)
    migration_v2.create_version_2(apps, None)
    version = TemplateVersion.objects.get(number=2)
    assert version.status == "published"
    assert version.questions.count() == len(standard_v2.QUESTIONS)


def _first_page(client, wave) -> str:
    (invitation, *_rest) = with_mailed_tokens(Invitation.objects.filter(wave=wave).order_by("id"))
    return client.get(reverse("survey:step", args=[invitation.token, 1])).content.decode()


def test_a_wave_sent_with_version_1_keeps_it_a_new_wave_gets_version_2(
    world, client, django_capture_on_commit_callbacks
):
    make_employees(world.location, 6, language="nl")
    version_1 = TemplateVersion.objects.get(number=1)
    old = dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)
    # Sent before version 2 was published: it froze version 1.
    type(old).objects.filter(pk=old.pk).update(template_version=version_1)
    old.refresh_from_db()
    make_employees(world.fourth_location, 6, start=100, language="nl")
    new = dispatch(
        make_wave(world.fourth_location), world.coordinator, django_capture_on_commit_callbacks
    )
    assert new.template_version.number == 2

    old_page = _first_page(client, old)
    assert "Hoe reis je op een gewone dag naar je werk?" in old_page
    assert "Hoe reist u" not in old_page
    new_page = _first_page(Client(), new)
    assert "Hoe reist u op een gewone dag naar uw werk?" in new_page
    assert "Hoe reis je" not in new_page
