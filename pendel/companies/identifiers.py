"""An organisation's identifiers per country: organisation numbers (Norwegian 9 digits with
MOD11, Swedish organisationsnummer 10 digits with Luhn, Dutch KvK number 8 digits), VAT
numbers (NO…MVA, SE…01, NL…B..) and Peppol participant IDs. The one place they are checked;
invoicing imports them from here."""

import re

from django.utils.translation import gettext, gettext_lazy

_NO_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def digits(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value or "")


def no_check_digit(first8: str) -> int | None:
    """The MOD11 check digit of a Norwegian organisation number, or None if none exists."""
    remainder = sum(int(d) * w for d, w in zip(first8, _NO_WEIGHTS, strict=True)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return None if check == 10 else check


def luhn_ok(number: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def luhn_check_digit(partial: str) -> int:
    return next(d for d in range(10) if luhn_ok(f"{partial}{d}"))


def is_valid_organisation_number(country: str, value: str) -> bool:
    number = digits(value)
    if country == "NO":
        return bool(re.fullmatch(r"[89]\d{8}", number)) and no_check_digit(number[:8]) == int(
            number[8]
        )
    if country == "SE":
        return bool(re.fullmatch(r"\d{10}", number)) and luhn_ok(number)
    if country == "NL":
        return bool(re.fullmatch(r"\d{8}", number))
    return False


def normalise_organisation_number(country: str, value: str) -> str:
    number = digits(value)
    if country == "SE" and len(number) == 10:
        return f"{number[:6]}-{number[6:]}"
    return number


def vat_number_valid(country: str, value: str) -> bool:
    value = (value or "").replace(" ", "").upper()
    if country == "NO":
        match = re.fullmatch(r"NO(\d{9})MVA", value)
        return bool(match) and is_valid_organisation_number("NO", match[1])
    if country == "SE":
        match = re.fullmatch(r"SE(\d{10})01", value)
        return bool(match) and luhn_ok(match[1])
    if country == "NL":
        return bool(re.fullmatch(r"NL\d{9}B\d{2}", value))
    return False


def normalise_vat_number(country: str, value: str) -> str:
    """A VAT number as typed, written the way the register does: NO923609016MVA,
    SE556036079301, NL123456789B01. Digits alone get the country's prefix (and suffix)."""
    value = re.sub(r"[\s.\-]", "", value or "").upper()
    if not value:
        return ""
    if country == "NO" and re.fullmatch(r"\d{9}", value):
        return f"NO{value}MVA"
    if country == "SE" and re.fullmatch(r"\d{10}", value):
        return f"SE{value}01"
    if re.fullmatch(r"\d.*", value):
        return f"{country}{value}"
    return value


# Where the organisation number stands in a VAT number, and what to say of a malformed one.
VAT_NUMBER_RULES = {
    "NO": (
        slice(2, 11),
        gettext_lazy(
            "A Norwegian VAT number is NO, the nine-digit organisation number with a "
            "valid check digit, and MVA: e.g. NO923609016MVA."
        ),
    ),
    "SE": (
        slice(2, 12),
        gettext_lazy(
            "A Swedish VAT number is SE, the ten-digit organisation number and 01: "
            "e.g. SE556036079301."
        ),
    ),
    "NL": (None, gettext_lazy("A Dutch VAT number is NL, nine digits, B and two digits.")),
}


def buyer_vat_problem(country: str, organisation_number: str, value: str) -> str:
    """Why a customer's VAT number cannot be right for its country and organisation number,
    or "" (empty is fine: not every customer is registered for VAT)."""
    if not value:
        return ""
    if country not in VAT_NUMBER_RULES:
        return gettext("VAT numbers of this country cannot be checked here.")
    number_at, malformed = VAT_NUMBER_RULES[country]
    if not vat_number_valid(country, value):
        return str(malformed)
    number = digits(organisation_number)
    if number_at and number and value[number_at] != number:
        return gettext("The VAT number must contain the organisation number %(number)s.") % {
            "number": number
        }
    return ""


# Peppol participant identifier schemes (EAS) a customer here can have, with how the
# identifier after the scheme is checked.
PEPPOL_SCHEMES = {
    "0192": lambda number: is_valid_organisation_number("NO", number),
    "0007": lambda number: is_valid_organisation_number("SE", number),
    "0106": lambda number: is_valid_organisation_number("NL", number),
    "0190": lambda number: bool(re.fullmatch(r"\d{20}", number)),
    "0088": lambda number: bool(re.fullmatch(r"\d{13}", number)),
}


def normalise_peppol_id(value: str) -> str:
    """ "0192:923 609 016" → "0192:923609016"; "" stays empty."""
    value = re.sub(r"\s", "", value or "")
    scheme, colon, number = value.partition(":")
    return f"{scheme}:{digits(number)}" if colon else value


def peppol_id_problem(value: str) -> str:
    """Why a Peppol participant ID cannot be right, or ""."""
    if not value:
        return ""
    scheme, colon, number = normalise_peppol_id(value).partition(":")
    if not colon or scheme not in PEPPOL_SCHEMES:
        return gettext(
            "Write the scheme, a colon and the number: 0192:923609016 (Norway), "
            "0007:5560360793 (Sweden), 0106:12345678 or 0190:… (Netherlands)."
        )
    if not PEPPOL_SCHEMES[scheme](number):
        return gettext("The number after %(scheme)s: is not valid for that scheme.") % {
            "scheme": scheme
        }
    return ""


def peppol_endpoint(value: str) -> tuple[str, str]:
    """(scheme, number) of a Peppol participant ID, or ("", "") when there is none."""
    scheme, colon, number = normalise_peppol_id(value).partition(":")
    return (scheme, number) if colon and number else ("", "")


def is_plausible_company_name(value: str) -> bool:
    """A name a registry would hold: at least two letters or digits, one of them a letter
    ("3M" is a name; "X", "123" and "--" are not). Letters of any alphabet count."""
    signs = [char for char in value or "" if char.isalnum()]
    return len(signs) >= 2 and any(char.isalpha() for char in signs)
