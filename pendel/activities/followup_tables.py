"""The follow-up's tables and filters (pendel/core/tables.py): the region's members with the
year's activities and plan, and the regions against their targets."""

import django_filters
import django_tables2 as tables
from django.db.models import Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pendel.activities.followup import NO_PLAN, NOT_APPROVED, with_plan
from pendel.activities.models import ActivityPlan
from pendel.core.tables import NumberColumn, PendelTable

PLAN_CHOICES = [
    (NOT_APPROVED, _("No approved plan")),
    (NO_PLAN, _("No plan")),
    *ActivityPlan.Status.choices,
]
PLAN_LABELS = dict(ActivityPlan.Status.choices)


def plan_label(status) -> str:
    return str(PLAN_LABELS.get(status, _("No plan")))


class FollowupFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=100)
    plan = django_filters.ChoiceFilter(
        label=_("Plan"), choices=PLAN_CHOICES, empty_label=_("All members"), method="by_plan"
    )

    def search(self, queryset, name, value):
        for word in value.split()[:5]:
            queryset = queryset.filter(
                Q(location__organisation__name__icontains=word) | Q(location__name__icontains=word)
            )
        return queryset

    def by_plan(self, queryset, name, value):
        return with_plan(queryset, value)


class FollowupTable(PendelTable):
    """A region's members: the year's plan, and planned, held and cancelled activities."""

    company = tables.Column(
        _("Company"), accessor="location__organisation__name", orderable=True, empty_values=()
    )
    advisor = tables.Column(_("Advisor"), accessor="advisor", empty_values=())
    plan_status = tables.Column(_("Plan"), orderable=True, empty_values=())
    planned = NumberColumn(_("Planned"), orderable=True)
    held = NumberColumn(_("Held"), orderable=True)
    cancelled = NumberColumn(_("Cancelled"), orderable=True)

    class Meta(PendelTable.Meta):
        empty_text = _("No members match.")

    def render_company(self, value, record):
        return format_html(
            '<a class="ds-link" href="{}">{}</a><br><small>{}</small>',
            reverse("staff:member_detail", args=[record.pk]),
            value,
            record.location.name,
        )

    def render_advisor(self, value):
        return str(value) if value else _("No advisor yet")

    def render_plan_status(self, value):
        colour = {"approved": "success", "submitted": "info", "draft": "warning"}.get(
            value, "danger"
        )
        return format_html(
            '<span class="ds-tag" data-color="{}">{}</span>', colour, plan_label(value)
        )
