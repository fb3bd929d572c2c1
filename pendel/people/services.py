"""Ending an employment and erasing a person's data, step by step in each app, in one
transaction: a step that fails undoes the others."""

from datetime import date

from django.db import transaction

from pendel.employees import services as employees
from pendel.employees.models import Employee, EmployeeImport
from pendel.orders.services import tickets_end_for_employees
from pendel.surveys.services import invitations_forget_employee


@transaction.atomic
def employment_end(*, employee: Employee, actor, end_date: date) -> Employee:
    """The employee leaves: the row stays with its end date, and the company ticket runs
    to the end of that month, no longer."""
    employee = employees.employee_end(employee=employee, actor=actor, end_date=end_date)
    tickets_end_for_employees(employee_ids=[employee.pk], on=end_date, actor=actor)
    return employee


@transaction.atomic
def personal_data_erase(*, employee: Employee, actor) -> Employee:
    """Erase on request: the employee's personal fields and history, and the address the
    survey invitations copied at dispatch (the answers stay, anonymous)."""
    employee = employees.employee_erase(employee=employee, actor=actor)
    invitations_forget_employee(employee_id=employee.pk)
    return employee


def employee_import_apply(*, employee_import: EmployeeImport, actor) -> EmployeeImport:
    """Apply an employee import; those it ends keep their ticket to the end of the month.
    The tickets end inside the import's transaction."""

    def end_tickets(employee_ids: list[int], end_date: date) -> None:
        tickets_end_for_employees(employee_ids=employee_ids, on=end_date, actor=actor)

    return employees.employee_import_apply(
        employee_import=employee_import, actor=actor, on_ended=end_tickets
    )
