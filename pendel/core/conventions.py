"""How a country writes its own identifiers, whatever language the reader has.

A label follows the country of the party it describes, not the reader's language: a
Norwegian company's payment reference is a KID also in Swedish, a Dutch company's register
number is a KvK number also in Norwegian, and a Norwegian company never has a "KvK-nummer".
Numbers are grouped as the country's registers and banks print them: Swedish organisation
numbers 555070-7342, Bankgiro 5050-1055, Plusgiro 90 20 03-3, Norwegian accounts
1234 56 78903, IBAN in groups of four.

The one home of these rules: invoice PDFs, invoice pages and forms read them from here.
"""

import re

from babel import Locale
from django.utils.translation import pgettext

from pendel.core.money import babel_locale


def _digits(value) -> str:
    return re.sub(r"[\s.\-]", "", str(value or ""))


def organisation_number_label(country: str) -> str:
    """What the party's country calls its register number."""
    if country == "NL":
        return pgettext("Netherlands", "KvK number")
    if country == "SE":
        return pgettext("Sweden", "Organisation number")
    return pgettext("Norway", "Organisation number")


def vat_number_label(country: str) -> str:
    if country == "NO":
        return pgettext("Norway", "VAT number")
    if country == "SE":
        return pgettext("Sweden", "VAT number")
    return pgettext("Netherlands", "VAT number")


def payment_reference_label(country: str) -> str:
    """The seller's country decides: KID in Norway, OCR in Sweden, else a payment reference."""
    if country == "NO":
        return pgettext("Norway", "KID")
    if country == "SE":
        return pgettext("Sweden", "OCR number")
    return pgettext("Netherlands", "Payment reference")


def account_label(kind: str) -> str:
    if kind == "se_bankgiro":
        return "Bankgiro"
    if kind == "se_plusgiro":
        return "Plusgiro"
    if kind == "iban":
        return "IBAN"
    return pgettext("Norway", "Account number")


def organisation_number_display(country: str, value) -> str:
    """555070-7342 (SE), 923 609 016 (NO), 27312152 (NL); anything else as given."""
    number = _digits(value)
    if country == "SE" and re.fullmatch(r"\d{10}", number):
        return f"{number[:6]}-{number[6:]}"
    if country == "NO" and re.fullmatch(r"\d{9}", number):
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    return str(value or "")


def iban_display(value) -> str:
    iban = str(value or "").replace(" ", "").upper()
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def bankgiro_display(value) -> str:
    """7 digits: 505-1055; 8 digits: 5050-1055."""
    number = _digits(value)
    if re.fullmatch(r"\d{7,8}", number):
        return f"{number[:-4]}-{number[-4:]}"
    return str(value or "")


def plusgiro_display(value) -> str:
    """Pairs from the right before the check digit: 90 20 03-3, 4 12 34-5."""
    number = _digits(value)
    if not re.fullmatch(r"\d{2,8}", number):
        return str(value or "")
    body, check = number[:-1], number[-1]
    pairs = []
    while body:
        pairs.insert(0, body[-2:])
        body = body[:-2]
    return f"{' '.join(pairs)}-{check}"


def no_account_display(value) -> str:
    """A Norwegian account number as banks print it: 1234 56 78903."""
    number = _digits(value)
    if re.fullmatch(r"\d{11}", number):
        return f"{number[:4]} {number[4:6]} {number[6:]}"
    return str(value or "")


ACCOUNT_DISPLAY = {
    "iban": iban_display,
    "se_bankgiro": bankgiro_display,
    "se_plusgiro": plusgiro_display,
    "no_account": no_account_display,
}


def account_display(kind: str, value) -> str:
    return ACCOUNT_DISPLAY.get(kind, str)(value or "")


def country_name(country: str, language: str | None = None) -> str:
    """The country's name in the reader's language: Norge, Sweden, Nederland."""
    territories = Locale.parse(babel_locale(language)).territories
    return territories.get(country, country)
