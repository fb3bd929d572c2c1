"""Forms of the yearly plan: a line to add or change, the advisor's comment, the list's
filter."""

from datetime import date

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from pendel.activities.models import ActivityPlan, ActivityType, PlannedActivity
from pendel.core.dates import month_label
from pendel.core.fields import IdChoiceField


def month_choices(year: int) -> list[tuple[int, str]]:
    """The twelve months of the plan's year, named in the reader's language."""
    return [(month, month_label(date(year, month, 1))) for month in range(1, 13)]


def _type_label(activity_type: ActivityType) -> str:
    return activity_type.get_name_display()


class LineForm(forms.Form):
    """A line as the contact person chooses it: the activity, a month, wishes."""

    activity_type = IdChoiceField(label=_("Activity"), queryset=ActivityType.objects.none())
    month = forms.TypedChoiceField(label=_("Proposed month"), coerce=int)
    wish = forms.CharField(
        label=_("Wishes"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example a day of the week, a place or who should come."),
    )

    def __init__(self, *args, types, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity_type"].queryset = types
        self.fields["activity_type"].label_from_instance = _type_label
        self.fields["month"].choices = month_choices(year)


class ContactLineForm(LineForm):
    """A line already in the plan: the contact person changes its month and wishes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["activity_type"]


class StaffLineForm(LineForm):
    """The advisor also swaps the activity, sets the line's status and comments."""

    status = forms.ChoiceField(label=_("Status"), choices=PlannedActivity.Status.choices)
    comment = forms.CharField(
        label=_("Advisor's comment"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, survey: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if survey:  # the survey's line keeps its activity
            del self.fields["activity_type"]


class CommentForm(forms.Form):
    advisor_comment = forms.CharField(
        label=_("Comment to the company"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the company's plan. Needed when you send the plan back."),
    )


class PlanFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(label=_("Year"), min_value=2020, max_value=2100)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ActivityPlan.Status.choices, empty_label=_("All")
    )

    class Meta:
        model = ActivityPlan
        fields = ["year", "status"]
