"""The region's events as a table (pendel/core/tables.py); times on the region's clock."""

from django.utils.translation import gettext_lazy as _

from pendel.core.tables import NUMBER_CELLS, CellColumn, PendelTable

WHEN = (
    "{% load tz %}{% with at=event.starts_at|timezone:event.region.time_zone %}"
    '{{ at|date:"SHORT_DATE_FORMAT" }} {{ at|time:"TIME_FORMAT" }}{% endwith %}'
)


class EventTable(PendelTable):
    record_name = "event"

    starts_at = CellColumn(_("When"), template_code=WHEN, orderable=True)
    activity = CellColumn(
        _("Activity"),
        template_code="<a href=\"{% url 'staff:event_detail' event.pk %}\">"
        "{{ event.activity_type }}</a><br><small>{{ event.place }}</small>",
    )
    company = CellColumn(
        _("Company"),
        template_code="{% if event.location %}{{ event.location.organisation.name }}"
        "<br><small>{{ event.location.name }} · {{ event.region.name }}</small>"
        '{% else %}{% translate "Open to several members" %}{% endif %}',
        order_by=("location__organisation__name", "location__name"),
        orderable=True,
    )
    advisors = CellColumn(
        _("Advisors"),
        template_code="{% for advisor in event.advisors.all %}"
        "{{ advisor.get_full_name|default:advisor.email }}{% if not forloop.last %}, "
        "{% endif %}{% empty %}–{% endfor %}",
    )
    signed_up = CellColumn(
        _("Signed up"),
        template_code="{{ event.confirmed_count }}{% if event.capacity %} / {{ event.capacity }}"
        "{% endif %}{% if event.waiting_count %}<br><small>"
        "{% blocktranslate count counter=event.waiting_count %}{{ counter }} waiting"
        "{% plural %}{{ counter }} waiting{% endblocktranslate %}</small>{% endif %}",
        attrs=NUMBER_CELLS,
    )
    status = CellColumn(
        _("Status"),
        template_code='<span class="ds-tag" data-color="{% if event.status == \'held\' %}success'
        "{% elif event.status == 'cancelled' %}neutral{% else %}info{% endif %}\">"
        "{{ event.get_status_display }}</span>",
        orderable=True,
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No activities here.")
