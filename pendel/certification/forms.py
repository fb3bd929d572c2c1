from django import forms
from django.utils.translation import gettext_lazy as _

from pendel.certification.models import Tier
from pendel.certification.services import TIER_FIELDS
from pendel.core.fields import bounded_formfield
from pendel.core.texts import add_translated_fields, collect_translated

FIRST_YEAR, LAST_YEAR = 2020, 2100


class TierForm(forms.ModelForm):
    """A tier's rank and rules, and its name in each language (the region's required)."""

    class Meta:
        formfield_callback = bounded_formfield
        model = Tier
        fields = TIER_FIELDS

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        add_translated_fields(
            self,
            "name",
            label=_("Name"),
            required_language=region.default_language,
            initial=self.instance.name,
            max_length=80,
        )

    def texts(self) -> dict:
        return {"name": collect_translated(self.cleaned_data, "name")}

    def settings(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        # The service validates the whole row (with its region) when it saves.
        pass


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All")), *statuses]


class DecisionForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


def year_of(value, default: int) -> int:
    """A year from the query string or a form; the default for anything else."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default
    return year if FIRST_YEAR <= year <= LAST_YEAR else default
