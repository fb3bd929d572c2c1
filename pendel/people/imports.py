"""The employee import's pages, one set for both portals: a contact person imports their own
location's HR file on Min side, and region staff (the company's advisor) import it on the
company's behalf in the back office. Same upload, preview, column choice and all-or-nothing
apply; every change is in the audit trail under the name of whoever applied it.

Applying may end employees (their tickets and survey invitations end too), which crosses
apps: hence `pendel.people`."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRefresh

from pendel.accounts.access import contact_person_required, request_scope, staff_required
from pendel.core.downloads import file_response
from pendel.core.forms import message_validation_error
from pendel.core.leases import lease_state
from pendel.employees import services as employees
from pendel.employees.columns import FIELDS, FIX, REQUIRED, target_field
from pendel.employees.exports import bad_rows_csv, bad_rows_xlsx
from pendel.employees.forms import ImportForm
from pendel.employees.models import EmployeeImport
from pendel.employees.parsing import describe_error, field_label
from pendel.employees.reading import FileError
from pendel.employees.selectors import employee_import_get_for, employee_location_get_for
from pendel.employees.uploads import employee_import_upload
from pendel.employees.views.company import employee_list_url
from pendel.employees.views.files import XLSX_TYPE
from pendel.people import services

Status = EmployeeImport.Status
# An import whose file is (or could not be) read in the background has no preview yet.
BEING_READ = {Status.READING, Status.UNREADABLE}


@dataclass(frozen=True)
class Portal:
    """Where the import's pages live: Min side (the location in ?location=) or the back
    office (the location in the path)."""

    namespace: str

    @property
    def is_staff(self) -> bool:
        return self.namespace == "staff"

    def urls(self, location, employee_import=None) -> dict:
        if self.is_staff:
            urls = {
                "list": reverse("staff:employee_list", args=[location.pk]),
                "upload": reverse("staff:employee_import", args=[location.pk]),
            }
            args = [location.pk]
        else:
            urls = {
                "list": employee_list_url(location),
                "upload": f"{reverse('company:employee_import')}?location={location.pk}",
            }
            args = []
        if employee_import is not None:
            for name in ("confirm", "discard", "bad_rows"):
                urls[name] = reverse(
                    f"{self.namespace}:employee_import_{name}", args=[*args, employee_import.pk]
                )
        return urls


COMPANY = Portal("company")
STAFF = Portal("staff")


def _import_for(request, pk: int, location_id: int | None = None) -> EmployeeImport:
    employee_import = employee_import_get_for(request_scope(request), pk)
    if location_id is not None and employee_import.location_id != location_id:
        raise Http404
    return employee_import


# --- upload ---------------------------------------------------------------------------------


def _upload(request, portal: Portal, location):
    """Upload a file; a readable one gets a preview, an unreadable one a clear message."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            employee_import = employee_import_upload(
                location=location, actor=request.user, upload=form.cleaned_data["file"]
            )
        except FileError as error:
            form.add_error("file", error.message)
        else:
            return redirect(portal.urls(location, employee_import)["confirm"])
    context = {
        "form": form,
        "location": location,
        "fields": [field_label(name) for name in FIELDS],
        "urls": portal.urls(location),
        "on_behalf": portal.is_staff,
    }
    return render(request, "employees/imports/upload.html", context)


@contact_person_required
def company_employee_import(request):
    location = employee_location_get_for(request_scope(request), request.GET.get("location"))
    return _upload(request, COMPANY, location)


@staff_required
def staff_employee_import(request, location_id: int):
    return _upload(request, STAFF, employee_location_get_for(request_scope(request), location_id))


# --- preview and apply ----------------------------------------------------------------------


def _reading_page(request, portal: Portal, employee_import):
    """While a large file is read: a page that says so, polled by htmx (which reloads the
    page once the file is read) and with a link to look again without JavaScript."""
    if request.htmx and employee_import.status != Status.READING:
        return HttpResponseClientRefresh()
    context = {
        "employee_import": employee_import,
        "location": employee_import.location,
        "urls": portal.urls(employee_import.location, employee_import),
        "file_error": employees.import_file_error(employee_import)
        if employee_import.status == Status.UNREADABLE
        else "",
        "interruption": lease_state(employee_import),
    }
    template = "employees/imports/reading.html"
    if request.htmx:
        template += "#reading"
    return render(request, template, context)


def _labelled_preview(preview: dict) -> dict:
    """The stored preview with field names shown as labels in the reader's language."""
    changed = [
        {**person, "fields": [field_label(name) for name in person.get("fields", [])]}
        for person in preview.get("changed", [])
    ]
    return {**preview, "changed": changed}


def _columns(preview: dict) -> list[dict]:
    """Each column of the file, what it is read as, and whether the user may ignore it."""
    ignored = set(preview.get("ignored", []))
    columns = []
    for column in preview.get("columns", []):
        source = column.get("source")
        if source == FIX:
            source = None
        field = target_field(source) if source else None
        columns.append(
            {
                "header": column.get("header", ""),
                "field": field,
                "label": _source_label(source) if source else "",
                "optional": bool(field) and field not in REQUIRED,
                "ignored": field in ignored,
            }
        )
    return columns


def _source_label(source: str) -> str:
    if source == "birth_date":
        return gettext("Age group, from the birth date (the date is not kept)")
    if source == "birth_year":
        return gettext("Age group, from the year of birth (the year is not kept)")
    return field_label(source)


def _applied_message(employee_import) -> str:
    return gettext(
        "The file was imported: %(added)s added, %(changed)s changed, %(ended)s ended."
    ) % {
        "added": employee_import.added,
        "changed": employee_import.changed,
        "ended": employee_import.ended,
    }


def _confirm(request, portal: Portal, employee_import):
    """The preview; confirming applies the good rows, all of them or nothing. A second
    confirmation (a double click, a retry) changes nothing."""
    if request.htmx or employee_import.status in BEING_READ:
        return _reading_page(request, portal, employee_import)
    urls = portal.urls(employee_import.location, employee_import)
    if request.method == "POST":
        if "columns" in request.POST:
            return _choose_columns(request, employee_import, urls)
        try:
            applied = services.employee_import_apply(
                employee_import=employee_import, actor=request.user
            )
        except ValidationError as error:
            message_validation_error(request, error)
            return redirect(urls["confirm"])
        messages.success(request, _applied_message(applied))
        return redirect(urls["confirm"] if applied.preview.get("bad_rows") else urls["list"])
    preview = employee_import.preview
    context = {
        "employee_import": employee_import,
        "location": employee_import.location,
        "urls": urls,
        "on_behalf": portal.is_staff,
        "errors": [describe_error(error) for error in employee_import.errors],
        "warnings": [describe_error(warning) for warning in preview.get("warnings", [])],
        "columns": _columns(preview),
        "preview": _labelled_preview(preview),
        # A file that ends most of the list is likely a partial export: say so plainly.
        "ends_most": employee_import.ended * 2 > preview.get("existing", 0) > 0,
    }
    return render(request, "employees/imports/preview.html", context)


def _choose_columns(request, employee_import, urls: dict):
    try:
        employees.employee_import_ignore(
            employee_import=employee_import, ignored=request.POST.getlist("ignore")[:20]
        )
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(request, gettext("The file was checked again with the columns chosen."))
    return redirect(urls["confirm"])


@contact_person_required
def company_employee_import_confirm(request, pk: int):
    return _confirm(request, COMPANY, _import_for(request, pk))


@staff_required
def staff_employee_import_confirm(request, location_id: int, pk: int):
    return _confirm(request, STAFF, _import_for(request, pk, location_id))


# --- discard and the rows to fix ------------------------------------------------------------


def _discard(request, portal: Portal, employee_import):
    urls = portal.urls(employee_import.location, employee_import)
    applied = employee_import.status == Status.APPLIED
    try:
        employees.employee_import_discard(employee_import=employee_import, actor=request.user)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        if applied:
            messages.success(request, gettext("The rows with errors were deleted."))
        else:
            messages.success(request, gettext("The import was discarded. Nothing was changed."))
    return redirect(urls["list"])


@require_POST
@contact_person_required
def company_employee_import_discard(request, pk: int):
    return _discard(request, COMPANY, _import_for(request, pk))


@require_POST
@staff_required
def staff_employee_import_discard(request, location_id: int, pk: int):
    return _discard(request, STAFF, _import_for(request, pk, location_id))


def _bad_rows(request, portal: Portal, employee_import):
    """The rows refused for their errors, in the file's own columns and an added column that
    says what to fix: corrected, the file can be uploaded as it is."""
    if not employee_import.preview.get("bad_rows") or not employee_import.file:
        raise Http404
    try:
        header, rows = employees.employee_import_bad_rows(employee_import)
    except ValidationError as error:
        message_validation_error(request, error)
        return redirect(portal.urls(employee_import.location, employee_import)["confirm"])
    language = translation.get_language() or "en"
    stem = slugify(f"{gettext('rows to fix')} {employee_import.original_name.rsplit('.', 1)[0]}")
    if request.GET.get("format") == "xlsx":
        content = bad_rows_xlsx(header, rows, language=language)
        return file_response(content, content_type=XLSX_TYPE, filename=f"{stem}.xlsx")
    content = bad_rows_csv(header, rows, language=language)
    return file_response(content, content_type="text/csv; charset=utf-8", filename=f"{stem}.csv")


@contact_person_required
def company_employee_import_bad_rows(request, pk: int):
    return _bad_rows(request, COMPANY, _import_for(request, pk))


@staff_required
def staff_employee_import_bad_rows(request, location_id: int, pk: int):
    return _bad_rows(request, STAFF, _import_for(request, pk, location_id))
