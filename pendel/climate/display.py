"""What the emissions pages show, made from a WaveEmissions (already protected): texts in
the reader's number format and the chart by mode (pendel/core/charts.py)."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext

from pendel.climate.emissions import WaveEmissions
from pendel.core.charts import Bar, bar_chart, chart_title
from pendel.core.money import format_number

HIDDEN = "–"


def kg(value: float | None) -> str:
    if value is None:
        return HIDDEN
    return format_number(Decimal(value).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def tonnes(value_kg: float | None) -> str:
    if value_kg is None:
        return HIDDEN
    rounded = Decimal(value_kg / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return format_number(rounded)


def signed(text: str, value: float | None) -> str:
    if value is None:
        return text
    return ("+" if value > 0 else "−" if value < 0 else "±") + text.lstrip("-−")


def mode_rows(result: WaveEmissions) -> list[dict]:
    rows = []
    for row in result.by_mode.rows:
        used = result.factors[row.key]
        rows.append(
            {
                "label": row.label,
                "n": HIDDEN if row.suppressed else format_number(row.n),
                "km": HIDDEN if row.suppressed else kg(row.values["km"]),
                "kg": HIDDEN if row.suppressed else kg(row.values["kg"]),
                "hidden": row.suppressed,
                "factor": used,
            }
        )
    return rows


def mode_chart(result: WaveEmissions):
    shown = [row for row in result.by_mode.rows if not row.suppressed and row.values["kg"]]
    if result.suppressed or not shown:
        return None
    scale = max(row.values["kg"] for row in shown) or 1
    title = chart_title(
        gettext("Commuting emissions by mode, kg CO2e a year, respondents counted"),
        result.current.respondents,
    )
    bars = [Bar(row.label, row.values["kg"], kg(row.values["kg"])) for row in shown]
    return {"title": title, "svg": bar_chart("emissions-by-mode", title, bars, scale=scale)}


def emissions_context(result: WaveEmissions) -> dict:
    current, baseline = result.current, result.baseline
    return {
        "result": result,
        "total_t": tonnes(current.total_kg),
        "total_kg": kg(current.total_kg),
        "per_employee_kg": kg(current.per_employee_kg),
        "per_employee_t": tonnes(current.per_employee_kg),
        "low_t": tonnes(current.low_kg),
        "high_t": tonnes(current.high_kg),
        "teleworking_t": tonnes(current.teleworking_kg),
        "baseline_t": tonnes(baseline.total_kg) if baseline else HIDDEN,
        "change_t": signed(tonnes(result.change_kg), result.change_kg),
        "change_per_employee_kg": signed(
            kg(result.change_per_employee_kg), result.change_per_employee_kg
        ),
        "car_points": None
        if result.car_points is None
        else signed(format_number(abs(result.car_points)), result.car_points),
        "car_effect_t": None
        if result.car_effect_t is None
        else signed(format_number(abs(result.car_effect_t)), result.car_effect_t),
        "mode_rows": mode_rows(result),
        "chart": mode_chart(result),
        "show_left_out": bool(result.left_out) and result.left_out >= result.min_size,
    }
