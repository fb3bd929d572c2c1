"""Identifiers on an invoice: VAT numbers, bank accounts, and the payment reference (KID in
Norway, OCR in Sweden) a bank uses to match a payment to its invoice."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from pendel.companies.identifiers import (
    digits,
    is_valid_organisation_number,
    vat_number_valid,
)

# Peppol's scheme for a country's register of legal entities (ISO 6523 ICD).
LEGAL_ID_SCHEMES = {"NO": "0192", "SE": "0007", "NL": "0106"}
# What the tax scheme line of the seller says (Peppol NO-R-002 and SE-R-005).
TAX_REGISTRATION_TEXT = {"NO": "Foretaksregisteret", "SE": "Godkänd för F-skatt"}
_NO_ACCOUNT_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def legal_id(country: str, organisation_number: str) -> str:
    """The organisation number as registers print it: digits only (Sweden's without -)."""
    return digits(organisation_number)


def buyer_vat_number(country: str, value: str) -> str:
    """A buyer's VAT number with its country prefix (EN 16931 BR-CO-09), or ""."""
    value = re.sub(r"[\s.\-]", "", value or "").upper()
    if not value:
        return ""
    return value if re.match(r"[A-Z]{2}", value) else f"{country}{value}"


def iban_valid(value: str) -> bool:
    iban = (value or "").replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def no_account_valid(value: str) -> bool:
    number = digits(value)
    if not re.fullmatch(r"\d{11}", number):
        return False
    remainder = sum(int(d) * w for d, w in zip(number[:10], _NO_ACCOUNT_WEIGHTS, strict=True)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    return check != 10 and check == int(number[10])


ACCOUNT_CHECKS = {
    "iban": iban_valid,
    "no_account": no_account_valid,
    "se_bankgiro": lambda value: bool(re.fullmatch(r"\d{7,8}", digits(value))),
    "se_plusgiro": lambda value: bool(re.fullmatch(r"\d{2,8}", digits(value))),
}


def account_id(kind: str, value: str) -> str:
    """The account as it goes on the invoice: IBAN without spaces, others digits only."""
    return (value or "").replace(" ", "").upper() if kind == "iban" else digits(value)


def mod10_check_digit(number: str) -> str:
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def mod11_check_digit(number: str) -> str:
    """The MOD11 check digit of a Norwegian KID as Nets (Mastercard Payment Services)
    defines it: weights 2, 3, 4, 5, 6, 7, 2, 3 ... from the right, 11 − the remainder of
    the sum by 11; a remainder of 0 gives 0, and one of 1 (check 10) gives "-"."""
    total = sum(int(char) * (2 + index % 6) for index, char in enumerate(reversed(number)))
    check = (11 - total % 11) % 11
    return "-" if check == 10 else str(check)


KID_CHECKS = {"mod10": mod10_check_digit, "mod11": mod11_check_digit}


def kid_valid(reference: str, method: str = "mod10") -> bool:
    """A KID: 2 to 25 characters, digits with a MOD10 or MOD11 check digit at the end."""
    if not re.fullmatch(r"\d{1,24}[\d-]", reference or ""):
        return False
    return KID_CHECKS[method](reference[:-1]) == reference[-1]


def ocr_valid(reference: str, *, length_digit: bool = True) -> bool:
    """A Swedish OCR reference as Bankgirot checks it: 2 to 25 digits ending in a "10-modul"
    (Luhn) check digit; with a length digit, the one before it is the number of digits,
    tens left out."""
    if not re.fullmatch(r"\d{2,25}", reference or ""):
        return False
    if length_digit and reference[-2] != str(len(reference) % 10):
        return False
    return mod10_check_digit(reference[:-1]) == reference[-1]


def ocr_with_length(base: str) -> str:
    """`base` with Bankgirot's length digit and check digit added."""
    with_length = base + str((len(base) + 2) % 10)
    return with_length + mod10_check_digit(with_length)


def payment_reference(country: str, number: str, sequence: int, kid: str = "mod10") -> str:
    """Norway: a KID (MOD10, or MOD11 when the seller's agreement with Nets says so);
    Sweden: an OCR number (Luhn, with a length digit); elsewhere the invoice number."""
    base = f"{sequence:07d}"
    if country == "NO":
        return base + KID_CHECKS[kid](base)
    if country == "SE":
        return ocr_with_length(base)
    return number


class SellerChecks:
    """What makes a seller's details fit for a Peppol BIS Billing 3.0 invoice."""

    def clean(self) -> None:
        country = self.region.country_id
        errors = {}
        self._check_organisation_number(country, errors)
        if not vat_number_valid(country, self.vat_number):
            errors["vat_number"] = gettext("Not a valid VAT number for this country.")
        else:
            self.vat_number = self.vat_number.replace(" ", "").upper()
        if not ACCOUNT_CHECKS[self.account_kind](self.account_number):
            errors["account_number"] = gettext("Not a valid account number of this type.")
        if self.account_kind.startswith("se_") and country != "SE":
            errors["account_kind"] = gettext("Bankgiro and Plusgiro are Swedish.")
        if self.bic and not re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", self.bic.upper()):
            errors["bic"] = gettext("A BIC has 8 or 11 letters and digits.")
        if not re.fullmatch(r"[A-Za-z0-9\-/]*", self.invoice_prefix or ""):
            errors["invoice_prefix"] = gettext("Use letters, digits, - and / only.")
        if errors:
            raise ValidationError(errors)
        self.bic = self.bic.upper()
        self.legal_id_scheme = self.legal_id_scheme or LEGAL_ID_SCHEMES.get(country, "")

    def _check_organisation_number(self, country: str, errors: dict) -> None:
        number = digits(self.organisation_number)
        if self.legal_id_scheme == "0190":  # a Dutch government body's OIN
            valid = bool(re.fullmatch(r"\d{20}", number))
        else:
            valid = is_valid_organisation_number(country, number)
        if not valid:
            errors["organisation_number"] = gettext("Not a valid organisation number.")
        else:
            self.organisation_number = number
