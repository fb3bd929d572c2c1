"""Reading one value of an employee, as typed into a form or found in an HR system's file.

Each reader returns the value to store or raises CellError with a code; MESSAGES turns the
code into a translated sentence when it is shown, so a stored preview follows the reader's
language.
"""

import re
import unicodedata
from datetime import date, datetime
from functools import lru_cache

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from pendel.core.postcodes import postcode_normalise
from pendel.employees.models import AGE_BOUNDS, AgeGroup

MESSAGES = {
    "required": _("This field is required."),
    "too_long": _("Use at most %(max)s characters."),
    "invalid_email": _("“%(value)s” is not a valid email address."),
    "invalid_phone": _("“%(value)s” is not a valid phone number."),
    "invalid_postcode": _("“%(value)s” is not a valid postcode."),
    "invalid_date": _("“%(value)s” is not a date. Use dd.mm.yyyy or yyyy-mm-dd."),
    "invalid_age_group": _(
        "“%(value)s” is not an age group. Use under 25, 25–34, 35–44, 45–54, 55–64 or 65+."
    ),
    "invalid_birth_date": _("“%(value)s” is not a birth date. Use dd.mm.yyyy or yyyy-mm-dd."),
    "invalid_birth_year": _("“%(value)s” is not a year of birth."),
    "invalid_language": _("“%(value)s” is not a language Pendel knows. Use nb, en, sv or nl."),
    "end_before_start": _("The end date is before the start date."),
    "duplicate_email": _("This email address is also on row %(other)s."),
}


AGE_GROUP_CODES = frozenset(AgeGroup.values)


class CellError(ValueError):
    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    def as_validation_error(self) -> ValidationError:
        return ValidationError(MESSAGES[self.code], code=self.code, params=self.params)


def message_for(code: str, params: dict) -> str:
    return str(MESSAGES.get(code, MESSAGES["required"])) % params


def fold(text: str) -> str:
    """Lower case, without accents, spaces or punctuation: 'E-post ' and 'épost' match."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", "", letters.replace("ø", "o").replace("æ", "ae"))


def as_text(value) -> str:
    """A cell as text: spreadsheets give numbers and dates as such."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def read_text(value, *, max_length: int, required: bool = False) -> str:
    text = " ".join(as_text(value).split())
    if required and not text:
        raise CellError("required")
    if len(text) > max_length:
        raise CellError("too_long", max=max_length)
    return text


def read_email(value) -> str:
    text = as_text(value)
    if not text:
        raise CellError("required")
    try:
        validate_email(text)
    except ValidationError:
        raise CellError("invalid_email", value=text[:100]) from None
    if len(text) > 254:
        raise CellError("too_long", max=254)
    return text


def read_phone(value, *, country: str) -> str:
    """E.164 (+4791234567); a number without country code is read as one of `country`.
    A spreadsheet that stored 4791234567 as a number lost its "+": that is tried too."""
    text = as_text(value)
    if not text:
        return ""
    if text.startswith("00"):
        text = "+" + text[2:]
    candidates = [text]
    if text.isdigit() and len(text) > 8:
        candidates.append("+" + text)
    for candidate in candidates:
        number = _valid_number(candidate, country)
        if number:
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise CellError("invalid_phone", value=text[:50])


def _valid_number(text: str, country: str):
    try:
        number = phonenumbers.parse(text, country)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


@lru_cache(maxsize=4096)
def read_postcode(value, *, country: str) -> str:
    """Norway 4 digits (Excel drops the leading zero), Sweden '123 45', Netherlands '1234 AB'."""
    text = as_text(value).upper()
    if not text:
        return ""
    compact = re.sub(r"[\s-]", "", text)
    if country == "NO" and re.fullmatch(r"\d{3}", compact):
        compact = compact.zfill(4)
    normalised = postcode_normalise(country, compact)
    if normalised is None:
        raise CellError("invalid_postcode", value=text[:20])
    return normalised


_DATE_PATTERNS = [
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), ("y", "m", "d")),
    (re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})"), ("d", "m", "y")),
]


@lru_cache(maxsize=4096)
def read_date(value) -> date | None:
    """dd.mm.yyyy, dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd (a time after it is ignored)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = as_text(value)
    if not text:
        return None
    candidate = text.split(" ")[0].split("T")[0]
    for pattern, order in _DATE_PATTERNS:
        match = pattern.fullmatch(candidate)
        if match:
            parts = dict(zip(order, map(int, match.groups()), strict=True))
            try:
                return date(parts["y"], parts["m"], parts["d"])
            except ValueError:
                break
    raise CellError("invalid_date", value=text[:30])


_UNDER = r"(?:under|onder|u|lessthan|youngerthan|yngreenn|yngrean|jongerdan)"
_PLUS = r"(?:plus|over|ogeldre|orolder|andolder|elleraldre|enouder|ofouder)"
_AGE_WORDS = r"(?:ar|jaar|years?|yrs?)$"


def _group_for_age(age: int) -> str:
    for group, (low, high) in AGE_BOUNDS.items():
        if low <= age <= high:
            return group
    raise ValueError(age)


def _group_for_range(low: int, high: int) -> str:
    for group, (group_low, group_high) in AGE_BOUNDS.items():
        if group_low <= low <= high <= group_high:
            return group
    raise ValueError((low, high))


def _age_group_from_words(text: str) -> str:
    """'under 25', '-24', '65+', '65 og eldre', '25–34 år', '37' (an age)."""
    numbers = [int(n) for n in re.findall(r"\d+", text)[:3]]
    # Every number becomes one "0", so that "25-34" keeps two numbers once folded.
    marked = re.sub(r"\d+", "0", text.replace("+", " plus ").replace("<", " u "))
    shape = re.sub(_AGE_WORDS, "", fold(marked))
    if text.lstrip().startswith("-") and shape == "0":
        shape, numbers = "u0", [n + 1 for n in numbers]
    if re.fullmatch(_UNDER + "0", shape) and numbers == [25]:
        return AgeGroup.UNDER_25
    if re.fullmatch(f"0{_PLUS}|{_PLUS}0", shape) and numbers in ([65], [64]):
        return AgeGroup.FROM_65
    if shape == "0":
        return _group_for_age(numbers[0])
    if shape == "00":
        return _group_for_range(*numbers)
    raise ValueError(text)


@lru_cache(maxsize=256)
def read_age_group(value) -> str:
    """An age group from its code, its label in any language, a range or an age."""
    text = as_text(value)
    if not text:
        return ""
    if text in AGE_GROUP_CODES:
        return text
    try:
        return _age_group_from_words(text)
    except ValueError:
        raise CellError("invalid_age_group", value=text[:30]) from None


def _group_for_birth_date(born: date, today: date) -> str:
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    if not 14 <= age <= 100:
        raise ValueError(born)
    return _group_for_age(age)


def read_birth_date(value, *, today: date) -> str:
    """The age group of someone born on the day; the date itself is not kept."""
    try:
        born = read_date(value)
    except CellError:
        born = None
    if born is None:
        if as_text(value):
            raise CellError("invalid_birth_date", value=as_text(value)[:30])
        return ""
    try:
        return _group_for_birth_date(born, today)
    except ValueError:
        raise CellError("invalid_birth_date", value=as_text(value)[:30]) from None


def read_birth_year(value, *, today: date) -> str:
    """The age group of someone born in that year (their age at the end of this year)."""
    text = as_text(value)
    if not text:
        return ""
    if not re.fullmatch(r"(19|20)\d\d", text) or not 14 <= today.year - int(text) <= 100:
        raise CellError("invalid_birth_year", value=text[:30])
    return _group_for_age(today.year - int(text))


def read_age(value, *, today: date) -> str:
    """What an HR system writes in an age column: an age group (see read_age_group), or a
    birth date or a birth year, read as the age group they mean."""
    if isinstance(value, date):
        return read_birth_date(value, today=today)
    text = as_text(value)
    if re.fullmatch(r"(19|20)\d\d", text):
        return read_birth_year(text, today=today)
    if re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{1,2}-\d{1,2}", text):
        return read_birth_date(text, today=today)
    return read_age_group(value)


_LANGUAGE_NAMES = {
    "nb": {"nb", "no", "nob", "nn", "norsk", "bokmal", "norwegian", "noors", "norska"},
    "en": {"en", "eng", "english", "engelsk", "engels", "engelska"},
    "sv": {"sv", "se", "swe", "svenska", "svensk", "swedish", "zweeds"},
    "nl": {"nl", "nld", "dut", "nederlands", "dutch", "nederlandsk", "nederlandska"},
}


@lru_cache(maxsize=256)
def read_language(value) -> str:
    text = as_text(value)
    if not text:
        return ""
    folded = fold(text.split("-")[0].split("_")[0]) if len(text) <= 6 else fold(text)
    for code, names in _LANGUAGE_NAMES.items():
        if folded in names and code in dict(settings.LANGUAGES):
            return code
    raise CellError("invalid_language", value=text[:30])
