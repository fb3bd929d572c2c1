"""Ids from the query string and the page to go back to (core.requests), and the bounded
form fields (core.fields): bad input reads as "none given" or as a form error."""

from datetime import date

import pytest
from django import forms
from django.test import RequestFactory

from pendel.core.fields import BoundedDateField, BoundedIntegerField
from pendel.core.requests import id_param, next_path, parse_id


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("12", 12),
        ("²", None),
        ("١٢", None),
        ("1" * 26, None),
        ("-1", None),
        ("0", None),
        (" 1", None),
        ("1\n", None),
        ("", None),
        (None, None),
        (7, 7),
        (True, None),
    ],
)
def test_parse_id_reads_ascii_digits_only(text, wanted):
    assert parse_id(text) == wanted


def test_id_param_reads_the_query_string():
    request = RequestFactory().get("/", {"location": "²", "page": "3"})
    assert id_param(request, "location") is None
    assert id_param(request, "page") == 3
    assert id_param(request, "missing") is None


@pytest.mark.parametrize(
    ("target", "wanted"),
    [
        ("/company/", "/company/"),
        ("foo", "/staff/follow-ups/"),
        ("//evil.example.com", "/staff/follow-ups/"),
        ("https://evil.example.com/", "/staff/follow-ups/"),
        ("/\\evil.example.com", "/staff/follow-ups/"),
        ("", "/staff/follow-ups/"),
    ],
)
def test_next_path_is_a_path_on_this_site_or_the_default(target, wanted):
    request = RequestFactory().post("/", {"next": target})
    assert next_path(request, "staff:followups") == wanted


class Form(forms.Form):
    day = BoundedDateField()
    count = BoundedIntegerField(min_value=0)


@pytest.mark.parametrize("day", ["9999-12-31", "1899-12-31", "2101-01-01"])
def test_a_date_outside_1900_to_2100_is_a_form_error(day):
    form = Form({"day": day, "count": "1"})
    assert not form.is_valid() and "day" in form.errors


def test_dates_and_numbers_inside_the_bounds_are_kept():
    form = Form({"day": "2100-12-31", "count": "1000000000"})
    assert form.is_valid()
    assert form.cleaned_data == {"day": date(2100, 12, 31), "count": 1_000_000_000}


def test_a_number_of_26_digits_is_a_form_error():
    form = Form({"day": "2026-03-01", "count": "9" * 26})
    assert not form.is_valid() and "count" in form.errors
