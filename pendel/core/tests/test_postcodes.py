"""The postcode register: the form each country writes, whether a postcode exists, its town."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from pendel.core.postcodes import (
    postcode_check,
    postcode_exists,
    postcode_form_clean,
    postcode_matches_town,
    postcode_normalise,
    postcode_place,
)


@pytest.mark.parametrize(
    ("country", "typed", "written", "town"),
    [
        ("NO", "1706", "1706", "Sarpsborg"),
        ("NO", " 4010 ", "4010", "Stavanger"),
        ("NO", "0150", "0150", "Oslo"),
        ("NO", "8622", "8622", "Mo i Rana"),
        ("SE", "83131", "831 31", "Östersund"),
        ("SE", "835 31", "835 31", "Krokom"),
        ("NL", "7511je", "7511 JE", "Enschede"),
        ("NL", "7551 AB", "7551 AB", "Hengelo"),
        ("NL", "8012-EE", "8012 EE", "Zwolle"),
    ],
)
def test_real_postcodes_are_written_as_the_country_does_and_have_their_town(
    country, typed, written, town
):
    assert postcode_normalise(country, typed) == written
    assert postcode_place(country, typed) == town
    assert postcode_check(country, typed) == (written, town)
    assert postcode_matches_town(country, typed, town.upper())


@pytest.mark.parametrize(
    ("country", "typed"),
    [("NO", "ABCD"), ("NO", "170"), ("NO", "17060"), ("SE", "5776"), ("SE", "031 31")]
    + [("NL", "7511"), ("NL", "0511 JE"), ("NL", "7511 SS"), ("NL", "75111J")],
)
def test_a_value_of_the_wrong_form_is_refused_with_the_form_to_use(country, typed):
    assert postcode_normalise(country, typed) is None
    with pytest.raises(ValidationError) as error:
        postcode_check(country, typed)
    assert error.value.code == "invalid_postcode"
    assert any(ch.isdigit() for ch in error.value.messages[0])  # an example to follow


@pytest.mark.parametrize(
    ("country", "typed"), [("NO", "0000"), ("SE", "999 99"), ("NL", "1001 AA")]
)
def test_a_postcode_that_does_not_exist_is_refused(country, typed):
    assert not postcode_exists(country, typed)
    with pytest.raises(ValidationError) as error:
        postcode_check(country, typed)
    assert error.value.code == "unknown_postcode"
    assert postcode_normalise(country, typed) in error.value.messages[0]


def test_a_postcode_of_another_town_does_not_match():
    # The demo once had Sarpsborg 4187 (Ombo) and Östersund 5776 (not Swedish at all).
    assert postcode_place("NO", "4187") == "Ombo"
    assert not postcode_matches_town("NO", "4187", "Sarpsborg")
    assert not postcode_matches_town("SE", "5776", "Östersund")


class AddressForm(forms.Form):
    postcode = forms.CharField()
    municipality = forms.CharField(required=False)

    def clean(self):
        cleaned = super().clean()
        postcode_form_clean(self, "NO")
        return cleaned


def test_the_form_fills_in_the_town_only_when_it_is_empty():
    form = AddressForm({"postcode": "1706", "municipality": ""})
    assert form.is_valid()
    assert form.cleaned_data == {"postcode": "1706", "municipality": "Sarpsborg"}
    form = AddressForm({"postcode": "4050", "municipality": "Sola kommune"})
    assert form.is_valid()
    assert form.cleaned_data["municipality"] == "Sola kommune"


def test_the_form_refuses_a_made_up_postcode_in_the_users_language():
    with translation.override("nb"):
        form = AddressForm({"postcode": "ABCD", "municipality": ""})
        assert not form.is_valid()
        assert form.errors["postcode"] == ["Skriv postnummeret med fire sifre, f.eks. 1606."]
        assert "municipality" not in form.errors
