"""The back office: region staff read a location's employees, export them, and hand over or
erase one person's data on request. The list is the company's to keep, on Min side; staff
may import the company's HR file on its behalf (`pendel.people.imports`)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_POST

from pendel.accounts.access import request_scope, staff_required
from pendel.core.dates import region_today
from pendel.employees import services
from pendel.employees.selectors import (
    employee_get_for,
    employee_location_get_for,
    employee_search,
    employees_for,
)
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
    context = {
        "location": location,
        "page": Paginator(employees, PAGE_SIZE).get_page(request.GET.get("page")),
        "query": query,
        "show_ended": show_ended,
    }
    template = "employees/staff/employee_list.html"
    if request.htmx and request.htmx.target == "results":
        template += "#results"
    return render(request, template, context)


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
