"""A location's employees, in the back office and on Min side (pendel/core/tables.py)."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pendel.core.tables import DateColumn, PendelTable


class EmployeeTable(PendelTable):
    """Staff: read, hand over or erase one person's data."""

    actions_template = "employees/includes/staff_actions.html"

    name = tables.Column(
        _("Name"),
        accessor="full_name",
        orderable=True,
        order_by=("first_name", "last_name"),
        empty_values=(),
    )
    email = tables.Column(_("Work email"), orderable=True)
    department = tables.Column(_("Department"), orderable=True)
    age_group = tables.Column(
        _("Age group"), accessor="get_age_group_display", order_by="age_group", orderable=True
    )
    start_date = DateColumn(_("Start date"), orderable=True)
    end_date = DateColumn(_("End date"), orderable=True)
    actions = tables.Column(_("Personal data"), empty_values=(), orderable=False)

    class Meta(PendelTable.Meta):
        pass

    def __init__(self, *args, location, **kwargs):
        super().__init__(*args, **kwargs)
        self.location = location

    def render_name(self, record):
        if record.is_erased:
            return format_html("<em>{}</em>", _("Erased employee"))
        return record.full_name

    def render_actions(self, record):
        context = {"employee": record, "location": self.location}
        return render_to_string(self.actions_template, context, request=self.request)


class CompanyEmployeeTable(EmployeeTable):
    """Min side: the company keeps its own list."""

    actions_template = "employees/includes/company_actions.html"

    actions = tables.Column(_("Actions"), empty_values=(), orderable=False)

    class Meta(EmployeeTable.Meta):
        exclude = ("start_date",)
