"""Staff-written texts in four languages: the fallback order, validation, and the form
fields that edit them."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from pendel.catalogue.models import Product
from pendel.core.texts import (
    TranslatedTextField,
    add_translated_fields,
    collect_translated,
    localized,
    missing_languages,
    texts_clean,
    validate_texts,
)


@pytest.mark.parametrize(
    ("texts", "language", "fallback", "expected"),
    [
        ({"nb": "Hei", "sv": "Hej"}, "sv", "nb", "Hej"),  # the reader's language first
        ({"nb": "Hei", "en": "Hello"}, "nl", "nb", "Hei"),  # then the region's
        ({"nb": "Hei", "en": "Hello"}, "nl", "sv", "Hello"),  # then the site's (English)
        ({"nl": "Hallo", "sv": "Hej"}, "en", None, "Hej"),  # then any, in a fixed order
        ({"nb": "  ", "en": "Hello"}, "nb", None, "Hello"),  # blank is missing
        ({}, "nb", "nb", ""),
        (None, "nb", "nb", ""),
    ],
)
def test_a_text_falls_back_in_order(texts, language, fallback, expected):
    assert localized(texts, language, fallback) == expected


def test_without_a_language_the_active_one_is_read():
    with translation.override("sv"):
        assert localized({"nb": "Hei", "sv": "Hej"}) == "Hej"


def test_only_texts_per_known_language_are_valid():
    validate_texts({"nb": "Hei", "nl": ""})
    for bad in (["Hei"], {"de": "Hallo"}, {"nb": 3}):
        with pytest.raises(ValidationError):
            validate_texts(bad)
    with pytest.raises(ValidationError):
        TranslatedTextField().clean({"fr": "Bonjour"}, None)


def test_cleaning_drops_empty_and_unknown_languages():
    assert texts_clean({"nb": " Hei ", "en": " ", "de": "Hallo"}) == {"nb": "Hei"}
    assert missing_languages({"nb": "Hei", "sv": " "}) == ["en", "sv", "nl"]


def test_a_model_field_gives_a_display_in_the_active_language_with_the_rows_fallback(world):
    product = Product(region=world.region, name={"nb": "Bysykkel", "nl": "Deelfietsen"})
    with translation.override("nl"):
        assert product.get_name_display() == "Deelfietsen"
    with translation.override("sv"):
        assert product.get_name_display() == "Bysykkel"  # the region's language
    assert product.get_name_display("sv", fallback="nl") == "Deelfietsen"


class TitleForm(forms.Form):
    def __init__(self, *args, initial_texts=None, **kwargs):
        super().__init__(*args, **kwargs)
        add_translated_fields(
            self, "title", label="Title", required_language="nb", initial=initial_texts
        )


def test_the_form_fields_round_trip_a_text_and_require_the_regions_language():
    form = TitleForm(initial_texts={"nb": "Reisevaner", "sv": "Resvanor"})
    assert list(form.fields) == ["title_nb", "title_en", "title_sv", "title_nl"]
    assert form.fields["title_sv"].initial == "Resvanor"
    assert form.fields["title_nb"].required and not form.fields["title_en"].required
    with translation.override("en"):
        assert TitleForm().fields["title_nl"].label == "Title (Dutch)"

    posted = TitleForm({"title_nb": " Reisevaner ", "title_en": "", "title_sv": "Resvanor"})
    assert posted.is_valid()
    assert collect_translated(posted.cleaned_data, "title") == {
        "nb": "Reisevaner",
        "sv": "Resvanor",
    }
    assert not TitleForm({"title_en": "Travel habits"}).is_valid()
