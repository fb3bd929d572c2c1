from django import forms
from django.conf import settings
from django.forms.models import fields_for_model, model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendel.core.fields import BoundedDateField, bounded_formfield
from pendel.employees.models import Employee
from pendel.employees.reading import EXTENSIONS
from pendel.employees.values import CellError, read_phone, read_postcode

EDIT_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "department",
    "age_group",
    "postcode",
    "start_date",
    "end_date",
    "language",
]
CREATE_FIELDS = [name for name in EDIT_FIELDS if name != "end_date"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class EmployeeForm(forms.Form):
    """An employee's data; phone and postcode are read as numbers of the location's country."""

    def __init__(self, *args, country: str, fields: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.country = country
        self.fields.update(
            fields_for_model(
                Employee,
                fields=fields,
                widgets={"start_date": DateInput, "end_date": DateInput},
                formfield_callback=bounded_formfield,
            )
        )
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.fields["phone"].widget.attrs.update(type="tel", autocomplete="off")
        self.fields["language"].choices = [("", _("The region's language")), *settings.LANGUAGES]

    @classmethod
    def for_employee(cls, employee: Employee, *args, **kwargs):
        initial = model_to_dict(employee, fields=EDIT_FIELDS)
        return cls(*args, initial=initial, fields=EDIT_FIELDS, **kwargs)

    def clean_phone(self):
        try:
            return read_phone(self.cleaned_data["phone"], country=self.country)
        except CellError as error:
            raise error.as_validation_error() from None

    def clean_postcode(self):
        try:
            return read_postcode(self.cleaned_data["postcode"], country=self.country)
        except CellError as error:
            raise error.as_validation_error() from None

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date is before the start date."))
        return cleaned


class EndForm(forms.Form):
    end_date = BoundedDateField(
        label=_("Last day of employment"), widget=DateInput, initial=timezone.localdate
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Employee file"),
        allow_empty_file=True,
        help_text=_(
            "CSV or Excel (.xlsx) from your HR system, at most 10 MB. The first row names the "
            "columns, in Norwegian, Swedish, Dutch or English."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f".{e}" for e in EXTENSIONS)}),
    )
