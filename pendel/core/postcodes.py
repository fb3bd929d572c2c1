"""Postcodes: their written form per country, whether they exist, and their town.

The register is the pinned package `countrystatecity-postal-codes` (requirements.txt), whose
wheel ships each country's postcodes as JSON (data of the countries-states-cities database,
ODbL 1.0; see the README's credits). Nothing is downloaded at run time. What it holds:

- Norway: every postcode of Posten's register (4 digits), with its post town;
- Sweden: every postcode of PostNord's register ("123 45"), with its post town;
- the Netherlands: every postcode area (the 4 digits of "1234 AB"), with its town. The two
  letters are checked for their form only (PostNL never gives SA, SD or SS).

Countries without a register here are checked for a plausible form only, and have no town.
"""

import json
import re
from functools import cache
from importlib import resources

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGISTER_PACKAGE = "countrystatecity_postal_codes"
REGISTER_COUNTRIES = {"NO", "SE", "NL"}
NL_UNUSED_LETTERS = {"SA", "SD", "SS"}
# Lower case inside a town's name, as the Norwegian and Swedish post towns are written
# ("Mo i Rana", "Sand i Ryfylke"); the register writes them in capitals.
LOWER_WORDS = {"I", "PÅ"}

FORMAT_MESSAGES = {
    "NO": _("Write the postcode as four digits, e.g. 1606."),
    "SE": _("Write the postcode as five digits, e.g. 831 31."),
    "NL": _("Write the postcode as four digits and two letters, e.g. 7511 JE."),
}
OTHER_FORMAT_MESSAGE = _("Enter a valid postcode.")
UNKNOWN_MESSAGE = _("The postcode %(postcode)s does not exist. Check it against the address.")
TOWN_REQUIRED_MESSAGE = _("Give the town.")


def postcode_normalise(country: str, value) -> str | None:
    """The postcode as the country writes it (NO "1606", SE "831 31", NL "7511 JE"), or None
    when the value does not have that form. Says nothing about whether it exists."""
    compact = re.sub(r"[\s-]", "", str(value or "")).upper()
    if country == "NO":
        return compact if re.fullmatch(r"\d{4}", compact) else None
    if country == "SE":
        return f"{compact[:3]} {compact[3:]}" if re.fullmatch(r"[1-9]\d{4}", compact) else None
    if country == "NL":
        if re.fullmatch(r"[1-9]\d{3}[A-Z]{2}", compact) and compact[4:] not in NL_UNUSED_LETTERS:
            return f"{compact[:4]} {compact[4:]}"
        return None
    return compact if re.fullmatch(r"[0-9A-Z]{3,10}", compact) else None


def postcode_place(country: str, postcode) -> str | None:
    """The town of the postcode from the register ("Sarpsborg" for NO 1706), or None when the
    postcode does not exist there (or the country has no register here)."""
    normalised = postcode_normalise(country, postcode)
    if normalised is None or country not in REGISTER_COUNTRIES:
        return None
    key = normalised[:4] if country == "NL" else normalised
    return _register(country).get(key)


def postcode_exists(country: str, postcode) -> bool:
    """In the register; for a country without one here, of a plausible form."""
    if country not in REGISTER_COUNTRIES:
        return postcode_normalise(country, postcode) is not None
    return postcode_place(country, postcode) is not None


def postcode_matches_town(country: str, postcode, town: str) -> bool:
    """The postcode exists and its town is `town` (letter case and spaces aside)."""
    place = postcode_place(country, postcode)
    return place is not None and _folded(place) == _folded(town)


def postcodes_of_town(country: str, town: str) -> list[str]:
    """The register's postcodes of a town, in order (for the Netherlands the 4-digit areas)."""
    if country not in REGISTER_COUNTRIES:
        return []
    wanted = _folded(town)
    return sorted(code for code, place in _register(country).items() if _folded(place) == wanted)


def postcode_check(country: str, value) -> tuple[str, str | None]:
    """(the normalised postcode, its town or None), or a ValidationError with a message for
    the person who typed it: the form the country uses, or that the postcode does not exist."""
    normalised = postcode_normalise(country, value)
    if normalised is None:
        raise ValidationError(
            FORMAT_MESSAGES.get(country, OTHER_FORMAT_MESSAGE), code="invalid_postcode"
        )
    if not postcode_exists(country, normalised):
        raise ValidationError(
            UNKNOWN_MESSAGE, code="unknown_postcode", params={"postcode": normalised}
        )
    return normalised, postcode_place(country, normalised)


def postcode_form_clean(
    form, country: str, *, postcode_field="postcode", town_field="municipality"
) -> None:
    """For a form's clean(): check its postcode against the register, write it as the country
    does, and fill in its town when the person left the town empty. The town field should
    be `required=False` on the form, so that it can be left to the postcode; without a town
    from either, the town field gets the error."""
    cleaned = form.cleaned_data
    if postcode_field not in cleaned:
        return  # the field had its own error already
    town = (cleaned.get(town_field) or "").strip()
    try:
        postcode, place = postcode_check(country, cleaned[postcode_field])
    except ValidationError as error:
        form.add_error(postcode_field, error)
        return
    cleaned[postcode_field] = postcode
    cleaned[town_field] = town or place or ""
    if not cleaned[town_field] and town_field in form.fields:
        form.add_error(town_field, ValidationError(TOWN_REQUIRED_MESSAGE, code="required"))


def _folded(text: str) -> str:
    return " ".join(str(text or "").split()).casefold()


def _display(name: str) -> str:
    """The register's capitals as a town is written: "MO I RANA" → "Mo i Rana",
    "SØR-FRON" → "Sør-Fron". Names in mixed case already ("Capelle aan den IJssel") stay."""
    if not name.isupper():
        return name
    words = name.split(" ")
    return " ".join(
        word.lower()
        if index and word in LOWER_WORDS
        else "-".join(part.capitalize() for part in word.split("-"))
        for index, word in enumerate(words)
    )


@cache
def _register(country: str) -> dict[str, str]:
    """{postcode: town} for the country, read once from the package's data."""
    path = resources.files(REGISTER_PACKAGE) / "data" / "by-country" / country / "postcodes.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    return {row["code"]: _display(row["localityName"]) for row in rows}
