from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pendel.companies.identifiers import (
    buyer_vat_problem,
    normalise_peppol_id,
    normalise_vat_number,
    peppol_id_problem,
)
from pendel.companies.models import (
    APPLICATION_BILLING_FIELDS,
    BILLING_ADDRESS_FIELDS,
    BILLING_FIELDS,
    ORGANISATION_NUMBER_HELP,
    AdvisorNote,
    Application,
    Location,
    Membership,
    MembershipStatus,
    Organisation,
    Sector,
    validate_company_name,
    validate_organisation_number,
)
from pendel.companies.selectors import SIZE_BANDS
from pendel.companies.services.applications import already_message, organisation_already_in
from pendel.companies.services.memberships import TERM_FIELDS
from pendel.core.fields import BoundedIntegerField, IdChoiceField, bounded_formfield
from pendel.core.phone import normalise_phone
from pendel.core.postcodes import postcode_form_clean


def billing_clean(form, cleaned: dict, *, country: str, organisation_number: str) -> dict:
    """The checks every form with billing data makes: a whole address, a VAT number and a
    Peppol ID that fit the organisation's country and number. Errors go on the fields."""
    address = [cleaned.get(name) for name in BILLING_ADDRESS_FIELDS[:3]]
    if any(address) and not all(address):
        form.add_error(
            "invoice_street", _("An invoice address needs a street, a postcode and a city.")
        )
    if any(address) and not cleaned.get("invoice_country"):
        cleaned["invoice_country"] = country
    if "vat_number" in cleaned:
        cleaned["vat_number"] = normalise_vat_number(country, cleaned["vat_number"])
        problem = buyer_vat_problem(country, organisation_number, cleaned["vat_number"])
        if problem:
            form.add_error("vat_number", problem)
    if "peppol_id" in cleaned:
        cleaned["peppol_id"] = normalise_peppol_id(cleaned["peppol_id"])
        problem = peppol_id_problem(cleaned["peppol_id"])
        if problem:
            form.add_error("peppol_id", problem)
    if cleaned.get("invoice_email"):
        cleaned["invoice_email"] = cleaned["invoice_email"].strip().lower()
    return cleaned


class BillingDetailsForm(forms.ModelForm):
    """An organisation's invoice address, VAT number, invoice email, references and Peppol
    ID; used by staff on the member page and by the contact person on Min side."""

    class Meta:
        formfield_callback = bounded_formfield
        model = Organisation
        fields = BILLING_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invoice_street"].label = _("Invoice address (street or PO box)")
        self.fields["invoice_email"].help_text = _(
            "Invoices are mailed here, with the PDF and the e-invoice (XML) attached."
        )
        self.fields["vat_number"].help_text = VAT_HELP.get(self.instance.country_id, "")
        self.fields["invoice_email"].widget.attrs["autocomplete"] = "email"
        self.fields["invoice_postcode"].widget.attrs["autocomplete"] = "postal-code"
        self.fields["invoice_city"].widget.attrs["autocomplete"] = "address-level2"
        self.fields["invoice_street"].widget.attrs["autocomplete"] = "street-address"

    def clean(self):
        cleaned = super().clean()
        return billing_clean(
            self,
            cleaned,
            country=self.instance.country_id,
            organisation_number=self.instance.organisation_number,
        )


VAT_HELP = {
    "NO": _("Optional. NO, the organisation number and MVA, e.g. NO923609016MVA."),
    "SE": _("Optional. SE, the organisation number and 01, e.g. SE556036079301."),
    "NL": _("Optional. NL, nine digits, B and two digits, e.g. NL123456789B01."),
}


class InvoiceContactForm(forms.Form):
    invoice_contact = IdChoiceField(
        label=_("Invoice contact"),
        queryset=None,
        required=False,
        empty_label=_("No invoice contact"),
        help_text=_(
            "Sees every invoice of the organisation on Min side, in all regions, and "
            "receives the invoices by email."
        ),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invoice_contact"].queryset = candidates


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


# What browsers and password managers may fill in (the HTML autocomplete tokens). The
# organisation number and counts are not personal details a browser keeps: "off".
APPLICATION_AUTOCOMPLETE = {
    "company_name": "organization",
    "organisation_number": "off",
    "street_address": "street-address",
    "postcode": "postal-code",
    "municipality": "address-level2",
    "employee_count": "off",
    "contact_first_name": "given-name",
    "contact_last_name": "family-name",
    "contact_email": "work email",
    "contact_phone": "work tel",
    "contact_title": "organization-title",
    "invoice_street": "billing street-address",
    "invoice_postcode": "billing postal-code",
    "invoice_city": "billing address-level2",
    "invoice_country": "billing country",
    "invoice_email": "billing email",
    "vat_number": "off",
    "invoice_reference": "off",
}
MEMBER_AUTOCOMPLETE = {
    "name": "organization",
    "organisation_number": "off",
    "street_address": "street-address",
    "postcode": "postal-code",
    "municipality": "address-level2",
    "employee_count": "off",
}
INVITE_AUTOCOMPLETE = {
    "first_name": "off",
    "last_name": "off",
    "email": "off",
    "title": "off",
    "phone": "off",
}


def add_autocomplete(form, tokens: dict[str, str]) -> None:
    for name, token in tokens.items():
        if name in form.fields:
            form.fields[name].widget.attrs["autocomplete"] = token


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
            *APPLICATION_BILLING_FIELDS,
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
        self._billing_fields(region)
        add_autocomplete(self, APPLICATION_AUTOCOMPLETE)
        self.fields["municipality"].required = False  # filled in from the postcode
        self.fields["municipality"].help_text = _(
            "Filled in from the postcode if you leave it empty."
        )

    def _billing_fields(self, region):
        for name in [*BILLING_ADDRESS_FIELDS, "invoice_email"]:
            self.fields[name].required = True
        self.fields["invoice_country"].initial = region.country_id
        self.fields["invoice_street"].label = _("Invoice address (street or PO box)")
        self.fields["invoice_email"].help_text = _(
            "Where your invoices go, e.g. your accounts department's address."
        )
        self.fields["vat_number"].help_text = VAT_HELP.get(region.country_id, "")
        self.fields["invoice_reference"].help_text = _(
            "Optional. A reference or cost centre your accounts department wants on invoices."
        )

    def clean_company_name(self):
        return validate_company_name(self.cleaned_data["company_name"])

    def clean_organisation_number(self):
        number = validate_organisation_number(
            self.region.country_id, self.cleaned_data["organisation_number"]
        )
        already = organisation_already_in(region=self.region, organisation_number=number)
        if already is not None:
            raise ValidationError(already_message(already, self.region.programme_name))
        return number

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
        return billing_clean(
            self,
            cleaned,
            country=self.region.country_id,
            organisation_number=cleaned.get("organisation_number") or "",
        )

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


class MemberCreateForm(forms.Form):
    """Staff add a member in one of their own regions."""

    region = IdChoiceField(label=_("Programme"), queryset=None, empty_label=None)
    name = forms.CharField(label=_("Company name"), max_length=200)
    organisation_number = forms.CharField(label=_("Organisation number"), max_length=20)
    sector = forms.ChoiceField(label=_("Sector"), choices=Sector.choices, initial=Sector.OTHER)
    location_name = forms.CharField(
        label=_("Workplace"), max_length=200, help_text=_("E.g. the town or the site's name.")
    )
    street_address = forms.CharField(label=_("Street address"), max_length=200)
    postcode = forms.CharField(label=_("Postcode"), max_length=10)
    municipality = forms.CharField(
        label=_("Municipality"),
        max_length=100,
        required=False,  # filled in from the postcode
        help_text=_("Filled in from the postcode if you leave it empty."),
    )
    employee_count = BoundedIntegerField(
        label=_("Number of employees at this workplace"), min_value=1, max_value=1_000_000
    )
    advisor = IdChoiceField(
        label=_("Advisor"), queryset=None, required=False, empty_label=_("No advisor yet")
    )

    def __init__(self, *args, regions, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        self.fields["advisor"].queryset = advisors
        add_autocomplete(self, MEMBER_AUTOCOMPLETE)
        countries = sorted({region.country_id for region in regions})
        self.fields["organisation_number"].help_text = " ".join(
            str(ORGANISATION_NUMBER_HELP[code])
            for code in countries
            if code in ORGANISATION_NUMBER_HELP
        )

    def clean_name(self):
        return validate_company_name(self.cleaned_data["name"])

    def clean(self):
        cleaned = super().clean()
        region = cleaned.get("region")
        if region and cleaned.get("organisation_number"):
            try:
                cleaned["organisation_number"] = validate_organisation_number(
                    region.country_id, cleaned["organisation_number"]
                )
            except ValidationError as error:
                self.add_error("organisation_number", error)
        if region:
            postcode_form_clean(self, region.country_id)
        advisor = cleaned.get("advisor")
        if region and advisor and not advisor.roles.filter(region=region).exists():
            self.add_error("advisor", _("The advisor must work in this member's region."))
        return cleaned

    def member_data(self) -> dict:
        names = ["name", "organisation_number", "sector", "location_name"]
        names += ["street_address", "postcode", "municipality", "employee_count"]
        return {name: self.cleaned_data[name] for name in names}
