"""Texts that staff write into the database, in four languages with a fallback (DESIGN.md,
"Content in four languages"). The one mechanism every app uses.

Stored shape: each translatable field is its own JSON column holding one text per language,
``{"nb": "Bedriftsbillett", "en": "Company ticket"}`` (a ``TranslatedTextField``). The same
shape works inside JSON a row already has (a question's option labels, a template's steps).

Reading: ``localized(texts, language, fallback)`` gives the requested language, else the
fallback (the region's default language), else the site's language, else English, else any
language that has a text. A model with such fields gets ``get_<field>_display(language=None,
fallback=None)``, which reads the active language and the row's ``fallback_language()``.

Editing: ``add_translated_fields`` puts one plain field per language on a form and
``collect_translated`` turns them back into one texts object.

Why one JSON column per field rather than a translation table (as Saleor's ``*Translation``
models): these rows have two or three short texts and are read far more often than written;
a column needs no join to show a list in any language and is the same on SQLite and
PostgreSQL. What it gives up, sorting by a translated name in SQL, no page needs.
"""

from functools import partialmethod

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def localized(texts: dict | None, language: str | None = None, fallback: str | None = None) -> str:
    """The text in `language` (default: the active one); else in `fallback` (the region's
    language); else in the site's language; else English; else in any language that has
    one. Blank texts count as missing; "" only when no language has a text."""
    texts = texts if isinstance(texts, dict) else {}
    order = (language or active_language(), fallback, settings.LANGUAGE_CODE, "en")
    for code in (*order, *LANGUAGE_CODES):
        text = texts.get(code) if code else None
        if isinstance(text, str) and text.strip():
            return text.strip()
    return ""


def texts_clean(texts: dict | None) -> dict:
    """Only known languages, stripped, without empty ones: the form in which texts are saved."""
    texts = texts if isinstance(texts, dict) else {}
    cleaned = {code: str(texts.get(code) or "").strip() for code in LANGUAGE_CODES}
    return {code: text for code, text in cleaned.items() if text}


def missing_languages(texts: dict | None) -> list[str]:
    texts = texts_clean(texts)
    return [code for code in LANGUAGE_CODES if code not in texts]


def validate_texts(value) -> None:
    if not isinstance(value, dict) or not all(isinstance(text, str) for text in value.values()):
        raise ValidationError(_("Texts must be given per language."), code="invalid")
    unknown = sorted(set(value) - set(LANGUAGE_CODES))
    if unknown:
        raise ValidationError(
            _("Unknown language: %(languages)s."),
            code="invalid",
            params={"languages": ", ".join(unknown)},
        )


def _get_translated_display(self, language=None, fallback=None, *, field):
    """`get_<field>_display()`: the text in the active language, falling back to the row's
    `fallback_language()` (the region's language) when the model defines one."""
    if fallback is None and hasattr(self, "fallback_language"):
        fallback = self.fallback_language()
    return localized(getattr(self, field.attname), language, fallback)


class TranslatedTextField(models.JSONField):
    """A text in several languages: {"nb": "…", "en": "…"}. Like a field with choices, the
    model gets `get_<name>_display()` for templates."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)
        if validate_texts not in self.validators:
            self.validators.append(validate_texts)

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        display = f"get_{self.name}_display"
        if display not in cls.__dict__:
            setattr(cls, display, partialmethod(_get_translated_display, field=self))

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs


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
    """Add one field per language (`<name>_<code>`) to a form. The required language (the
    region's) makes sure the fallback has a text; None lets every language stay empty."""
    initial = initial or {}
    for code in LANGUAGE_CODES:
        attrs = {"lang": code}
        widget = forms.Textarea(attrs={"rows": 2, **attrs}) if textarea else forms.TextInput(attrs)
        form.fields[f"{name}_{code}"] = forms.CharField(
            label=gettext("%(field)s (%(language)s)")
            % {"field": label, "language": language_name(code)},
            max_length=max_length,
            required=code == required_language,
            initial=initial.get(code, ""),
            widget=widget,
        )


def collect_translated(cleaned_data: dict, name: str) -> dict:
    """The per-language fields of `name` as one texts object, without empty languages."""
    return texts_clean({code: cleaned_data.get(f"{name}_{code}") for code in LANGUAGE_CODES})


def translated_field_names(name: str) -> str:
    """The names for templates' `fields_named` filter."""
    return " ".join(f"{name}_{code}" for code in LANGUAGE_CODES)
