"""The lists of invoices, in the back office and on Min side (pendel/core/tables.py)."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from pendel.core.dates import region_today
from pendel.core.money import format_number
from pendel.core.tables import CellColumn, DateColumn, MoneyColumn, NumberColumn, PendelTable


class InvoiceTable(PendelTable):
    """Staff: every invoice and credit note of the staff member's regions."""

    detail_url = "staff:invoice_detail"

    number = tables.Column(_("Number"), orderable=True)
    company = tables.Column(_("Company"), accessor="organisation__name", orderable=True)
    issue_date = DateColumn(_("Issue date"), orderable=True)
    due_date = DateColumn(_("Due date"), orderable=True, default="–")
    total = MoneyColumn(_("Total"), currency="currency", orderable=True)
    status = tables.Column(_("Status"), orderable=True, empty_values=())

    class Meta(PendelTable.Meta):
        empty_text = _("No invoices found.")

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def render_number(self, value, record):
        return format_html(
            '<a href="{}">{}</a><br><small>{}</small>',
            reverse(self.detail_url, args=[record.pk]),
            value,
            record.get_kind_display(),
        )

    def render_company(self, value, record):
        place = [record.location.name] if record.location else []
        place.append(record.region.programme_name)
        return format_html("{}<br><small>{}</small>", value, " · ".join(place))

    def render_status(self, record):
        status = render_to_string(
            "invoicing/_status.html", {"invoice": record, "today": self.today}
        )
        if record.breaks_the_rules:
            status += format_html(
                ' <span class="badge badge-failed">{}</span>', record.get_validation_display()
            )
        return status  # safe: our template escaped it, and format_html the badge


class CompanyInvoiceTable(InvoiceTable):
    """Min side: the company's own invoices, with their files."""

    detail_url = "company:invoice_detail"

    files = tables.Column(_("Files"), empty_values=(), orderable=False)

    class Meta(InvoiceTable.Meta):
        empty_text = _("No invoices yet.")
        exclude = ("company",)
        sequence = ("number", "issue_date", "due_date", "total", "status", "files")

    def render_number(self, value, record):
        where = [record.get_kind_display(), record.region.programme_name]
        if record.location:
            where.append(record.location.name)
        return format_html(
            '<a href="{}">{}</a><br><small>{}</small>',
            reverse(self.detail_url, args=[record.pk]),
            value,
            " · ".join(str(part) for part in where),
        )

    def render_files(self, record):
        links = [
            (reverse("company:invoice_pdf", args=[record.pk]), "PDF", record.number),
            (reverse("company:invoice_xml", args=[record.pk]), "XML", record.number),
        ]
        return format_html_join(
            " · ", '<a href="{}">{}<span class="visually-hidden"> {}</span></a>', links
        )


class RunTable(PendelTable):
    """Staff: the invoice runs of the staff member's regions, newest month first."""

    record_name = "run"

    month = CellColumn(
        _("Month"),
        template_code="<a href=\"{% url 'staff:invoice_run_detail' run.pk %}\">"
        '{{ run.period|date:"F Y" }}</a>',
        order_by="period",
        orderable=True,
    )
    region = CellColumn(
        _("Region"),
        template_code='{{ run.region.programme_name }} <small>(<a href="{% url '
        '\'staff:seller_profile\' run.region.slug %}">{% translate "seller details" %}</a>)'
        "</small>",
        order_by="region__programme_name",
        orderable=True,
    )
    status = CellColumn(
        _("Status"),
        template_code="<span class=\"badge {% if run.status == 'failed' %}badge-failed"
        "{% elif run.status == 'done' %}badge-successful{% else %}badge-pending{% endif %}\">"
        "{{ run.get_status_display }}</span>{% if run.problems %} "
        '<span class="badge badge-pending">{% blocktranslate count count=run.problems|length %}'
        "{{ count }} problem{% plural %}{{ count }} problems{% endblocktranslate %}</span>"
        "{% endif %}",
        orderable=True,
    )
    invoices_created = NumberColumn(_("Invoices made"), orderable=True)
    started = CellColumn(
        _("Started"),
        template_code='{{ run.created_at|date:"SHORT_DATETIME_FORMAT" }}<br>'
        '<small>{{ run.started_by|default:"" }}</small>',
        order_by="created_at",
        orderable=True,
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No invoice runs yet.")


class OverdueTable(PendelTable):
    """Staff: invoices past their due date with money still owed, the longest overdue first.
    Days are counted in each invoice's region (its own today)."""

    number = tables.Column(_("Number"), orderable=True, order_by="sequence")
    company = tables.Column(_("Company"), accessor="organisation__name", orderable=True)
    programme = tables.Column(_("Programme"), accessor="region__programme_name", orderable=True)
    due_date = DateColumn(_("Due date"), orderable=True)
    days = NumberColumn(
        _("Days overdue"), accessor="due_date", order_by="-due_date", orderable=True
    )
    owed = MoneyColumn(_("Left to pay"), currency="currency", orderable=True)

    class Meta(PendelTable.Meta):
        empty_text = _("No overdue invoices.")
        row_attrs = {"class": "overdue"}

    def render_number(self, value, record):
        return format_html(
            '<a href="{}">{}</a>', reverse("staff:invoice_detail", args=[record.pk]), value
        )

    def render_company(self, value, record):
        email = record.buyer.get("email") if isinstance(record.buyer, dict) else ""
        if not email:
            return value
        return format_html("{}<br><small>{}</small>", value, email)

    def render_days(self, record):
        return format_number((region_today(record.region) - record.due_date).days)
