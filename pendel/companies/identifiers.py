"""Organisation numbers per country: Norwegian (9 digits, MOD11), Swedish
organisationsnummer (10 digits, Luhn) and Dutch KvK number (8 digits)."""

import re

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


def is_plausible_company_name(value: str) -> bool:
    """A name a registry would hold: at least two letters or digits, one of them a letter
    ("3M" is a name; "X", "123" and "--" are not). Letters of any alphabet count."""
    signs = [char for char in value or "" if char.isalnum()]
    return len(signs) >= 2 and any(char.isalpha() for char in signs)
