"""Orders and company tickets, in the back office and on Min side (pendel/core/tables.py)."""

from django.utils.translation import gettext_lazy as _

from pendel.core.tables import NUMBER_CELLS, CellColumn, PendelTable

PRODUCT = (
    "{{ order.product.get_name_display }}"
    "{% if order.note %}<br><small>{{ order.note }}</small>{% endif %}"
)


class MonthsTable(PendelTable):
    """The months an order or a ticket runs: from its first month until its last, or until
    cancelled (a list puts them where they read best, by `sequence`)."""

    start = CellColumn(
        _("From"),
        template_code='{{ record.start_month|date:"F Y" }}',
        order_by="start_month",
        orderable=True,
    )
    until = CellColumn(
        _("Until"),
        template_code='{% if record.last_month %}{{ record.last_month|date:"F Y" }}'
        '{% else %}{% translate "until cancelled" %}{% endif %}',
        order_by="end_month",
        orderable=True,
    )


class OrderTable(MonthsTable):
    """Staff: the orders of the staff member's regions."""

    record_name = "order"

    company = CellColumn(
        _("Company"),
        template_code="{{ order.organisation.name }}<br><small>{{ order.location.name }} · "
        "{{ order.location.region.programme_name }}</small>",
        order_by=("organisation__name", "location__name"),
        orderable=True,
    )
    product = CellColumn(_("Product"), template_code=PRODUCT)
    quantity = CellColumn(
        _("Quantity"),
        template_code="{% if order.product.is_ticket %}{{ order.ticket_count }}"
        "{% else %}{{ order.quantity }}{% endif %}",
        attrs=NUMBER_CELLS,
    )
    employer_share = CellColumn(
        _("Employer pays"),
        template_code='{% if order.product.is_ticket %}{{ order.employer_share|floatformat:"-2" }}'
        " %{% else %}–{% endif %}",
        attrs=NUMBER_CELLS,
    )
    ordered = CellColumn(
        _("Ordered by"),
        template_code='{{ order.ordered_by|default:"–" }}<br>'
        '<small>{{ order.created_at|date:"SHORT_DATE_FORMAT" }}</small>',
        order_by="created_at",
        orderable=True,
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No orders yet.")
        sequence = ("company", "product", "start", "until", "...")


class CompanyOrderTable(MonthsTable):
    """Min side: the company's orders, each cancellable while it runs."""

    record_name = "order"

    product = CellColumn(_("Product"), template_code=PRODUCT)
    location = CellColumn(
        _("Location"),
        template_code="{{ order.location.name }}",
        order_by="location__name",
        orderable=True,
    )
    quantity = CellColumn(
        _("Quantity"),
        template_code="{{ order.quantity }}",
        order_by="quantity",
        orderable=True,
        attrs=NUMBER_CELLS,
    )
    actions = CellColumn(
        _("Actions"),
        template_code="{% if not order.end_month or not order.product.is_monthly %}"
        '<a href="{% url \'company:order_cancel\' order.pk %}">{% translate "Cancel" %}'
        '<span class="visually-hidden"> {{ order.product.get_name_display }}</span></a>'
        "{% endif %}",
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No orders yet.")
        sequence = ("product", "location", "start", "until", "...")


class TicketTable(MonthsTable):
    """Min side: a location's active and coming company tickets."""

    record_name = "ticket"

    employee = CellColumn(
        _("Employee"),
        template_code="{{ ticket.employee }}<br>"
        "<small>{{ ticket.order.product.get_name_display }}</small>",
        order_by=("employee__last_name", "employee__first_name"),
        orderable=True,
    )
    until = CellColumn(
        _("Until"),
        template_code='{% if ticket.last_month %}{{ ticket.last_month|date:"F Y" }}'
        "{% if ticket.end_reason %} <small>({{ ticket.get_end_reason_display }})</small>"
        '{% endif %}{% else %}{% translate "until cancelled" %}{% endif %}',
        order_by="end_month",
        orderable=True,
    )
    employer_share = CellColumn(
        _("Employer pays"),
        template_code='{{ ticket.order.employer_share|floatformat:"-2" }} %',
        attrs=NUMBER_CELLS,
    )
    actions = CellColumn(
        _("Actions"),
        template_code="{% if not ticket.end_month %}"
        '<a href="{% url \'company:ticket_cancel\' ticket.pk %}">{% translate "Cancel" %}'
        '<span class="visually-hidden"> {{ ticket.employee }}</span></a>{% endif %}',
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No company tickets at this location.")
        sequence = ("employee", "start", "until", "...")
