from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from pendel.core.money import format_money


@pytest.mark.parametrize(
    ("language", "currency", "expected"),
    [
        ("nb", "NOK", "kr\u00a01\u00a0234,50"),
        ("sv", "SEK", "1\u00a0234,50\u00a0kr"),
        ("nl", "EUR", "€\u00a01.234,50"),
        ("en", "NOK", "NOK\u00a01,234.50"),
        ("en", "EUR", "€\u00a01,234.50"),
    ],
)
def test_money_is_formatted_per_locale(language, currency, expected):
    assert format_money(Decimal("1234.50"), currency, language) == expected


def test_the_template_filter_uses_the_active_language():
    with translation.override("nb"):
        rendered = Template("{% load pendel %}{{ amount|money:'NOK' }}").render(
            Context({"amount": Decimal("199")})
        )
    assert rendered == "kr\u00a0199,00"


def test_numbers_follow_the_locale():
    with translation.override("nl"):
        assert Template("{% load pendel %}{{ n|number }}").render(Context({"n": 20000})) == "20.000"
