"""Money and number formatting per locale. Amounts are Decimal; rounding happens where a
document is made, so this only formats."""

from decimal import Decimal

from babel.numbers import format_currency, format_decimal
from django.utils import translation

# Babel locale per UI language. Norwegian and English put the currency first, as
# Norwegian invoices and bank statements do ("kr 1 234,50") and English readers expect.
BABEL_LOCALES = {"nb": "nb_NO", "en": "en_GB", "sv": "sv_SE", "nl": "nl_NL"}
CURRENCY_FIRST = {"nb", "en"}


def babel_locale(language: str | None = None) -> str:
    language = (language or translation.get_language() or "en").split("-")[0]
    return BABEL_LOCALES.get(language, "en_GB")


def format_money(amount: Decimal | int | str, currency: str, language: str | None = None) -> str:
    language = (language or translation.get_language() or "en").split("-")[0]
    pattern = "¤\u00a0#,##0.00" if language in CURRENCY_FIRST else None
    return format_currency(
        Decimal(amount),
        currency,
        format=pattern,
        locale=babel_locale(language),
        currency_digits=True,
    )


def format_number(value, language: str | None = None) -> str:
    return format_decimal(value, locale=babel_locale(language))
