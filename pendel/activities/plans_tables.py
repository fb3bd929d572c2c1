"""The staff list of yearly activity plans (pendel/core/tables.py)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from pendel.activities.plans_selectors import still_to_choose
from pendel.core.money import format_number
from pendel.core.tables import NUMBER_CELLS, CellColumn, NumberColumn, PendelTable


class PlanTable(PendelTable):
    record_name = "plan"

    company = CellColumn(
        _("Company"),
        template_code="<a href=\"{% url 'staff:activity_plan_detail' plan.pk %}\">"
        "{{ plan.location.organisation.name }}</a>",
        order_by=("location__organisation__name", "location__name"),
        orderable=True,
    )
    location = tables.Column(_("Location"), accessor="location__name", orderable=True)
    year = tables.Column(_("Year"), orderable=True)
    status = CellColumn(
        _("Status"),
        template_code='<span class="ds-tag" data-color="{{ plan.status|status_colour }}">'
        "{{ plan.get_status_display }}</span>",
        orderable=True,
    )
    lines = NumberColumn(_("Activities"), accessor="line_count", orderable=True)
    late = NumberColumn(_("Late"), accessor="late_count", orderable=True)
    done = NumberColumn(_("Held"), accessor="done_count", orderable=True)
    lacking = tables.Column(_("Still to choose"), accessor="pk", attrs=NUMBER_CELLS)

    class Meta(PendelTable.Meta):
        empty_text = _("No activity plans match.")

    def __init__(self, *args, rules: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules = rules

    def render_lacking(self, record):
        rules = self.rules[record.location.region_id]
        missing = still_to_choose(rules, lines=record.line_count, surveys=record.survey_count)
        return format_number(max(missing, 0))
