import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from pendel.companies.models import validate_organisation_number


@pytest.mark.parametrize(
    ("country", "number", "normalised"),
    [
        ("NO", "923 609 016", "923609016"),
        ("NO", "974760673", "974760673"),
        ("SE", "556036-0793", "556036-0793"),
        ("SE", "5560360793", "556036-0793"),
        ("NL", "27312152", "27312152"),
    ],
)
def test_valid_numbers_are_accepted_and_normalised(country, number, normalised):
    assert validate_organisation_number(country, number) == normalised


@pytest.mark.parametrize(
    ("country", "number"),
    [
        ("NO", "923609017"),  # wrong MOD11 check digit
        ("NO", "12345678"),
        ("NO", "123456789"),  # does not start with 8 or 9
        ("SE", "556036-0794"),  # wrong Luhn digit
        ("SE", "55603607"),
        ("NL", "1234567"),
        ("NL", "1234567X"),
    ],
)
def test_invalid_numbers_are_refused(country, number):
    with pytest.raises(ValidationError):
        validate_organisation_number(country, number)


def test_the_message_names_the_countrys_rule_in_the_users_language():
    with translation.override("nb"):
        with pytest.raises(ValidationError) as error:
            validate_organisation_number("NO", "923609017")
        assert "ni sifre" in error.value.messages[0]
