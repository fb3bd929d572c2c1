"""The designed survey-results report as PDF: an HTML template
(templates/surveys/pdf/results.html) with its stylesheet (results.css beside it, never
inline), rendered by WeasyPrint in the reader's language and the region's brand colour and logo,
with the same charts (inline SVG from pendel.core.charts) and the same protected tables as
the results page. WeasyPrint needs pango (the Makefile's `chromium` target installs it)."""

import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from pendel.core.logos import logo_data_uri
from pendel.surveys.results.charts import result_charts
from pendel.surveys.results.display import figures_display, table_display
from pendel.surveys.results.exports import FIGURE_ORDER, TABLE_ORDER

STYLESHEET = Path(settings.BASE_DIR) / "templates" / "surveys" / "pdf" / "results.css"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_BRAND = "#0b5cad"


def brand_of(region) -> str:
    colour = getattr(region, "brand_colour", "") or ""
    return colour if COLOUR.fullmatch(colour) else DEFAULT_BRAND


def report_context(results, *, region=None, subtitle: str = "") -> dict:
    charts = result_charts(results)
    breakdowns = [
        (figures_display(results.figures[key]), charts.get(key))
        for key in FIGURE_ORDER
        if key in results.figures
    ] + [(table_display(results.tables[key]), charts.get(key)) for key in TABLE_ORDER[1:]]
    return {
        "results": results,
        "region": region,
        # Inside the PDF itself: WeasyPrint fetches nothing (no logo: the name in colour).
        "region_logo": logo_data_uri(getattr(region, "logo", None)),
        "subtitle": subtitle,
        "made_on": timezone.localdate(),
        "summary_chart": charts["summary"],
        "summary_table": table_display(results.tables["summary"]),
        "breakdowns": breakdowns,
    }


def results_report_pdf(results, *, region=None, subtitle: str = "") -> bytes:
    from weasyprint import CSS, HTML  # imported here: it loads pango

    html = render_to_string(
        "surveys/pdf/results.html", report_context(results, region=region, subtitle=subtitle)
    )
    brand = CSS(string=f":root {{ --brand: {brand_of(region)}; }}")
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET)), brand]
    )
