from django import forms
from django.utils.translation import gettext_lazy as _


class OrganisationChoiceForm(forms.Form):
    """Which of their organisations a contact person acts for on Min side."""

    organisation = forms.TypedChoiceField(label=_("Company"), coerce=int, widget=forms.RadioSelect)

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [
            (organisation.organisation_id, organisation.name) for organisation in organisations
        ]
