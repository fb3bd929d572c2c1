"""What the audit trail records about employees (see pendel.core.audit)."""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import date_text, register_actions
from pendel.employees.models import Employee


class EmployeesAction(models.TextChoices):
    CREATED = "employee.created", _("Employee added.")
    UPDATED = "employee.updated", _("Employee details changed.")
    ENDED = "employee.ended", _("Employee ended.")
    ERASED = "employee.erased", _("Personal data erased.")
    DATA_EXPORTED = "employee.data_exported", _("Personal data handed over.")
    IMPORT_APPLIED = "employee_import.applied", _("Employee list imported.")
    IMPORT_DISCARDED = "employee_import.discarded", _("Employee list import discarded.")


def _field_label(name: str) -> str:
    try:
        return str(Employee._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field that no longer exists keeps its stored name
        return name


def _updated(changes: dict) -> str:
    names = [_field_label(name) for name in changes if name != "import"]
    if not names:
        raise KeyError("no fields")
    return gettext("Changed: %(fields)s.") % {"fields": capfirst(", ".join(names))}


def _ended(changes: dict) -> str:
    return gettext("Employee ended on %(date)s.") % {"date": date_text(changes["end_date"][1])}


def _imported(changes: dict) -> str:
    return gettext(
        "Employee list imported: %(added)s added, %(changed)s changed, %(ended)s ended."
    ) % {key: changes[key] for key in ("added", "changed", "ended")}


register_actions(
    EmployeesAction,
    sentences={
        EmployeesAction.UPDATED: _updated,
        EmployeesAction.ENDED: _ended,
        EmployeesAction.IMPORT_APPLIED: _imported,
    },
)
