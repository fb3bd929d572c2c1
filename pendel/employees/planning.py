"""What an import will do to a location's employees: who is added, who changes, who ends.

Existing employees are read in one query and matched by lower(email); employees missing
from the file are ended (never deleted), except those of a row refused for its errors, and
no one when the file is the corrected rows of an earlier import. The digest lets the confirm
step notice that the employees changed since the preview was shown.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from pendel.employees.models import Employee
from pendel.employees.parsing import ParsedFile

SAMPLE_SIZE = 100
MAX_COLUMNS_SHOWN = 60


@dataclass
class Plan:
    create: list[dict] = field(default_factory=list)  # the values of each new employee
    update: list[tuple[Employee, dict]] = field(default_factory=list)  # with {field: [old, new]}
    end: list[Employee] = field(default_factory=list)
    existing: int = 0  # active employees before the import

    @property
    def counts(self) -> tuple[int, int, int]:
        return (len(self.create), len(self.update), len(self.end))

    @property
    def update_fields(self) -> list[str]:
        return sorted({name for _employee, changes in self.update for name in changes})


def jsonable(value):
    return value.isoformat() if isinstance(value, date) else value


def plan_import(*, location, parsed: ParsedFile, today: date) -> Plan:
    existing = list(Employee.objects.active(on=today).filter(location=location))
    by_email: dict[str, Employee] = {}
    for employee in existing:
        by_email.setdefault(employee.email.lower(), employee)
    plan, matched = Plan(existing=len(existing)), set()
    for row in parsed.rows:
        employee = by_email.get(row.values["email"].lower())
        if employee is None or employee.pk in matched:
            plan.create.append(row.values)
            continue
        matched.add(employee.pk)
        changes = _apply_values(employee, row.values)
        if changes:
            plan.update.append((employee, changes))
    if parsed.rows_to_fix:
        return plan
    kept = parsed.bad_row_emails()  # a refused row's employee is neither changed nor ended
    plan.end = [
        employee
        for employee in existing
        if employee.pk not in matched and employee.email.lower() not in kept
    ]
    return plan


def _apply_values(employee: Employee, new_values: dict) -> dict:
    """Set the file's values on the employee; the changes as {field: [old, new]}."""
    changes = {}
    for name, value in new_values.items():
        old = getattr(employee, name)
        if old != value:
            changes[name] = [jsonable(old), jsonable(value)]
            setattr(employee, name, value)
    return changes


def plan_digest(plan: Plan) -> str:
    """A fingerprint of everything the plan would write."""
    content = {
        "create": sorted(values["email"].lower() for values in plan.create),
        "update": sorted([e.pk, changes] for e, changes in plan.update),
        "end": sorted(e.pk for e in plan.end),
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def _person(employee: Employee) -> dict:
    return {"name": employee.full_name, "email": employee.email}


def _new_person(values: dict) -> dict:
    return {"name": f"{values['first_name']} {values['last_name']}", "email": values["email"]}


def plan_preview(plan: Plan, parsed: ParsedFile) -> dict:
    """What the preview page lists: the first rows of each kind, and the digest."""
    return {
        "digest": plan_digest(plan),
        "existing": plan.existing,
        "fields": parsed.fields,
        "ignored_columns": parsed.ignored_columns[:20],
        "columns": parsed.columns[:MAX_COLUMNS_SHOWN],
        "warnings": parsed.warnings,
        "warning_count": parsed.warning_count,
        "bad_rows": len(parsed.bad_rows),
        "rows_to_fix": parsed.rows_to_fix,
        "added": [_new_person(values) for values in plan.create[:SAMPLE_SIZE]],
        "changed": [
            {**_person(e), "fields": sorted(changes)} for e, changes in plan.update[:SAMPLE_SIZE]
        ],
        "ended": [_person(e) for e in plan.end[:SAMPLE_SIZE]],
    }
