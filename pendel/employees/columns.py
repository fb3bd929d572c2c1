"""The columns of an employee file, as Norwegian, Swedish, Dutch and English HR systems name
them. Import recognises every synonym; export writes the name in the reader's language, so
an exported file imports again unchanged.

These names describe a file format, not the user interface, so they live here rather than
in the translation catalogues: a translator changing "E-post" must not break an import.
"""

from dataclasses import dataclass

from pendel.employees.values import fold

FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "department",
    "age_group",
    "postcode",
    "start_date",
    "end_date",
    "language",
)
REQUIRED = ("first_name", "last_name", "email")


@dataclass(frozen=True)
class Column:
    field: str
    names: dict[str, str]  # the header written on export, per language
    synonyms: tuple[str, ...] = ()


COLUMNS = (
    Column(
        "first_name",
        {"nb": "Fornavn", "en": "First name", "sv": "Förnamn", "nl": "Voornaam"},
        ("givenname", "forename", "tilltalsnamn", "roepnaam", "voornamen"),
    ),
    Column(
        "last_name",
        {"nb": "Etternavn", "en": "Last name", "sv": "Efternamn", "nl": "Achternaam"},
        ("surname", "familyname", "familienaam", "slektsnavn"),
    ),
    Column(
        "email",
        {"nb": "E-post", "en": "Email", "sv": "E-post", "nl": "E-mailadres"},
        (
            "epostadresse",
            "epostadress",
            "jobbepost",
            "arbeidsepost",
            "arbetsepost",
            "emailaddress",
            "workemail",
            "mail",
            "emailadresse",
            "email",
            "mejl",
            "mejladress",
            "emailwerk",
            "zakelijkemail",
            "zakelijkemailadres",
        ),
    ),
    Column(
        "phone",
        {"nb": "Telefon", "en": "Phone", "sv": "Telefon", "nl": "Telefoon"},
        (
            "mobil",
            "mobiltelefon",
            "telefonnummer",
            "mobilnummer",
            "mobile",
            "phonenumber",
            "mobilephone",
            "mobilenumber",
            "telefoonnummer",
            "mobiel",
            "mobielnummer",
            "mobieletelefoon",
        ),
    ),
    Column(
        "department",
        {"nb": "Avdeling", "en": "Department", "sv": "Avdelning", "nl": "Afdeling"},
        (
            "tjenesteomrade",
            "enhet",
            "servicearea",
            "unit",
            "verksamhetsomrade",
            "organisatieonderdeel",
            "dienst",
        ),
    ),
    Column(
        "age_group",
        {"nb": "Aldersgruppe", "en": "Age group", "sv": "Åldersgrupp", "nl": "Leeftijdsgroep"},
        ("alder", "age", "leeftijd", "leeftijdscategorie", "aldersgrupp", "agegroup"),
    ),
    Column(
        "postcode",
        {"nb": "Postnummer", "en": "Postcode", "sv": "Postnummer", "nl": "Postcode"},
        (
            "postnr",
            "hjemmepostnummer",
            "postalcode",
            "zipcode",
            "zip",
            "bostadspostnummer",
            "postcodewoonadres",
            "homepostcode",
        ),
    ),
    Column(
        "start_date",
        {"nb": "Startdato", "en": "Start date", "sv": "Startdatum", "nl": "Startdatum"},
        (
            "ansattdato",
            "ansettelsesdato",
            "tiltredelsesdato",
            "tiltredelse",
            "employmentstart",
            "hiredate",
            "anstallningsdatum",
            "anstalldfrom",
            "datumindienst",
            "indienstdatum",
            "indiensttreding",
        ),
    ),
    Column(
        "end_date",
        {"nb": "Sluttdato", "en": "End date", "sv": "Slutdatum", "nl": "Einddatum"},
        (
            "fratredelsesdato",
            "fratredelse",
            "employmentend",
            "leavingdate",
            "terminationdate",
            "avgangsdatum",
            "anstalldtill",
            "uitdienstdatum",
            "datumuitdienst",
        ),
    ),
    Column(
        "language",
        {"nb": "Språk", "en": "Language", "sv": "Språk", "nl": "Taal"},
        ("sprak", "lang", "voorkeurstaal", "foretrukketsprak"),
    ),
)

# Columns that are read into another field and not kept themselves: the age group is worked
# out from a birth date or a birth year, which Pendel does not store.
SOURCES = {
    "birth_date": (
        "age_group",
        (
            "fodselsdato",
            "fodt",
            "fodelsedatum",
            "fodd",
            "geboortedatum",
            "birthdate",
            "dateofbirth",
            "dob",
        ),
    ),
    "birth_year": (
        "age_group",
        ("fodselsar", "fodelsear", "geboortejaar", "birthyear", "yearofbirth"),
    ),
}

# The last column of the file of refused rows handed back to fix (exports.bad_rows_csv). A
# file with this column is those rows, corrected: it adds and changes, and ends no one.
FIX_COLUMN = {
    "nb": "Hva som må rettes",
    "en": "What to fix",
    "sv": "Att rätta",
    "nl": "Te verbeteren",
}
FIX = "fix"

_BY_NAME = {
    fold(name): column.field
    for column in COLUMNS
    for name in (*column.names.values(), *column.synonyms, column.field)
}
_BY_NAME.update(
    {fold(name): source for source, (_field, names) in SOURCES.items() for name in names}
)
_BY_NAME.update({fold(name): FIX for name in FIX_COLUMN.values()})


def target_field(name: str) -> str:
    """The employee field a column fills: its own, or the one a source column is read into."""
    return SOURCES[name][0] if name in SOURCES else name


def field_for_header(header) -> str | None:
    """The employee field (or source, see SOURCES) a column header names, in any of the four
    languages."""
    return _BY_NAME.get(fold(header or "")) if header is not None else None


def fix_header(language: str) -> str:
    return FIX_COLUMN.get(language, FIX_COLUMN["en"])


def export_headers(language: str) -> list[str]:
    return [column.names.get(language, column.names["en"]) for column in COLUMNS]
