"""Texts that staff write into the database, stored per language with a fallback.

One mechanism for every such text (DESIGN.md): a JSON object {"nb": "…", "en": "…", …} in a
TranslatedTextField, read with `localized(texts, language, fallback)`, where the fallback is
the region's default language; forms edit it with one plain field per language.
Nothing here is specific to surveys, so it can move to pendel/core when another app needs it.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def localized(texts: dict | None, language: str | None, fallback: str | None = None) -> str:
    """The text in `language`; else in `fallback` (the region's language); else in the site's
    language; else in any language that has one. Empty only when no language has a text."""
    texts = texts or {}
    for code in (language, fallback, settings.LANGUAGE_CODE, *LANGUAGE_CODES):
        if code and texts.get(code):
            return texts[code]
    return ""


def validate_texts(value) -> None:
    if not isinstance(value, dict):
        raise ValidationError(_("Texts must be given per language."), code="invalid")
    unknown = sorted(set(value) - set(LANGUAGE_CODES))
    if unknown:
        raise ValidationError(
            _("Unknown language: %(languages)s."),
            code="invalid",
            params={"languages": ", ".join(unknown)},
        )
    if not all(isinstance(text, str) for text in value.values()):
        raise ValidationError(_("Texts must be given per language."), code="invalid")


class TranslatedTextField(models.JSONField):
    """A text in several languages: {"nb": "…", "en": "…"}."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        if validate_texts not in self.validators:
            self.validators.append(validate_texts)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def add_translated_fields(
    form: forms.Form,
    name: str,
    *,
    label: str,
    required_language: str | None,
    initial: dict | None = None,
    max_length: int = 500,
    textarea: bool = False,
) -> None:
    """Add one field per language (`<name>_<code>`) to a form. The region's language is
    required, so that the fallback always has a text; the others may stay empty."""
    initial = initial or {}
    for code in LANGUAGE_CODES:
        widget = forms.Textarea(attrs={"rows": 2, "lang": code}) if textarea else None
        field = forms.CharField(
            label=f"{label} ({language_name(code)})",
            max_length=max_length,
            required=code == required_language,
            initial=initial.get(code, ""),
            widget=widget or forms.TextInput(attrs={"lang": code}),
        )
        form.fields[f"{name}_{code}"] = field


def collect_translated(cleaned_data: dict, name: str) -> dict:
    """The per-language fields of `name` as one texts object, without empty languages."""
    texts = {code: (cleaned_data.get(f"{name}_{code}") or "").strip() for code in LANGUAGE_CODES}
    return {code: text for code, text in texts.items() if text}


def translated_field_names(name: str) -> str:
    """The names for templates' `fields_named` filter."""
    return " ".join(f"{name}_{code}" for code in LANGUAGE_CODES)
