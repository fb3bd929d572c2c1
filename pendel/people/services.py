"""Ending an employment and erasing a person's data, step by step in each app, in one
transaction: a step that fails undoes the others."""

from datetime import date

from django.db import transaction

from pendel.core.dates import region_today
from pendel.employees import services as employees
from pendel.employees.models import Employee, EmployeeImport
from pendel.orders.services import tickets_end_for_employees
from pendel.surveys.models import Invitation
from pendel.surveys.services import invitations_close, invitations_forget_employee

ENDED = Invitation.ClosedReason.ENDED
ERASED = Invitation.ClosedReason.ERASED


@transaction.atomic
def employment_end(*, employee: Employee, actor, end_date: date) -> Employee:
    """The employee leaves: the row stays with its end date, the company ticket runs to the
    end of that month, no longer, and the open survey invitation closes from that day."""
    employee = employees.employee_end(employee=employee, actor=actor, end_date=end_date)
    tickets_end_for_employees(employee_ids=[employee.pk], on=end_date, actor=actor)
    invitations_close(employee_ids=[employee.pk], on=end_date, reason=ENDED)
    return employee


@transaction.atomic
def employee_update(*, employee: Employee, actor, data: dict) -> Employee:
    """Save the employee form. A new or changed end date ends the employment as
    `employment_end` does: the ticket runs to the end of that month and the open survey
    invitation closes from that day."""
    before = employee.end_date
    employee = employees.employee_update(employee=employee, actor=actor, data=data)
    if employee.end_date is not None and employee.end_date != before:
        tickets_end_for_employees(employee_ids=[employee.pk], on=employee.end_date, actor=actor)
        invitations_close(employee_ids=[employee.pk], on=employee.end_date, reason=ENDED)
    return employee


@transaction.atomic
def personal_data_erase(*, employee: Employee, actor) -> Employee:
    """Erase on request: the employee's personal fields and history; the open survey
    invitation closes today, and the invitations forget what they copied at dispatch (the
    answers stay, anonymous)."""
    employee = employees.employee_erase(employee=employee, actor=actor)
    today = region_today(employee.location.region)
    invitations_close(employee_ids=[employee.pk], on=today, reason=ERASED)
    invitations_forget_employee(employee_id=employee.pk)
    return employee


def employee_import_apply(*, employee_import: EmployeeImport, actor) -> EmployeeImport:
    """Apply an employee import; those it ends keep their ticket to the end of the month
    and their open survey invitation closes. Both inside the import's transaction."""

    def ended(employee_ids: list[int], end_date: date) -> None:
        tickets_end_for_employees(employee_ids=employee_ids, on=end_date, actor=actor)
        invitations_close(employee_ids=employee_ids, on=end_date, reason=ENDED)

    return employees.employee_import_apply(
        employee_import=employee_import, actor=actor, on_ended=ended
    )
