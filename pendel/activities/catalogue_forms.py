"""Forms of the activity catalogue and of a region's rules for plans."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.activities.models import ActivityRules, ActivityType, Goal
from pendel.catalogue.models import Product
from pendel.core.fields import bounded_formfield
from pendel.core.texts import add_translated_fields, collect_translated


class ActivityTypeForm(forms.ModelForm):
    """The type's settings, and its name and description in each language."""

    class Meta:
        formfield_callback = bounded_formfield
        model = ActivityType
        fields = [
            "code",
            "goal",
            "duration_minutes",
            "capacity",
            "cost",
            "leads_to",
            "is_active",
            "sort_order",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        region_id = self.instance.region_id
        products = Product.objects.filter(Q(region__isnull=True) | Q(region_id=region_id))
        self.fields["leads_to"].queryset = products.filter(is_active=True).order_by(
            "region_id", "sort_order", "code"
        )
        self.fields["leads_to"].label_from_instance = lambda product: product.get_name_display()
        # No language is required: the service asks for a name in at least one.
        for name, label, max_length in (
            ("name", _("Name"), 120),
            ("description", _("Description"), 1000),
        ):
            add_translated_fields(
                self,
                name,
                label=label,
                required_language=None,
                initial=getattr(self.instance, name),
                max_length=max_length,
                textarea=name == "description",
            )

    def texts(self) -> dict:
        return {
            name: collect_translated(self.cleaned_data, name) for name in ActivityType.TEXT_FIELDS
        }

    def settings(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        # The service validates the whole row (with its region) when it saves.
        pass


class ActivityRulesForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = ActivityRules
        fields = ["activities_per_plan", "survey_place", "yearly_target"]


class ActivityTypeFilter(django_filters.FilterSet):
    ORIGINS = [("national", _("National catalogue")), ("own", _("The region's own"))]

    goal = django_filters.ChoiceFilter(label=_("Goal"), choices=Goal.choices, empty_label=_("All"))
    origin = django_filters.ChoiceFilter(
        label=_("National or own"), choices=ORIGINS, method="by_origin", empty_label=_("All")
    )

    class Meta:
        model = ActivityType
        fields = ["goal", "origin"]

    def by_origin(self, queryset, name, value):
        return queryset.filter(region__isnull=value == "national")
