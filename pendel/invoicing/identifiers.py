"""Identifiers on an invoice: VAT numbers, bank accounts, and the payment reference (KID in
Norway, OCR in Sweden) a bank uses to match a payment to its invoice."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from pendel.companies.identifiers import digits, is_valid_organisation_number, luhn_ok

# Peppol's scheme for a country's register of legal entities (ISO 6523 ICD).
LEGAL_ID_SCHEMES = {"NO": "0192", "SE": "0007", "NL": "0106"}
# What the tax scheme line of the seller says (Peppol NO-R-002 and SE-R-005).
TAX_REGISTRATION_TEXT = {"NO": "Foretaksregisteret", "SE": "Godkänd för F-skatt"}
_NO_ACCOUNT_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def legal_id(country: str, organisation_number: str) -> str:
    """The organisation number as registers print it: digits only (Sweden's without -)."""
    return digits(organisation_number)


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


def buyer_vat_problem(country: str, organisation_number: str, value: str) -> str:
    """Why a customer's VAT number cannot be right for its country and organisation number,
    or "" (empty is fine: not every customer is registered for VAT)."""
    if not value:
        return ""
    number = digits(organisation_number)
    if country == "NO":
        if not vat_number_valid("NO", value):
            return gettext(
                "A Norwegian VAT number is NO, the nine-digit organisation number with a "
                "valid check digit, and MVA: e.g. NO923609016MVA."
            )
        if number and value[2:11] != number:
            return gettext("The VAT number must contain the organisation number %(number)s.") % {
                "number": number
            }
        return ""
    if country == "SE":
        if not vat_number_valid("SE", value):
            return gettext(
                "A Swedish VAT number is SE, the ten-digit organisation number and 01: "
                "e.g. SE556036079301."
            )
        if number and value[2:12] != number:
            return gettext("The VAT number must contain the organisation number %(number)s.") % {
                "number": number
            }
        return ""
    if country == "NL":
        if not vat_number_valid("NL", value):
            return gettext("A Dutch VAT number is NL, nine digits, B and two digits.")
        return ""
    return gettext("VAT numbers of this country cannot be checked here.")


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


def payment_reference(country: str, number: str, sequence: int) -> str:
    """Norway: a KID (MOD10); Sweden: an OCR number (Luhn, with a length digit); elsewhere
    the invoice number itself."""
    if country == "NO":
        base = f"{sequence:07d}"
        return base + mod10_check_digit(base)
    if country == "SE":
        base = f"{sequence:07d}"
        with_length = base + str((len(base) + 2) % 10)
        return with_length + mod10_check_digit(with_length)
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
