"""The back office: region staff read a location's employees, export them, and hand over or
erase one person's data on request. The list is the company's to keep, on Min side; staff
may import the company's HR file on its behalf (`pendel.people.imports`)."""

from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from pendel.accounts.access import request_scope, staff_required
from pendel.core.dates import region_today
from pendel.core.tables import table_configure, table_render
from pendel.employees import services
from pendel.employees.selectors import (
    employee_get_for,
    employee_location_get_for,
    employee_search,
    employees_for,
)
from pendel.employees.tables import EmployeeTable
from pendel.employees.views.files import employee_list_file, personal_data_file

PAGE_SIZE = 50


@staff_required
def employee_list(request, location_id: int):
    scope = request_scope(request)
    location = employee_location_get_for(scope, location_id)
    query = request.GET.get("q", "").strip()[:100]
    show_ended = request.GET.get("ended") == "1"
    employees = employee_search(
        employees_for(scope).filter(location=location),
        today=region_today(location.region),
        query=query,
        show_ended=show_ended,
    )
    empty = gettext("No employees match your search.") if query else gettext("No employees yet.")
    table = EmployeeTable(employees, location=location, empty_text=empty)
    table_configure(request, table, per_page=PAGE_SIZE)
    context = {
        "location": location,
        "query": query,
        "show_ended": show_ended,
    }
    return table_render(request, "employees/staff/employee_list.html", context, table=table)


@staff_required
def employee_export(request, location_id: int):
    scope = request_scope(request)
    location = employee_location_get_for(scope, location_id)
    employees = employee_search(
        employees_for(scope).filter(location=location),
        today=region_today(location.region),
        show_ended=request.GET.get("ended") == "1",
    )
    return employee_list_file(
        employees, location=location, file_format=request.GET.get("format", "csv")
    )


@require_POST
@staff_required
def employee_data_export(request, location_id: int, pk: int):
    employee = employee_get_for(request_scope(request), pk, location_id=location_id)
    data = services.employee_data_export(employee=employee, actor=request.user)
    return personal_data_file(data, employee=employee)
