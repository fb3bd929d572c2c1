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


class TemplateVersionTable(PendelTable):
    """Staff: the versions of the national standard questionnaire, the newest first."""

    record_name = "version"

    number = CellColumn(
        _("Version"),
        template_code="<a href=\"{% url 'staff:survey_template_detail' version.number %}\">"
        "{% blocktranslate with number=version.number %}Version {{ number }}"
        "{% endblocktranslate %}</a>",
        orderable=True,
    )
    status = CellColumn(
        _("Status"), template_code="{{ version.get_status_display }}", orderable=True
    )
    published = CellColumn(
        _("Published"),
        template_code='{{ version.published_at|date:"SHORT_DATE_FORMAT"|default:"–" }}',
        order_by="published_at",
        orderable=True,
    )
    change_note = CellColumn(
        _("What changed"), template_code='{{ version.change_note|default:"–" }}'
    )

    class Meta(PendelTable.Meta):
        empty_text = _("No versions yet. Run manage.py seed_survey_template.")


class RegionQuestionTable(PendelTable):
    """Staff: the region's own questions, each with its text in the reader's language
    (`question.shown`) and whether a survey already asked it (`question.frozen`)."""

    record_name = "question"

    text = CellColumn(
        _("Question"),
        template_code="{% if question.frozen %}{{ question.shown }}{% else %}"
        "<a href=\"{% url 'staff:survey_region_question_edit' region.slug question.pk %}\">"
        "{{ question.shown }}</a>{% endif %}",
    )
    kind = CellColumn(_("Type"), template_code="{{ question.get_kind_display }}", orderable=True)
    status = CellColumn(
        _("Status"),
        template_code='{% if question.is_active %}{% translate "Asked in new surveys" %}'
        '{% else %}{% translate "No longer asked" %}{% endif %}{% if question.frozen %} '
        '<small>({% translate "used in a survey" %})</small>{% endif %}',
        order_by="-is_active",
        orderable=True,
    )
    actions = CellColumn(
        _("Actions"),
        template_code='{% if question.is_active %}<form method="post" action="{% url '
        "'staff:survey_region_question_retire' region.slug question.pk %}\" "
        'class="inline-form">{% csrf_token %}<button class="ds-button" data-variant="secondary" '
        'type="submit">{% translate "Stop asking" %}<span class="visually-hidden"> '
        "{{ question.shown }}</span></button></form>{% endif %}",
    )

    class Meta(PendelTable.Meta):
        empty_text = _("The region asks only the standard questions.")

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.cell_context = {"region": region}
