"""The evaluation list of a region and year (pendel/core/tables.py)."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from pendel.certification.rules import headline_reasons
from pendel.core.tables import CellColumn, PendelTable

SELECT = """{% if evaluation.status == "proposed" and evaluation.proposed_tier_id %}<input type="checkbox" class="ds-input" name="evaluation" value="{{ evaluation.pk }}" id="choose-{{ evaluation.pk }}" aria-label="{% blocktranslate with name=evaluation.location %}Choose {{ name }}{% endblocktranslate %}">{% endif %}"""  # noqa: E501

ACTIONS = """{% if evaluation.status == "proposed" %}{% if evaluation.proposed_tier_id %}<button type="submit" class="ds-button" data-variant="primary" data-size="sm" formaction="{% url 'staff:certification_confirm' evaluation.pk %}" name="tier" value="{{ evaluation.proposed_tier_id }}">{% translate "Confirm" %}<span class="visually-hidden"> {{ evaluation.location }}</span></button> {% endif %}<button type="submit" class="ds-button" data-variant="secondary" data-size="sm" formaction="{% url 'staff:certification_reject' evaluation.pk %}">{% translate "Reject" %}<span class="visually-hidden"> {{ evaluation.location }}</span></button>{% elif evaluation.status == "confirmed" %}<button type="submit" class="ds-button" data-variant="tertiary" data-size="sm" formaction="{% url 'staff:certification_revoke' evaluation.pk %}">{% translate "Revoke" %}<span class="visually-hidden"> {{ evaluation.location }}</span></button>{% endif %}"""  # noqa: E501


class EvaluationTable(PendelTable):
    """Staff: each member's evaluation for the year, the tier proposed and why."""

    record_name = "evaluation"

    select = CellColumn(_("Choose"), template_code=SELECT, empty_values=())
    member = tables.Column(
        _("Member"), accessor="location__organisation__name", orderable=True, empty_values=()
    )
    proposed = tables.Column(
        _("Proposed tier"), accessor="proposed_tier__rank", orderable=True, empty_values=()
    )
    reasons = tables.Column(_("Why"), empty_values=())
    status = tables.Column(_("Status"), orderable=True)
    actions = CellColumn(_("Actions"), template_code=ACTIONS, empty_values=())

    class Meta(PendelTable.Meta):
        empty_text = _("No member has been evaluated for this year yet.")

    def __init__(self, *args, tiers: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.tiers = tiers

    def render_member(self, record):
        return render_to_string("certification/staff/_member_cell.html", {"evaluation": record})

    def render_proposed(self, record):
        return str(record.proposed_tier) if record.proposed_tier_id else _("No tier reached")

    def render_reasons(self, record):
        reached, above = headline_reasons(record, self.tiers)
        return render_to_string(
            "certification/_reasons_short.html", {"reached": reached, "above": above}
        )

    def render_status(self, record):
        return render_to_string("certification/_status.html", {"evaluation": record})
