"""The staff list of emission factor sets (pendel/core/tables.py)."""

from django.utils.translation import gettext_lazy as _

from pendel.core.tables import NUMBER_CELLS, CellColumn, PendelTable


class FactorSetTable(PendelTable):
    record_name = "set"

    name = CellColumn(
        _("Factor set"),
        template_code="<a href=\"{% url 'staff:climate_factor_set_detail' set.pk %}\">"
        "{{ set.name }} {{ set.version }}</a>",
        order_by=("name", "version"),
        orderable=True,
    )
    country = CellColumn(
        _("Country"),
        template_code="{% load i18n %}{{ set.country|default:_('Several countries') }}",
        orderable=True,
    )
    factors = CellColumn(_("Factors"), template_code="{{ set.factor_count }}", attrs=NUMBER_CELLS)
    confirmed = CellColumn(
        _("Confirmed"),
        template_code="{% load i18n %}{% if set.confirmed %}"
        '<span class="ds-tag" data-color="success">{% translate "Confirmed" %}</span>'
        '{% else %}<span class="ds-tag" data-color="warning">'
        "{% blocktranslate count count=set.unconfirmed_count %}{{ count }} factor unconfirmed"
        "{% plural %}{{ count }} factors unconfirmed{% endblocktranslate %}</span>{% endif %}",
    )
    default = CellColumn(
        _("Default"),
        template_code="{% load i18n %}{% if set.is_default %}{% translate 'Default' %}{% endif %}",
    )
    imported = CellColumn(
        _("Imported"),
        template_code='{{ set.imported_at|date:"SHORT_DATE_FORMAT" }}'
        "{% if set.imported_by %} · {{ set.imported_by.get_full_name|default:"
        "set.imported_by.email }}{% endif %}",
        order_by="imported_at",
        orderable=True,
    )
