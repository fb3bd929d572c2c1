"""What the portals share: the rows of a wave list, the results page's context and the
export responses. Everything here starts from protected results."""

from django.http import Http404, HttpResponse, JsonResponse
from django.utils.text import slugify

from pendel.core.downloads import file_response, no_store
from pendel.surveys.results.charts import result_charts
from pendel.surveys.results.display import figures_display, table_display
from pendel.surveys.results.exports import (
    FIGURE_ORDER,
    TABLE_ORDER,
    results_json,
    results_xlsx,
)
from pendel.surveys.results.report import results_report_pdf
from pendel.surveys.selectors import rate_of, settings_by_region, survey_settings_for

FILE_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def wave_rows(waves) -> list[dict]:
    """A list's rows: each wave with its live rate and its region's threshold."""
    waves = list(waves)
    settings = settings_by_region({wave.location.region_id for wave in waves})
    rows = []
    for wave in waves:
        rate = rate_of(wave)
        threshold = threshold_of(wave, settings[wave.location.region_id])
        rows.append(
            {"wave": wave, "rate": rate, "threshold": threshold, "met": rate.meets(threshold)}
        )
    return rows


def threshold_of(wave, settings) -> int:
    """A closed wave keeps the threshold it was judged by; others follow the settings."""
    if wave.closed_at and wave.threshold_percent:
        return wave.threshold_percent
    return settings.threshold_for(wave.kind)


def rate_context(wave, rate) -> dict:
    threshold = threshold_of(wave, survey_settings_for(wave.location.region))
    return {
        "rate": rate,
        "threshold": threshold,
        "met": rate.meets(threshold),
        "answers_needed": rate.answers_needed(threshold),
    }


def results_context(results) -> dict:
    charts = result_charts(results)
    tables = [(table_display(results.tables[key]), charts.get(key)) for key in TABLE_ORDER]
    figures = [
        (figures_display(results.figures[key]), charts.get(key))
        for key in FIGURE_ORDER
        if key in results.figures
    ]
    return {
        "results": results,
        "summary_chart": charts["summary"],
        "summary_table": table_display(results.tables["summary"]),
        "breakdowns": figures + [(t, chart) for t, chart in tables if t["key"] != "summary"],
    }


def export_response(results, file_format: str, name: str, *, region=None) -> HttpResponse:
    """The results as XLSX, or as the designed PDF report in the region's colours."""
    if file_format not in FILE_TYPES:
        raise Http404
    if file_format == "xlsx":
        content = results_xlsx(results)
    else:
        content = results_report_pdf(results, region=region)
    filename = f"{slugify(name) or 'survey'}.{file_format}"
    return file_response(content, filename=filename, content_type=FILE_TYPES[file_format])


def json_response(results) -> JsonResponse:
    return no_store(JsonResponse(results_json(results), json_dumps_params={"ensure_ascii": False}))
