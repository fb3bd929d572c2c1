from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from pendel.accounts.access import Scope
from pendel.companies.models import Location
from pendel.companies.selectors import locations_for
from pendel.core.requests import parse_id
from pendel.employees.models import Employee, EmployeeImport


def employees_for(scope: Scope) -> QuerySet[Employee]:
    """Employees of the locations the actor may see."""
    return Employee.objects.filter(location__in=locations_for(scope).values("id")).select_related(
        "location__region", "location__organisation"
    )


def employee_get_for(scope: Scope, pk, *, location_id: int | None = None) -> Employee:
    employees = employees_for(scope)
    if location_id is not None:
        employees = employees.filter(location_id=location_id)
    return get_object_or_404(employees, pk=pk)


def employee_location_get_for(scope: Scope, location_id) -> Location:
    """The location asked for, or the actor's first one when none is asked for."""
    locations = locations_for(scope)
    if location_id in (None, ""):
        location = locations.first()
        if location is None:
            raise Http404
        return location
    wanted = parse_id(location_id)
    if wanted is None:
        raise Http404
    return get_object_or_404(locations, pk=wanted)


def employee_search(
    employees: QuerySet[Employee], *, today: date, query: str = "", show_ended: bool = False
) -> QuerySet[Employee]:
    """`today` is the location's region's: who has left is decided by its calendar."""
    if not show_ended:
        employees = employees.active(on=today)
    for word in query.split()[:5]:
        employees = employees.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(department__icontains=word)
        )
    return employees


def employee_import_get_for(scope: Scope, pk) -> EmployeeImport:
    imports = EmployeeImport.objects.filter(
        location__in=locations_for(scope).values("id")
    ).select_related("location__region", "location__organisation")
    return get_object_or_404(imports, pk=pk)
