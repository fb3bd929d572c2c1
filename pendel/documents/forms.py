from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.fields import IdChoiceField
from pendel.documents.files import ALLOWED_TYPES_TEXT, FILE_TYPES, max_bytes
from pendel.documents.models import Document


class DocumentFilterForm(forms.Form):
    organisation = IdChoiceField(
        label=_("Company"), queryset=None, required=False, empty_label=_("All companies")
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", _("All categories")), *Document.Category.choices],
        required=False,
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def filters(self) -> dict:
        """The chosen filters; an invalid choice (a company out of scope) shows everything."""
        if not self.is_valid():
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value}


class LocationChoiceField(IdChoiceField):
    def label_from_instance(self, location) -> str:
        return f"{location} ({location.region.name})"


class DocumentUploadForm(forms.Form):
    """What a contact person fills in; staff also choose who may see the document."""

    # Empty files reach the service, which refuses them with the archive's own message.
    file = forms.FileField(label=_("File"), allow_empty_file=True)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to use the file name."),
    )
    category = forms.ChoiceField(label=_("Category"), choices=Document.Category.choices)
    location = LocationChoiceField(label=_("Location"), queryset=None)
    whole_company = forms.BooleanField(
        label=_("The document concerns the whole company, not only this location"),
        required=False,
    )

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        file_field = self.fields["file"]
        file_field.widget.attrs["accept"] = ",".join(f".{extension}" for extension in FILE_TYPES)
        file_field.help_text = gettext("Allowed: %(allowed)s. At most %(limit)s.") % {
            "allowed": ALLOWED_TYPES_TEXT,
            "limit": filesizeformat(max_bytes()),
        }

    def filing(self) -> dict:
        """Where the document is filed: the company, the location (or none) and the region."""
        location = self.cleaned_data["location"]
        return {
            "organisation": location.organisation,
            "location": None if self.cleaned_data["whole_company"] else location,
            "region": location.region,
        }


class StaffDocumentUploadForm(DocumentUploadForm):
    visibility = forms.ChoiceField(
        label=_("Who may see it"),
        choices=Document.Visibility.choices,
        initial=Document.Visibility.SHARED,
        widget=forms.RadioSelect,
        help_text=_(
            "Shared documents are seen by region staff and the company's contact persons. "
            "Choose “Region staff only” for internal notes."
        ),
    )


class CompanyDocumentUploadForm(DocumentUploadForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A contact person's locations are all of their own company.
        self.fields["location"].label_from_instance = lambda location: location.name
