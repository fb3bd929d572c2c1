"""Money and number formatting per locale. Amounts are Decimal; rounding happens where a
document is made, so this only formats."""

from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency, format_decimal
from django.utils import translation

# Babel locale per UI language. Norwegian and English put the currency first, as
# Norwegian invoices and bank statements do ("kr 1 234,50") and English readers expect.
BABEL_LOCALES = {"nb": "nb_NO", "en": "en_GB", "sv": "sv_SE", "nl": "nl_NL"}
CURRENCY_FIRST = {"nb", "en"}
# "kr" only for the reader's own krone; any other krone by its code (never "Nkr").
LOCAL_CURRENCY = {"nb": "NOK", "sv": "SEK"}
KRONER = {"NOK", "SEK", "DKK"}


def babel_locale(language: str | None = None) -> str:
    language = (language or translation.get_language() or "en").split("-")[0]
    return BABEL_LOCALES.get(language, "en_GB")


def format_money(amount: Decimal | int | str, currency: str, language: str | None = None) -> str:
    language = (language or translation.get_language() or "en").split("-")[0]
    locale = babel_locale(language)
    if language in CURRENCY_FIRST:
        pattern = "¤\u00a0#,##0.00"
    else:
        pattern = Locale.parse(locale).currency_formats["standard"].pattern
    if currency in KRONER and LOCAL_CURRENCY.get(language) != currency:
        pattern = pattern.replace("¤", "¤¤")
    return format_currency(
        Decimal(amount),
        currency,
        format=pattern,
        locale=locale,
        currency_digits=True,
    )


def format_number(value, language: str | None = None) -> str:
    return format_decimal(value, locale=babel_locale(language))
