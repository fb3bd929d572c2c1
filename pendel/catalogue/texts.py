"""Texts that staff write in four languages, with a fallback (DESIGN.md, "Content in four
languages").

One mechanism: a JSON object on the row itself, ``{"nb": {"name": …, "description": …},
"en": {…}, …}``, read through ``text_in()``. It falls back to the region's default language,
then English, then any language that has the field, so a text written once in Norwegian
still shows for a Dutch reader rather than an empty cell.

Why JSON on the row and not a translation table (as Saleor's ``*Translation`` models):
catalogue items, activity types and survey questions have two or three short fields and are
read far more often than written. One column needs no join or prefetch to show a list in
any language, seeds and copies as one value, and is the same on SQLite and PostgreSQL. What
it gives up - searching or sorting by a translated name in SQL - no page needs for a
catalogue of a few dozen rows. Other apps can use ``TranslatedTexts`` as it is (the lead may
move this module to pendel.core).
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def text_in(texts: dict | None, field: str, language: str | None, fallback: str | None) -> str:
    """The field in `language`, else in `fallback` (the region's language), else English,
    else in any language that has it; "" when no language has it."""
    texts = texts or {}
    for code in (language, fallback, "en", *LANGUAGES):
        value = ((texts.get(code) or {}) if code else {}).get(field, "")
        if value and value.strip():
            return value.strip()
    return ""


def texts_clean(texts: dict, fields: tuple[str, ...]) -> dict:
    """Only known languages and fields, stripped; empty values and languages dropped."""
    cleaned = {}
    for code in LANGUAGES:
        values = {
            field: str((texts.get(code) or {}).get(field, "")).strip()
            for field in fields
            if str((texts.get(code) or {}).get(field, "")).strip()
        }
        if values:
            cleaned[code] = values
    return cleaned


class TranslatedTexts(models.Model):
    """A row with texts in several languages. Subclasses name their fallback language."""

    TEXT_FIELDS: tuple[str, ...] = ("name", "description")

    texts = models.JSONField(_("texts"), default=dict, blank=True)

    class Meta:
        abstract = True

    def fallback_language(self) -> str | None:
        return None

    def text(self, field: str = "name", language: str | None = None) -> str:
        return text_in(self.texts, field, language or active_language(), self.fallback_language())

    def missing_languages(self, field: str = "name") -> list[str]:
        return [code for code in LANGUAGES if not (self.texts.get(code) or {}).get(field)]
