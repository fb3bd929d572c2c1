"""Ending and erasing an employee, on Min side and in the back office. The pages are the
employees app's; the work crosses apps, so the views call `pendel.people.services`. The
import's pages (which may end employees) are in `pendel.people.imports`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from pendel.accounts.access import contact_person_required, request_scope, staff_required
from pendel.core.forms import apply_validation_error, message_validation_error
from pendel.employees.forms import EmployeeForm, EndForm
from pendel.employees.selectors import employee_get_for
from pendel.employees.views.company import editable_employee, employee_list_url
from pendel.people import services


@contact_person_required
def employee_edit(request, pk: int):
    """The employee form; a new end date ends the employment (`services.employee_update`)."""
    employee, refused = editable_employee(request, pk)
    if refused:
        return refused
    country = employee.location.region.country_id
    form = EmployeeForm.for_employee(employee, request.POST or None, country=country)
    if request.method == "POST" and form.is_valid():
        try:
            services.employee_update(employee=employee, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, gettext("%(name)s was saved.") % {"name": employee})
            return redirect(employee_list_url(employee.location))
    context = {"form": form, "employee": employee, "location": employee.location}
    return render(request, "employees/company/employee_form.html", context)


@contact_person_required
def employee_end(request, pk: int):
    """Ask for the last day, then end the employment; the row stays."""
    employee, refused = editable_employee(request, pk)
    if refused:
        return refused
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.employment_end(
                employee=employee, actor=request.user, end_date=form.cleaned_data["end_date"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, gettext("%(name)s was ended.") % {"name": employee})
            return redirect(employee_list_url(employee.location))
    context = {"form": form, "employee": employee, "location": employee.location}
    return render(request, "employees/company/employee_end.html", context)


@contact_person_required
def employee_erase(request, pk: int):
    employee, refused = editable_employee(request, pk)
    if refused:
        return refused
    if request.method == "POST":
        services.personal_data_erase(employee=employee, actor=request.user)
        messages.success(request, gettext("The employee's personal data was erased."))
        return redirect(employee_list_url(employee.location))
    context = {
        "employee": employee,
        "location": employee.location,
        "cancel": employee_list_url(employee.location),
    }
    return render(request, "employees/company/employee_erase.html", context)


@staff_required
def staff_employee_erase(request, location_id: int, pk: int):
    employee = employee_get_for(request_scope(request), pk, location_id=location_id)
    if request.method == "POST":
        try:
            services.personal_data_erase(employee=employee, actor=request.user)
        except ValidationError as error:
            message_validation_error(request, error)
        else:
            messages.success(request, gettext("The employee's personal data was erased."))
        return redirect("staff:employee_list", location_id=location_id)
    context = {"employee": employee, "location": employee.location}
    return render(request, "employees/staff/employee_erase.html", context)
