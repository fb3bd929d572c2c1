"""The staff document list's filters (django-filter), with the parameter names the list has
always had: ?organisation=&category=, plus ?q= on the title and file name. A choice out of
scope or not a number is left out: the list shows everything else it would have shown."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.documents.models import Document


class DocumentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=100)
    organisation = django_filters.ModelChoiceFilter(
        label=_("Company"), queryset=None, empty_label=_("All companies")
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=Document.Category.choices, empty_label=_("All categories")
    )

    class Meta:
        model = Document
        fields = ["q", "organisation", "category"]

    def __init__(self, data=None, *, queryset, organisations, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        self.filters["organisation"].queryset = organisations

    def search(self, queryset, name, value):
        for word in value.split()[:5]:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(original_filename__icontains=word)
            )
        return queryset
