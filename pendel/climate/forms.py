"""Input shapes of the climate pages, with a message per field."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pendel.climate.importers import IMPORTERS, MAX_BYTES
from pendel.climate.models import EmissionFactorSet
from pendel.climate.services import SetDetails


class FactorSetImportForm(forms.Form):
    """The set's details and its file. After the preview, the file's text rides along in
    `content`, and the import reads and checks it again."""

    importer = forms.ChoiceField(
        label=_("File format"), choices=[(key, imp.label) for key, imp in IMPORTERS.items()]
    )
    name = forms.CharField(label=_("Name"), max_length=160)
    version = forms.CharField(label=_("Version"), max_length=40)
    country = forms.CharField(
        label=_("Country"),
        max_length=2,
        required=False,
        help_text=_("Two letters (NO, SE, NL) for a national set; empty for several countries."),
    )
    fallback_scope = forms.CharField(
        label=_("Fallback rows"),
        max_length=20,
        required=False,
        help_text=_("The country column of rows that stand in where a country has none."),
    )
    source = forms.CharField(label=_("Source"), widget=forms.Textarea(attrs={"rows": 2}))
    source_url = forms.URLField(
        label=_("Source address"), required=False, max_length=500, assume_scheme="https"
    )
    published_year = forms.IntegerField(
        label=_("Year published"), required=False, min_value=1990, max_value=2100
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    is_default = forms.BooleanField(
        label=_("Make it the default set of its country"), required=False
    )
    file = forms.FileField(label=_("File"), required=False)
    content = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_country(self) -> str:
        country = self.cleaned_data["country"].strip().upper()
        if country and not (len(country) == 2 and country.isalpha()):
            raise ValidationError(_("Use the two-letter country code, e.g. NO."))
        return country

    def clean_fallback_scope(self) -> str:
        return self.cleaned_data["fallback_scope"].strip().upper()

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload is not None:
            if upload.size > MAX_BYTES:
                self.add_error("file", _("The file is larger than 512 KB."))
                return data
            data["data"] = upload.read()
        elif data.get("content"):
            data["data"] = data["content"].encode("utf-8")
        else:
            self.add_error("file", _("Choose the file to import."))
        return data

    def details(self) -> SetDetails:
        data = self.cleaned_data
        return SetDetails(
            name=data["name"].strip(),
            version=data["version"].strip(),
            country=data["country"],
            fallback_scope=data["fallback_scope"],
            source=data["source"].strip(),
            source_url=data["source_url"],
            published_year=data["published_year"],
            note=data["note"].strip(),
            is_default=data["is_default"],
        )


class ClimateSettingsForm(forms.Form):
    factor_set = forms.ModelChoiceField(
        label=_("Emission factor set"),
        queryset=EmissionFactorSet.objects.none(),
        required=False,
        empty_label=_("The country's default set"),
    )
    working_weeks = forms.IntegerField(
        label=_("Working weeks a year"),
        min_value=1,
        max_value=52,
        help_text=_("Weeks a year people commute: 52 less holidays and public holidays."),
    )

    def __init__(self, *args, sets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["factor_set"].queryset = sets


class FactorSetChoiceForm(forms.Form):
    """A report may name another set than the region's (GET, so the page can be linked)."""

    set = forms.ModelChoiceField(
        label=_("Emission factor set"),
        queryset=EmissionFactorSet.objects.none(),
        required=False,
        empty_label=_("The region's set"),
    )

    def __init__(self, *args, sets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["set"].queryset = sets
