"""Aggregated results as files and JSON: one flat form (sheets of rows) made from the
protected results, written to XLSX (openpyxl) or JSON (the PDF is the designed report,
report.py). A hidden group is "–" everywhere; no file ever holds its numbers."""

import io
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext, ngettext
from openpyxl import Workbook
from openpyxl.styles import Font

from pendel.core.spreadsheets import xlsx_append
from pendel.surveys.results.display import left_out

HIDDEN = "–"
TABLE_ORDER = [
    "summary",
    "modes",
    "distance",
    "days",
    "weekdays",
    "car",
    "parking",
    "reasons",
    "change_factors",
    "willing",
    "department",
    "age_group",
    "is_manager",
]
FIGURE_ORDER = ["trend", "companies", "regions"]


@dataclass
class Sheet:
    title: str
    header: list
    rows: list = field(default_factory=list)
    note: str = ""


def _value(value):
    return HIDDEN if value is None else value


def key_figures(results) -> list[tuple[str, object]]:
    figures = [(gettext("Respondents"), _value(results.respondents))]
    if results.withheld:
        figures.append((gettext("Results"), withheld_text()))
    elif results.rate is not None:
        figures += [
            (gettext("Invitations delivered"), results.rate.delivered),
            (gettext("Answered"), results.rate.answered),
            (gettext("Response rate (%)"), _value(results.rate.percent)),
        ]
    figures.append((gettext("Car share, driving alone (%)"), _value(results.car_share)))
    if results.counts_non_respondents:
        figures.append(
            (
                gettext("Car share, non-respondents counted as driving alone (%)"),
                _value(results.adjusted_car_share),
            )
        )
    if results.comparison:
        comparison = results.comparison
        figures += [
            (
                gettext("Car share in the baseline survey, %(survey)s (%%)")
                % {"survey": comparison.baseline_label},
                _value(comparison.baseline),
            ),
            (gettext("Change (percentage points)"), _value(comparison.points)),
            (gettext("Change (per cent)"), _value(comparison.percent)),
        ]
    figures.append((gettext("Smallest group shown"), results.min_size))
    return figures


def withheld_text() -> str:
    return gettext(
        "This survey is still open. Until it closes only the response rate is shown: results "
        "that changed with every answer would tell what one person answered."
    )


def _left_out_note(table) -> str:
    count = left_out(table)
    if not count:
        return ""
    return ngettext(
        "%(count)s respondent left out of this breakdown: their group is hidden in their own "
        "survey.",
        "%(count)s respondents left out of this breakdown: their groups are hidden in their "
        "own surveys.",
        count,
    ) % {"count": count}


def _hidden_note(results) -> str:
    return gettext("– = hidden: fewer than %(count)s respondents in the group.") % {
        "count": results.min_size
    }


def _table_sheet(table, note: str) -> Sheet:
    unit = "%" if table.unit == "share" else gettext("days")
    header = [
        table.group_label or gettext("Group"),
        gettext("Respondents"),
        *(f"{label} ({unit})" for _key, label in table.columns),
    ]
    rows = [
        [
            row.label,
            _value(row.n),
            *(_value(row.shown(key, table.unit)) for key, _l in table.columns),
        ]
        for row in table.rows
    ]
    return Sheet(
        title=table.title,
        header=header,
        rows=rows,
        note=" ".join(filter(None, [_left_out_note(table), note])),
    )


def _figure_sheet(table, note: str) -> Sheet:
    header = [
        table.group_label,
        gettext("Respondents"),
        *(label for _k, label, _u in table.columns),
    ]
    rows = [
        [row.label, _value(row.n), *(_value(row.figures.get(key)) for key, _l, _u in table.columns)]
        for row in table.rows
    ]
    return Sheet(
        title=table.title, header=header, rows=rows, note=" ".join(filter(None, [table.note, note]))
    )


def result_sheets(results) -> list[Sheet]:
    """Everything an export holds, in order: key figures, then one sheet per table."""
    note = _hidden_note(results)
    sheets = [
        Sheet(
            title=gettext("Key figures"),
            header=[gettext("Figure"), gettext("Value")],
            rows=[list(pair) for pair in key_figures(results)],
            note=note,
        )
    ]
    sheets += [_table_sheet(results.tables[key], note) for key in TABLE_ORDER]
    sheets += [
        _figure_sheet(results.figures[key], note) for key in FIGURE_ORDER if key in results.figures
    ]
    return sheets


def _sheet_name(title: str, used: set) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", str(title))[:28].strip() or "Sheet"
    candidate, number = name, 2
    while candidate.lower() in used:
        candidate, number = f"{name[:25]} {number}", number + 1
    used.add(candidate.lower())
    return candidate


def _xlsx_value(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return str(value)


def results_xlsx(results) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set = set()
    for sheet in result_sheets(results):
        worksheet = workbook.create_sheet(_sheet_name(sheet.title, used))
        xlsx_append(worksheet, [str(sheet.title)])
        worksheet["A1"].font = Font(bold=True, size=13)
        xlsx_append(worksheet, [str(header) for header in sheet.header])
        for cell in worksheet[2]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            xlsx_append(worksheet, [_xlsx_value(value) for value in row])
        if sheet.note:
            worksheet.append([])
            xlsx_append(worksheet, [str(sheet.note)])
        worksheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def results_json(results) -> dict:
    """The API's answer: the same protected figures, hidden groups as null."""

    def table_json(table):
        return {
            "key": table.key,
            "title": table.title,
            "unit": "percent" if table.unit == "share" else "mean",
            "columns": [{"key": key, "label": str(label)} for key, label in table.columns],
            "rows": [
                {
                    "key": row.key,
                    "label": row.label,
                    "respondents": row.n,
                    "suppressed": row.suppressed,
                    "values": {key: row.shown(key, table.unit) for key, _l in table.columns},
                }
                for row in table.rows
            ],
            "left_out": left_out(table),
        }

    def figures_json(table):
        return {
            "key": table.key,
            "title": table.title,
            "columns": [{"key": k, "label": label, "unit": u} for k, label, u in table.columns],
            "rows": [
                {
                    "key": row.key,
                    "label": row.label,
                    "respondents": row.n,
                    "suppressed": row.suppressed,
                    "values": row.figures,
                }
                for row in table.rows
            ],
        }

    rate = results.rate
    comparison = results.comparison
    return {
        "title": results.title,
        "min_group_size": results.min_size,
        "respondents": results.respondents,
        "withheld_while_open": results.withheld,
        "response_rate": None
        if rate is None or results.withheld
        else {"delivered": rate.delivered, "answered": rate.answered, "percent": rate.percent},
        "car_share": results.car_share,
        "non_respondents_counted_as_driving_alone": results.counts_non_respondents,
        "car_share_non_respondents_driving_alone": results.adjusted_car_share,
        "baseline": None
        if comparison is None
        else {
            "label": comparison.baseline_label,
            "car_share": comparison.baseline,
            "change_points": comparison.points,
            "change_percent": comparison.percent,
        },
        "tables": [table_json(results.tables[key]) for key in TABLE_ORDER],
        "figures": [figures_json(results.figures[k]) for k in FIGURE_ORDER if k in results.figures],
    }
