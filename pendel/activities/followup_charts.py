"""The national follow-up's charts (pendel/core/charts.py): held and planned activities per
region as a share of its target, and the programme against the national target. The table
beside them is their text alternative."""

from django.utils.translation import gettext as _

from pendel.activities.followup import Total
from pendel.core.charts import Bar, bar_chart
from pendel.core.money import format_number


def _bar(label: str, count: int, target: int) -> Bar:
    share = 100 * count / target if target else 0.0
    text = _("%(count)s of %(target)s") % {
        "count": format_number(count),
        "target": format_number(target),
    }
    return Bar(label=label, value=min(share, 100.0), text=text)


def followup_charts(rows, total: Total, *, year: int) -> list[dict]:
    """[{"title", "svg"}]: held, then planned, each per region and for the whole programme."""
    charts = []
    for key, what in (
        ("held", _("Activities held in %(year)s against the target, per region")),
        ("planned", _("Activities planned for %(year)s against the target, per region")),
    ):
        title = what % {"year": year}
        bars = [_bar(row.programme_name, getattr(figures, key), figures.target)
                for row, figures in rows]  # fmt: skip
        bars.append(_bar(_("All regions"), getattr(total, key), total.target))
        charts.append({"title": title, "svg": bar_chart(f"activities-{key}", title, bars)})
    return charts
