"""The national standard template: version 1 in four languages, new versions by the
coordinator, and waves that keep the version they were sent with."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from pendel.core.texts import LANGUAGE_CODES, localized
from pendel.surveys import standard_v1
from pendel.surveys.answers import CHOICE_VALUES, COLUMN_VALUES, STANDARD_CODES
from pendel.surveys.models import Question, TemplateVersion
from pendel.surveys.services import (
    current_template_version,
    question_update_texts,
    template_seed_standard,
    template_version_draft,
    template_version_publish,
)

migration = importlib.import_module("pendel.surveys.migrations.0002_standard_template_v1")


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
    assert TemplateVersion.objects.count() == 1
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
    assert sent_wave.template_version.number == 1
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
