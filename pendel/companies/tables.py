"""The staff lists of members and applications (pendel/core/tables.py)."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from pendel.core.tables import CellColumn, DateColumn, NumberColumn, PendelTable


class MemberTable(PendelTable):
    company = tables.Column(_("Company"), accessor="location__organisation__name", orderable=True)
    location = tables.Column(_("Location"), accessor="location__name", orderable=True)
    municipality = tables.Column(
        _("Municipality"), accessor="location__municipality", orderable=True
    )
    employees = NumberColumn(_("Employees"), accessor="location__employee_count", orderable=True)
    status = tables.Column(_("Status"), orderable=True)
    advisor = tables.Column(
        _("Advisor"),
        default="–",
        orderable=True,
        order_by=("advisor__first_name", "advisor__last_name"),
    )
    programme = tables.Column(
        _("Programme"), accessor="location__region__programme_name", orderable=True
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No members match.")

    def render_company(self, value, record):
        return format_html(
            '<a href="{}">{}</a>', reverse("staff:member_detail", args=[record.pk]), value
        )

    def render_status(self, record):
        return format_html(
            '<span class="badge badge-{}">{}</span>', record.status, record.get_status_display()
        )


class ApplicationTable(PendelTable):
    received = DateColumn(_("Received"), accessor="created_at", orderable=True)
    company = tables.Column(_("Company"), accessor="company_name", orderable=True)
    workplace = tables.Column(_("Workplace"), accessor="location_name", orderable=True)
    employees = NumberColumn(_("Employees"), accessor="employee_count", orderable=True)
    programme = tables.Column(_("Programme"), accessor="region__programme_name", orderable=True)
    status = tables.Column(
        _("Status"), accessor="get_status_display", order_by="status", orderable=True
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No applications.")

    def render_company(self, value, record):
        return format_html(
            '<a href="{}">{}</a>', reverse("staff:application_detail", args=[record.pk]), value
        )


def several_regions(scope) -> bool:
    return scope.all_regions or len(scope.region_ids) > 1


class ContactTable(PendelTable):
    """Min side: the company's contact persons, the primary contact first."""

    record_name = "contact"

    name = CellColumn(
        _("Name"),
        template_code="{{ contact.user }}{% if contact.title %} <small>({{ contact.title }})"
        "</small>{% endif %}",
        order_by=("user__first_name", "user__last_name"),
        orderable=True,
    )
    email = CellColumn(
        _("Email address"),
        template_code="{{ contact.user.email }}",
        order_by="user__email",
        orderable=True,
    )
    workplace = CellColumn(
        _("Workplace"),
        template_code="{{ contact.location.name }}",
        order_by="location__name",
        orderable=True,
    )
    role = CellColumn(
        _("Role"),
        template_code='{% if contact.is_primary %}{% translate "Primary contact" %}'
        '{% else %}{% translate "Contact person" %}{% endif %}',
        order_by="-is_primary",
        orderable=True,
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No contact persons yet.")
