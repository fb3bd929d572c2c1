"""Min side: a contact person keeps the employee list of their own locations. The import's
pages (Min side's and the back office's) are in `pendel.people.views`: applying one may end
employees, which crosses apps."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from pendel.accounts.access import contact_person_required, request_scope
from pendel.companies.selectors import locations_for
from pendel.core.dates import region_today
from pendel.core.forms import apply_validation_error
from pendel.core.tables import table_configure, table_render
from pendel.employees import services
from pendel.employees.forms import CREATE_FIELDS, EmployeeForm
from pendel.employees.selectors import (
    employee_get_for,
    employee_location_get_for,
    employee_search,
    employees_for,
)
from pendel.employees.tables import CompanyEmployeeTable
from pendel.employees.views.files import employee_list_file, personal_data_file

PAGE_SIZE = 50


def employee_list_url(location) -> str:
    return f"{reverse('company:employee_list')}?{urlencode({'location': location.pk})}"


def _location(request):
    return employee_location_get_for(request_scope(request), request.GET.get("location"))


def editable_employee(request, pk: int):
    """The employee in scope, and a redirect (with a message) when erased: it cannot change."""
    employee = employee_get_for(request_scope(request), pk)
    if employee.is_erased:
        messages.error(request, gettext("An erased employee cannot be changed."))
        return employee, redirect(employee_list_url(employee.location))
    return employee, None


@contact_person_required
def employee_list(request):
    scope = request_scope(request)
    location = _location(request)
    query = request.GET.get("q", "").strip()[:100]
    show_ended = request.GET.get("ended") == "1"
    employees = employee_search(
        employees_for(scope).filter(location=location),
        today=region_today(location.region),
        query=query,
        show_ended=show_ended,
    )
    empty = (
        gettext("No employees match your search.")
        if query
        else gettext("No employees yet. Add them one by one or import a file from your HR system.")
    )
    table = CompanyEmployeeTable(employees, location=location, empty_text=empty)
    table_configure(request, table, per_page=PAGE_SIZE)
    context = {
        "location": location,
        "locations": locations_for(scope),
        "query": query,
        "show_ended": show_ended,
    }
    return table_render(request, "employees/company/employee_list.html", context, table=table)


@contact_person_required
def employee_create(request):
    location = _location(request)
    form = EmployeeForm(
        request.POST or None, country=location.region.country_id, fields=CREATE_FIELDS
    )
    if request.method == "POST" and form.is_valid():
        try:
            employee = services.employee_create(
                location=location, actor=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, gettext("%(name)s was added.") % {"name": employee})
            return redirect(employee_list_url(location))
    context = {"form": form, "location": location}
    return render(request, "employees/company/employee_form.html", context)


@require_POST
@contact_person_required
def employee_data_export(request, pk: int):
    employee = employee_get_for(request_scope(request), pk)
    data = services.employee_data_export(employee=employee, actor=request.user)
    return personal_data_file(data, employee=employee)


@contact_person_required
def employee_export(request):
    scope = request_scope(request)
    location = _location(request)
    employees = employee_search(
        employees_for(scope).filter(location=location),
        today=region_today(location.region),
        show_ended=request.GET.get("ended") == "1",
    )
    return employee_list_file(
        employees, location=location, file_format=request.GET.get("format", "csv")
    )
