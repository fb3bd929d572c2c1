"""The staff list of travel survey waves (pendel/core/tables.py). Each wave on the page
carries its list row (`wave.listed`: live rate, threshold, met) from `wave_rows`."""

from django.utils.translation import gettext_lazy as _

from pendel.core.tables import NUMBER_CELLS, CellColumn, PendelTable


class WaveTable(PendelTable):
    record_name = "wave"

    company = CellColumn(
        _("Company"),
        template_code="<a href=\"{% url 'staff:survey_wave_detail' wave.pk %}\">"
        "{{ wave.location.organisation.name }} – {{ wave.location.name }}</a>",
        order_by=("location__organisation__name", "location__name"),
        orderable=True,
    )
    kind = CellColumn(_("Kind"), template_code="{{ wave.get_kind_display }}", orderable=True)
    open = CellColumn(
        _("Open"),
        template_code='{{ wave.opens_on|date:"SHORT_DATE_FORMAT" }}–'
        '{{ wave.closes_on|date:"SHORT_DATE_FORMAT" }}',
        order_by="opens_on",
        orderable=True,
    )
    status = CellColumn(
        _("Status"),
        template_code="{{ wave.get_status_display }}",
        orderable=True,
    )
    rate = CellColumn(
        _("Response rate"),
        template_code="{% load surveys %}{% with row=wave.listed %}{% if wave.is_dispatched %}"
        "{{ row.rate.percent|percent }} <small>({{ row.rate.answered|number }}/"
        "{{ row.rate.delivered|number }})</small>{% if row.rate.closed %}<br><small>"
        "{% blocktranslate count count=row.rate.closed %}{{ count }} invitation closed "
        "(left or erased){% plural %}{{ count }} invitations closed (left or erased)"
        "{% endblocktranslate %}</small>{% endif %}{% else %}–{% endif %}{% endwith %}",
        attrs=NUMBER_CELLS,
    )
    threshold = CellColumn(
        _("Threshold"),
        template_code="{% with row=wave.listed %}{{ row.threshold }} % "
        '{% if wave.is_dispatched %}{% if row.met %}<span class="badge badge-successful">'
        '{% translate "met" %}</span>{% else %}<span class="badge badge-pending">'
        '{% translate "not met" %}</span>{% endif %}{% endif %}{% endwith %}',
        attrs=NUMBER_CELLS,
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No surveys yet.")


class CompanyWaveTable(WaveTable):
    """Min side: the company's surveys that have been sent."""

    record_name = "wave"

    survey = CellColumn(
        _("Survey"),
        template_code="<a href=\"{% url 'company:survey_results' wave.pk %}\">"
        "{{ wave.get_kind_display }}</a>",
        order_by="kind",
        orderable=True,
    )
    location = CellColumn(
        _("Location"),
        template_code="{{ wave.location.name }}",
        order_by="location__name",
        orderable=True,
    )

    class Meta(WaveTable.Meta):
        empty_text = _("No surveys have been sent yet. Your advisor sends them.")
        exclude = ("company", "kind")
        sequence = ("survey", "location", "open", "status", "rate", "threshold")
