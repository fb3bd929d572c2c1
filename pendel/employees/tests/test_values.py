"""Reading single values the way HR systems in Norway, Sweden and the Netherlands write them."""

from datetime import date, datetime

import pytest

from pendel.employees.columns import field_for_header
from pendel.employees.values import (
    CellError,
    read_age_group,
    read_date,
    read_email,
    read_language,
    read_phone,
    read_postcode,
)


@pytest.mark.parametrize(
    "header, field",
    [
        ("Fornavn", "first_name"),
        (" FØRNAMN ", "first_name"),
        ("Förnamn", "first_name"),
        ("Voornaam", "first_name"),
        ("First name", "first_name"),
        ("Etternavn", "last_name"),
        ("Efternamn", "last_name"),
        ("Achternaam", "last_name"),
        ("E-post", "email"),
        ("e-post ", "email"),
        ("E-mailadres", "email"),
        ("Email address", "email"),
        ("Avdeling", "department"),
        ("Avdelning", "department"),
        ("Afdeling", "department"),
        ("Aldersgruppe", "age_group"),
        ("Åldersgrupp", "age_group"),
        ("Leeftijdsgroep", "age_group"),
        ("Postnummer", "postcode"),
        ("Postcode", "postcode"),
        ("Startdato", "start_date"),
        ("Startdatum", "start_date"),
        ("Sluttdato", "end_date"),
        ("Einddatum", "end_date"),
        ("Slutdatum", "end_date"),
        ("Språk", "language"),
        ("Taal", "language"),
        ("Mobiltelefon", "phone"),
        ("Telefoonnummer", "phone"),
        ("Skostørrelse", None),
        ("", None),
    ],
)
def test_it_recognises_column_names_in_four_languages(header, field):
    assert field_for_header(header) == field


@pytest.mark.parametrize(
    "text, expected",
    [
        ("31.12.2024", date(2024, 12, 31)),
        ("2024-12-31", date(2024, 12, 31)),
        ("31-12-2024", date(2024, 12, 31)),
        ("31/12/2024", date(2024, 12, 31)),
        ("1.2.2025", date(2025, 2, 1)),
        ("2025-02-01 00:00:00", date(2025, 2, 1)),
        (datetime(2025, 2, 1, 0, 0), date(2025, 2, 1)),
        ("", None),
    ],
)
def test_it_reads_dates_as_hr_systems_write_them(text, expected):
    assert read_date(text) == expected


@pytest.mark.parametrize("text", ["31.02.2024", "12/31/2024", "i går", "2024", "99.99.9999"])
def test_it_refuses_what_is_not_a_date(text):
    with pytest.raises(CellError) as caught:
        read_date(text)
    assert caught.value.code == "invalid_date"


@pytest.mark.parametrize(
    "text, group",
    [
        ("Under 25", "under_25"),
        ("under 25 år", "under_25"),
        ("Onder 25", "under_25"),
        ("<25", "under_25"),
        ("-24", "under_25"),
        ("0-24", "under_25"),
        ("25–34", "25_34"),
        ("25-34 år", "25_34"),
        ("35 - 44 jaar", "35_44"),
        ("45-54", "45_54"),
        ("55–64", "55_64"),
        ("65+", "65_plus"),
        ("65 og eldre", "65_plus"),
        ("65 eller äldre", "65_plus"),
        ("65 en ouder", "65_plus"),
        ("37", "35_44"),
        (37.0, "35_44"),
        ("25_34", "25_34"),
        ("", ""),
    ],
)
def test_it_reads_age_groups_in_any_language(text, group):
    assert read_age_group(text) == group


@pytest.mark.parametrize("text", ["ung", "20-40", "-5", "999999999999", "25-34-44", "65 minus"])
def test_it_refuses_unknown_age_groups(text):
    with pytest.raises(CellError):
        read_age_group(text)


@pytest.mark.parametrize(
    "text, country, stored",
    [
        ("912 34 567", "NO", "+4791234567"),
        ("+47 912 34 567", "SE", "+4791234567"),
        ("0047 91234567", "NL", "+4791234567"),
        ("070-123 45 67", "SE", "+46701234567"),
        ("06 12345678", "NL", "+31612345678"),
        (4791234567.0, "NL", "+4791234567"),  # Excel dropped the "+"
        (91234567, "NO", "+4791234567"),
        ("", "NO", ""),
    ],
)
def test_it_stores_phone_numbers_in_e164(text, country, stored):
    assert read_phone(text, country=country) == stored


@pytest.mark.parametrize("text", ["123", "ring meg", "+47 12"])
def test_it_refuses_invalid_phone_numbers(text):
    with pytest.raises(CellError) as caught:
        read_phone(text, country="NO")
    assert caught.value.code == "invalid_phone"


@pytest.mark.parametrize(
    "text, country, stored",
    [
        ("1606", "NO", "1606"),
        (150, "NO", "0150"),
        ("41319", "SE", "413 19"),
        ("413 19", "SE", "413 19"),
        ("7511jk", "NL", "7511 JK"),
        ("7511 JK", "NL", "7511 JK"),
    ],
)
def test_it_normalises_postcodes_per_country(text, country, stored):
    assert read_postcode(text, country=country) == stored


@pytest.mark.parametrize("text, country", [("16066", "NO"), ("0511 JK", "NL"), ("ABC", "SE")])
def test_it_refuses_postcodes_of_the_wrong_shape(text, country):
    with pytest.raises(CellError):
        read_postcode(text, country=country)


@pytest.mark.parametrize(
    "text, code",
    [
        ("nb", "nb"),
        ("NO", "nb"),
        ("Norsk", "nb"),
        ("sv-SE", "sv"),
        ("Nederlands", "nl"),
        ("English", "en"),
        ("", ""),
    ],
)
def test_it_reads_languages_by_code_or_name(text, code):
    assert read_language(text) == code


def test_it_refuses_a_language_pendel_does_not_speak():
    with pytest.raises(CellError):
        read_language("Deutsch")


def test_it_requires_a_valid_email():
    assert read_email(" ola@fisk.no ") == "ola@fisk.no"
    with pytest.raises(CellError):
        read_email("ola@")
    with pytest.raises(CellError) as caught:
        read_email("")
    assert caught.value.code == "required"
