"""Form fields with the bounds a person could mean. A date in the year 9999 or a number of
26 digits is a typing error: the form says so instead of failing further on (date
arithmetic past the year 9999, integers past the database's range)."""

import datetime

from django import forms
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

FIRST_YEAR, LAST_YEAR = 1900, 2100
# Anything a count, a quantity or a number of days in Pendel can be; fits a 32-bit column.
LARGEST_NUMBER = 1_000_000_000


class BoundedDateField(forms.DateField):
    """A date between 1 January 1900 and 31 December 2100."""

    first = datetime.date(FIRST_YEAR, 1, 1)
    last = datetime.date(LAST_YEAR, 12, 31)

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        if not self.first <= value <= self.last:
            raise forms.ValidationError(
                _("Give a date between %(first)s and %(last)s."),
                code="date_out_of_range",
                params={
                    "first": date_format(self.first, "SHORT_DATE_FORMAT"),
                    "last": date_format(self.last, "SHORT_DATE_FORMAT"),
                },
            )


class BoundedIntegerField(forms.IntegerField):
    """A whole number no larger than LARGEST_NUMBER (and no smaller than its negative)."""

    def __init__(self, *, max_value=None, min_value=None, **kwargs):
        max_value = LARGEST_NUMBER if max_value is None else min(max_value, LARGEST_NUMBER)
        min_value = -LARGEST_NUMBER if min_value is None else max(min_value, -LARGEST_NUMBER)
        super().__init__(max_value=max_value, min_value=min_value, **kwargs)


def bounded_formfield(model_field, **kwargs):
    """`formfield_callback` for model forms: their dates and whole numbers get the bounds."""
    if isinstance(model_field, models.DateField) and not isinstance(
        model_field, models.DateTimeField
    ):
        kwargs.setdefault("form_class", BoundedDateField)
    elif isinstance(model_field, models.IntegerField) and not model_field.choices:
        kwargs.setdefault("form_class", BoundedIntegerField)
    return model_field.formfield(**kwargs)
