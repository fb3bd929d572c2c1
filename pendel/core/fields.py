"""Form fields with the bounds a person could mean. A date in the year 9999 or a number of
26 digits is a typing error: the form says so instead of failing further on (date
arithmetic past the year 9999, integers past the database's range)."""

import datetime

from django import forms
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from pendel.core.requests import parse_id

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
    elif isinstance(model_field, models.ForeignKey):
        kwargs.setdefault("form_class", IdChoiceField)
    elif isinstance(model_field, models.IntegerField) and not model_field.choices:
        kwargs.setdefault("form_class", BoundedIntegerField)
        # The column's own range where it is smaller (a small integer on PostgreSQL).
        limits = [
            validator.limit_value
            for validator in model_field.validators
            if isinstance(validator, MaxValueValidator)
        ]
        kwargs.setdefault("max_value", min([LARGEST_NUMBER, *limits]))
    return model_field.formfield(**kwargs)


def _is_id(value) -> bool:
    return isinstance(value, models.Model) or parse_id(value) is not None


class IdChoiceField(forms.ModelChoiceField):
    """A row chosen by its id. Text that is no id (a 26-digit number, "²") is an invalid
    choice, never a query the database refuses."""

    def to_python(self, value):
        if value not in self.empty_values and self.to_field_name is None and not _is_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Rows chosen by their ids; see IdChoiceField."""

    def _check_values(self, value):
        if self.to_field_name is None and isinstance(value, list | tuple):
            for item in value:
                if not _is_id(item):
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": str(item)[:30]},
                    )
        return super()._check_values(value)
