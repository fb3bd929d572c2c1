"""Download responses shared by the staff and company views."""

import json

from django.http import HttpResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext

from pendel.core.dates import region_today
from pendel.core.downloads import file_response
from pendel.employees.exports import employees_csv_chunks, employees_xlsx_file

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def employee_list_file(employees, *, location, file_format: str) -> HttpResponse:
    """The employees as CSV (default) or XLSX, with headers in the reader's language,
    streamed: the CSV as it is written, the workbook from a temporary file."""
    language = translation.get_language() or "en"
    prefix = gettext("employees")
    stem = slugify(f"{prefix} {location.name} {region_today(location.region)}")
    if file_format == "xlsx":
        content = employees_xlsx_file(employees, language=language, title=location.name)
        return file_response(content, content_type=XLSX_TYPE, filename=f"{stem}.xlsx")
    content = employees_csv_chunks(employees, language=language)
    return file_response(content, content_type="text/csv; charset=utf-8", filename=f"{stem}.csv")


def personal_data_file(data: dict, *, employee) -> HttpResponse:
    content = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    prefix = slugify(gettext("personal data"))
    filename = f"{prefix}-{employee.pk}.json"
    return file_response(content, content_type="application/json", filename=filename)
