"""The follow-up as a file for the region's reporting: the same rows as the page (its filter
and all its pages), then the region's totals against its target. CSV (semicolon-separated
UTF-8 with a BOM, as Excel in all four countries opens it) or XLSX, both through the guarded
writer (pendel/core/spreadsheets.py)."""

import io

from django.utils.translation import gettext as _

from pendel.activities.followup import Total
from pendel.activities.followup_tables import plan_label
from pendel.core.spreadsheets import CsvWriter, XlsxStream

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")


def followup_header() -> list[str]:
    return [
        _("Company"),
        _("Location"),
        _("Advisor"),
        _("Plan"),
        _("Planned"),
        _("Held"),
        _("Cancelled"),
        _("Target"),
    ]


def followup_rows(memberships, total: Total, *, region) -> list[list]:
    rows = [
        [
            m.location.organisation.name,
            m.location.name,
            str(m.advisor) if m.advisor else "",
            plan_label(m.plan_status),
            m.planned,
            m.held,
            m.cancelled,
            None,
        ]
        for m in memberships
    ]
    rows.append(
        [
            _("%(programme)s, the whole region") % {"programme": region.programme_name},
            "",
            "",
            "",
            total.planned,
            total.held,
            total.cancelled,
            total.target,
        ]
    )
    return rows


def followup_csv(rows) -> bytes:
    buffer = io.StringIO()
    writer = CsvWriter(buffer, delimiter=";")
    writer.writerow(followup_header())
    writer.writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def followup_xlsx(rows, *, title: str) -> bytes:
    handle = io.BytesIO()
    sheet = XlsxStream(handle, title=title)
    sheet.append(followup_header())
    for row in rows:
        sheet.append(row)
    sheet.close()
    return handle.getvalue()
