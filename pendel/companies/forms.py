from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pendel.companies.models import (
    ORGANISATION_NUMBER_HELP,
    AdvisorNote,
    Application,
    Location,
    Membership,
    MembershipStatus,
    validate_organisation_number,
)
from pendel.companies.selectors import SIZE_BANDS
from pendel.companies.services.memberships import TERM_FIELDS
from pendel.core.fields import IdChoiceField, bounded_formfield
from pendel.core.phone import normalise_phone
from pendel.core.postcodes import postcode_form_clean


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ApplicationForm(forms.ModelForm):
    # A field people do not see; bots fill it in.
    homepage = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        formfield_callback = bounded_formfield
        model = Application
        fields = [
            "company_name",
            "organisation_number",
            "sector",
            "location_name",
            "street_address",
            "postcode",
            "municipality",
            "employee_count",
            "contact_first_name",
            "contact_last_name",
            "contact_email",
            "contact_phone",
            "contact_title",
            "logo_consent",
            "message",
        ]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["organisation_number"].help_text = ORGANISATION_NUMBER_HELP.get(
            region.country_id, ""
        )
        self.fields["employee_count"].min_value = 1
        self.fields["employee_count"].widget.attrs.update(min=1, max=1_000_000)
        self.fields["municipality"].required = False  # filled in from the postcode
        self.fields["municipality"].help_text = _(
            "Filled in from the postcode if you leave it empty."
        )

    def clean_organisation_number(self):
        return validate_organisation_number(
            self.region.country_id, self.cleaned_data["organisation_number"]
        )

    def clean_contact_phone(self):
        return normalise_phone(self.cleaned_data["contact_phone"], self.region.country_id)

    def clean_contact_email(self):
        return self.cleaned_data["contact_email"].strip().lower()

    def clean_employee_count(self):
        count = self.cleaned_data["employee_count"]
        if not 1 <= count <= 1_000_000:
            raise ValidationError(_("Give the number of employees at this workplace."))
        return count

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("homepage"):
            raise ValidationError(_("The application could not be sent."))
        postcode_form_clean(self, self.region.country_id)
        return cleaned

    def application_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class LocationForm(forms.ModelForm):
    """A workplace and its address: the postcode is checked against the register of the
    region's country, and the town filled in from it when left empty."""

    class Meta:
        formfield_callback = bounded_formfield
        model = Location
        fields = [
            "organisation",
            "region",
            "name",
            "street_address",
            "postcode",
            "municipality",
            "employee_count",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "municipality" in self.fields:
            self.fields["municipality"].help_text = _(
                "Filled in from the postcode if you leave it empty."
            )

    def clean(self):
        cleaned = super().clean()
        region = cleaned.get("region") or getattr(self.instance, "region", None)
        if region is not None and cleaned.get("postcode"):
            postcode_form_clean(self, region.country_id)
        return cleaned


class MemberFilterForm(forms.Form):
    q = forms.CharField(required=False, label=_("Search"))
    status = forms.ChoiceField(
        required=False, label=_("Status"), choices=[("", _("All"))] + MembershipStatus.choices
    )
    advisor = IdChoiceField(required=False, label=_("Advisor"), queryset=None, empty_label=_("All"))
    municipality = forms.ChoiceField(required=False, label=_("Municipality"))
    size = forms.ChoiceField(
        required=False,
        label=_("Size"),
        choices=[
            ("", _("All")),
            ("small", _("1–49 employees")),
            ("medium", _("50–249 employees")),
            ("large", _("250 or more")),
        ],
    )

    def __init__(self, *args, advisors, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisors
        self.fields["municipality"].choices = [("", _("All"))] + [(m, m) for m in municipalities]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "status": data["status"],
            "advisor": data["advisor"],
            "municipality": data["municipality"],
            "size": data["size"] if data["size"] in SIZE_BANDS else "",
            "q": data["q"].strip(),
        }


class TermsForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = Membership
        fields = TERM_FIELDS
        widgets = {"agreement_signed_on": DateInput()}

    def clean(self):
        cleaned = super().clean()
        basis, amount = cleaned.get("fee_basis"), cleaned.get("fee_amount")
        if basis and basis != "none" and amount is None:
            self.add_error("fee_amount", _("Give the fee amount for this kind of fee."))
        if amount is not None and amount < 0:
            self.add_error("fee_amount", _("The fee cannot be negative."))
        if bool(cleaned.get("agreement_signed_by")) != bool(cleaned.get("agreement_signed_on")):
            self.add_error("agreement_signed_on", _("Give both who signed and when."))
        return cleaned


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"), choices=MembershipStatus.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AdvisorForm(forms.Form):
    advisor = IdChoiceField(
        label=_("Advisor"), queryset=None, required=False, empty_label=_("No advisor")
    )

    def __init__(self, *args, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisors


class NoteForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = AdvisorNote
        fields = ["kind", "happened_on", "text", "follow_up_on"]
        widgets = {
            "happened_on": DateInput(),
            "follow_up_on": DateInput(),
            "text": forms.Textarea(attrs={"rows": 3}),
        }


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Work email"))
    title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    location = IdChoiceField(label=_("Workplace"), queryset=None, empty_label=None)

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations

    def clean(self):
        cleaned = super().clean()
        location = cleaned.get("location")
        if location and cleaned.get("phone"):
            try:
                cleaned["phone"] = normalise_phone(cleaned["phone"], location.region.country_id)
            except ValidationError as error:
                self.add_error("phone", error)
        return cleaned


class ApproveForm(forms.Form):
    advisor = IdChoiceField(
        label=_("Advisor"), queryset=None, required=False, empty_label=_("No advisor yet")
    )

    def __init__(self, *args, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisors


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the applicant)"), widget=forms.Textarea(attrs={"rows": 3})
    )
