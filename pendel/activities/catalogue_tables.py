"""The staff list of the activity catalogue (pendel/core/tables.py)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pendel.core.money import format_number
from pendel.core.tables import CellColumn, NumberColumn, PendelTable


def duration_text(minutes: int | None) -> str:
    """45 minutes, 3 hours, 7 days: the largest unit that divides the duration."""
    if not minutes:
        return ""
    if minutes % (24 * 60) == 0:
        days = minutes // (24 * 60)
        return ngettext("%(n)s day", "%(n)s days", days) % {"n": format_number(days)}
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": format_number(hours)}
    return ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": format_number(minutes)}


class ActivityTypeTable(PendelTable):
    record_name = "kind"

    name = CellColumn(
        _("Activity"),
        template_code="<strong>{{ kind.get_name_display }}</strong>"
        '{% if not kind.is_active %} <span class="ds-tag" data-color="neutral">'
        '{% translate "inactive" %}</span>{% endif %}'
        '{% if kind.is_survey %} <span class="ds-tag" data-color="info">'
        '{% translate "compulsory" %}</span>{% endif %}'
        "<br><small>{{ kind.get_description_display }}</small>",
    )
    origin = CellColumn(
        _("Catalogue"),
        template_code="{% if kind.region %}{{ kind.region.programme_name }}"
        '{% else %}{% translate "National" %}{% endif %}',
    )
    goal = tables.Column(_("Goal"), accessor="get_goal_display")
    duration = tables.Column(_("Duration"), accessor="duration_minutes")
    capacity = NumberColumn(_("Usual capacity"), default="–")
    leads_to = CellColumn(
        _("May lead to"), template_code='{{ kind.leads_to.get_name_display|default:"–" }}'
    )
    missing = CellColumn(
        _("Languages missing"),
        template_code='{{ kind.missing_languages|join:", "|default:"–" }}',
    )
    actions = CellColumn(
        _("Actions"),
        template_code="{% if kind.region_id or coordinator %}"
        '<a href="{% url \'staff:activity_type_edit\' kind.pk %}">{% translate "Edit" %}'
        '<span class="visually-hidden"> {{ kind.get_name_display }}</span></a>{% endif %}',
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No activities match.")

    def render_duration(self, value):
        return duration_text(value)
