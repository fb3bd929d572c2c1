"""Every write to employee data. Each runs in one transaction with its AuditEvent.

What the events hold: a change records {field: [old, new]}; a creation records no values,
since the row holds them and every later change records the value it replaced. The history
can thus be rebuilt without a second copy of personal data, and erasure has less to scrub.
"""

from collections.abc import Callable
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from pendel.companies.models import Location
from pendel.core.audit import Target, audit_event, audit_record, audit_record_many
from pendel.core.dates import region_today
from pendel.core.models import AuditEvent
from pendel.employees.audit import EmployeesAction
from pendel.employees.columns import REQUIRED
from pendel.employees.exports import personal_data
from pendel.employees.models import PERSONAL_FIELDS, Employee, EmployeeImport
from pendel.employees.parsing import ParsedFile, parse_file
from pendel.employees.planning import Plan, jsonable, plan_digest, plan_import, plan_preview
from pendel.employees.reading import MAX_BYTES, Deadline, FileError

OBJECT_TYPE = "employee"
# What an import does for the employees it ended, in its transaction: (ids, end date).
EndedStep = Callable[[list[int], date], None]
DATE_FIELDS = {"start_date", "end_date"}


def employee_audit_event(*, employee: Employee, actor, action: str, changes: dict) -> AuditEvent:
    """An unsaved event, so that bulk writes can save many at once."""
    return audit_event(
        actor=actor,
        action=action,
        target=Target(OBJECT_TYPE, employee.pk),
        region_id=employee.location.region_id,
        changes=changes,
    )


def _check_email_free(employee: Employee) -> None:
    """Two employees still at work in one location never share an email address."""
    today = region_today(employee.location.region)
    if not employee.email or not employee.is_active(on=today):
        return
    clash = (
        Employee.objects.active(on=today)
        .filter(location_id=employee.location_id, email__iexact=employee.email)
        .exclude(pk=employee.pk)
        .exists()
    )
    if clash:
        raise ValidationError(
            {"email": gettext("An employee of this location already has this email address.")}
        )


def _save_checked(employee: Employee, fields: list[str] | None = None) -> None:
    employee.full_clean(validate_constraints=False)
    _check_email_free(employee)
    employee.save(update_fields=[*fields, "updated_at"] if fields is not None else None)


@transaction.atomic
def employee_create(*, location, actor, data: dict) -> Employee:
    employee = Employee(location=location, **data)
    _save_checked(employee)
    employee_audit_event(
        employee=employee, actor=actor, action=EmployeesAction.CREATED, changes={}
    ).save()
    return employee


@transaction.atomic
def employee_update(*, employee: Employee, actor, data: dict) -> Employee:
    if employee.is_erased:
        raise ValidationError(gettext("An erased employee cannot be changed."))
    changes = {
        name: [jsonable(getattr(employee, name)), jsonable(value)]
        for name, value in data.items()
        if getattr(employee, name) != value
    }
    if not changes:
        return employee
    for name in changes:
        setattr(employee, name, data[name])
    _save_checked(employee, list(changes))
    employee_audit_event(
        employee=employee, actor=actor, action=EmployeesAction.UPDATED, changes=changes
    ).save()
    return employee


@transaction.atomic
def employee_end(*, employee: Employee, actor, end_date: date) -> Employee:
    """The employee leaves: the row stays, with its end date."""
    if employee.is_erased:
        raise ValidationError(gettext("An erased employee cannot be changed."))
    if employee.start_date and end_date < employee.start_date:
        raise ValidationError({"end_date": gettext("The end date is before the start date.")})
    changes = {"end_date": [jsonable(employee.end_date), jsonable(end_date)]}
    employee.end_date = end_date
    employee.save(update_fields=["end_date", "updated_at"])
    employee_audit_event(
        employee=employee, actor=actor, action=EmployeesAction.ENDED, changes=changes
    ).save()
    return employee


@transaction.atomic
def employee_erase(*, employee: Employee, actor) -> Employee:
    """Erase personal data on request. Department and age group stay for the statistics,
    and the personal values are also removed from the employee's earlier audit events."""
    if employee.is_erased:
        raise ValidationError(gettext("This employee's personal data is already erased."))
    for name in PERSONAL_FIELDS:
        setattr(employee, name, None if name in DATE_FIELDS else "")
    employee.erased_at = timezone.now()
    employee.save(update_fields=[*PERSONAL_FIELDS, "erased_at", "updated_at"])
    _redact_history(employee)
    employee_audit_event(
        employee=employee,
        actor=actor,
        action=EmployeesAction.ERASED,
        changes={"erased_fields": list(PERSONAL_FIELDS)},
    ).save()
    return employee


def _redact_history(employee: Employee) -> None:
    events = list(AuditEvent.objects.filter(object_type=OBJECT_TYPE, object_id=str(employee.pk)))
    for event in events:
        event.changes = {
            name: _redacted(value) if name in PERSONAL_FIELDS else value
            for name, value in (event.changes or {}).items()
        }
    AuditEvent.objects.bulk_update(events, ["changes"])


def _redacted(value):
    return [None] * len(value) if isinstance(value, list) else None


def employee_data_export(*, employee: Employee, actor) -> dict:
    """One employee's data with its history, as handed to them on request; the hand-over
    itself is logged."""
    data = personal_data(employee)
    employee_audit_event(
        employee=employee, actor=actor, action=EmployeesAction.DATA_EXPORTED, changes={}
    ).save()
    return data


# Import: prepare (read, check, preview, keep the checked rows), then apply all or nothing.

BATCH_SIZE = 2000
IN_LIST_SIZE = 900  # under SQLite's oldest limit of 999 parameters per statement


class StalePreview(Exception):
    def __init__(self, plan: Plan):
        super().__init__("stale preview")
        self.plan = plan


def employee_import_prepare(*, location, actor, upload) -> EmployeeImport:
    """Read an uploaded file and keep its preview. Raises FileError when it cannot be read;
    then nothing is stored. For a file without errors the checked rows are stored too, so
    that the apply (now or as a background task) need not read the upload again."""
    if upload.size > MAX_BYTES:
        raise FileError("too_large", max=MAX_BYTES // (1024 * 1024))
    content = upload.read()
    parsed = parse_file(content, filename=upload.name, country=location.region.country_id)
    employee_import = EmployeeImport(
        location=location, created_by=actor, original_name=upload.name[-255:]
    )
    _set_checked(employee_import, parsed)
    employee_import.save()
    return employee_import


def _set_checked(employee_import: EmployeeImport, parsed: ParsedFile) -> None:
    """Status, counts and preview of a file that was read, and its checked rows (the good
    ones to apply, the refused ones to hand back). A file without one good row cannot be
    applied."""
    location = employee_import.location
    plan = Plan()
    if parsed.rows:
        plan = plan_import(location=location, parsed=parsed, today=region_today(location.region))
    Status = EmployeeImport.Status
    employee_import.status = Status.READY if parsed.rows else Status.INVALID
    employee_import.row_count = len(parsed.rows) + len(parsed.bad_rows)
    _set_preview(employee_import, plan, parsed)
    employee_import.file.save("rows.json", ContentFile(parsed.dumps()), save=False)


def employee_import_receive(*, location, actor, upload) -> EmployeeImport:
    """Keep a large upload as an import "being read"; `employee_import_read` (a background
    task) reads it. Nothing but the file and its name is stored until then."""
    if upload.size > MAX_BYTES:
        raise FileError("too_large", max=MAX_BYTES // (1024 * 1024))
    employee_import = EmployeeImport(
        location=location,
        created_by=actor,
        original_name=upload.name[-255:],
        status=EmployeeImport.Status.READING,
    )
    employee_import.file.save("upload", upload, save=False)
    employee_import.save()
    return employee_import


def employee_import_read(*, import_id: int, seconds: float) -> None:
    """Read a kept upload within `seconds` and store its preview, or why it could not be
    read. Safe to run twice, and after a crash: the reading holds no lock and writes
    nothing; the result is stored only if the import is still being read."""
    employee_import = (
        EmployeeImport.objects.select_related("location__region")
        .filter(pk=import_id, status=EmployeeImport.Status.READING)
        .first()
    )
    if employee_import is None:
        return
    upload_name = employee_import.file.name
    storage = employee_import.file.storage
    try:
        with storage.open(upload_name, "rb") as handle:
            content = handle.read()
    except (OSError, ValueError):
        content = None
    try:
        if content is None:
            raise FileError("gone")
        parsed = parse_file(
            content,
            filename=employee_import.original_name,
            country=employee_import.location.region.country_id,
            deadline=Deadline(seconds),
        )
    except FileError as error:
        employee_import.status = EmployeeImport.Status.UNREADABLE
        employee_import.preview = {"file_error": {"code": error.code, "params": error.params}}
        employee_import.file = ""
    else:
        employee_import.file = ""
        _set_checked(employee_import, parsed)
    with transaction.atomic():
        fields = ["status", "row_count", "added", "changed", "ended", "error_count"]
        fields += ["errors", "preview"]
        values = {name: getattr(employee_import, name) for name in fields}
        claimed = EmployeeImport.objects.filter(
            pk=import_id, status=EmployeeImport.Status.READING
        ).update(**values, file=employee_import.file.name or "", updated_at=timezone.now())
        kept = employee_import.file.name
        if claimed:
            transaction.on_commit(lambda: storage.delete(upload_name))
        elif kept:
            transaction.on_commit(lambda: storage.delete(kept))


def employee_import_abandon(import_id: int) -> None:
    """Reading the file killed its worker again and again (pendel/core/leases.py): say so,
    so that the page stops waiting. Only an import still being read."""
    EmployeeImport.objects.filter(pk=import_id, status=EmployeeImport.Status.READING).update(
        status=EmployeeImport.Status.UNREADABLE,
        preview={"file_error": {"code": "interrupted", "params": {}}},
        updated_at=timezone.now(),
    )


def import_file_error(employee_import: EmployeeImport) -> str:
    """Why a file read in the background could not be read, in the reader's language."""
    error = employee_import.preview.get("file_error") or {}
    try:
        return FileError(error["code"], **error.get("params", {})).message
    except (KeyError, TypeError, ValueError):
        return FileError("not_text").message


def _set_preview(
    employee_import: EmployeeImport, plan: Plan, parsed: ParsedFile, ignored=()
) -> None:
    employee_import.added, employee_import.changed, employee_import.ended = plan.counts
    employee_import.error_count = parsed.error_count
    employee_import.errors = parsed.errors
    employee_import.preview = {**plan_preview(plan, parsed), "ignored": sorted(ignored)}


def import_ignored(employee_import: EmployeeImport) -> list[str]:
    return list(employee_import.preview.get("ignored", []))


def employee_import_ignore(*, employee_import: EmployeeImport, ignored) -> EmployeeImport:
    """Check the file again as if the columns of these optional fields were not in it (their
    values are neither added nor changed, and their warnings go). Changes no employee."""
    if employee_import.status not in (EmployeeImport.Status.READY, EmployeeImport.Status.INVALID):
        raise ValidationError(gettext("This import has already been applied or discarded."))
    stored = _parse_stored(employee_import)
    ignored = set(ignored).intersection(stored.fields).difference(REQUIRED)
    parsed = stored.without(ignored)
    location = employee_import.location
    plan = Plan()
    if parsed.rows:
        plan = plan_import(location=location, parsed=parsed, today=region_today(location.region))
    _set_preview(employee_import, plan, parsed, ignored)
    employee_import.save(
        update_fields=["added", "changed", "ended", "error_count", "errors", "preview"]
        + ["updated_at"]
    )
    return employee_import


def employee_import_bad_rows(employee_import: EmployeeImport) -> tuple[list[str], list[dict]]:
    """The header of the uploaded file and its refused rows, to be handed back to fix."""
    parsed = _parse_stored(employee_import)
    return parsed.header, parsed.bad_rows


def employee_import_apply(
    *, employee_import: EmployeeImport, actor, on_ended: EndedStep | None = None
) -> EmployeeImport:
    """Apply a previewed import in one transaction, or refuse with a ValidationError. If the
    employees changed since the preview, the preview is renewed and the user asked again.
    `on_ended(employee_ids, end_date)` runs inside the import's transaction for those it
    ended: `pendel.people` passes the other apps' steps (their tickets end), so they commit
    or fail with the import."""
    if employee_import.status == EmployeeImport.Status.READING:
        raise ValidationError(gettext("The file is still being read. Please wait a moment."))
    if employee_import.status in (EmployeeImport.Status.INVALID, EmployeeImport.Status.UNREADABLE):
        raise ValidationError(gettext("This file has no row that can be imported."))
    if employee_import.status != EmployeeImport.Status.READY:
        raise ValidationError(gettext("This import has already been applied or discarded."))
    stored = _parse_stored(employee_import)
    parsed = stored.without(import_ignored(employee_import))
    try:
        with transaction.atomic():
            ended_ids, ended_on = _apply(employee_import, parsed, actor)
            if ended_ids and on_ended is not None:
                on_ended(ended_ids, ended_on)
    except StalePreview as stale:
        _set_preview(employee_import, stale.plan, parsed, import_ignored(employee_import))
        employee_import.save(update_fields=["added", "changed", "ended", "preview", "updated_at"])
        raise ValidationError(
            gettext(
                "The employees changed since this preview was made. "
                "Check the new preview and confirm again."
            )
        ) from None
    except IntegrityError:
        raise ValidationError(
            gettext("Someone changed these employees at the same time. Please try again.")
        ) from None
    employee_import.refresh_from_db()
    return employee_import


def _parse_stored(employee_import: EmployeeImport) -> ParsedFile:
    """The rows checked at upload: the apply does not read the upload again."""
    try:
        with employee_import.file.open("rb") as handle:
            return ParsedFile.loads(handle.read())
    except (OSError, ValueError, KeyError, TypeError):
        raise ValidationError(
            gettext("The uploaded file is no longer available. Please upload it again.")
        ) from None


def _apply(employee_import: EmployeeImport, parsed: ParsedFile, actor) -> tuple[list[int], date]:
    location = Location.objects.select_for_update().get(pk=employee_import.location_id)
    now = timezone.now()
    claimed = EmployeeImport.objects.filter(
        pk=employee_import.pk, status=EmployeeImport.Status.READY
    ).update(status=EmployeeImport.Status.APPLIED, applied_at=now, updated_at=now)
    if not claimed:
        raise ValidationError(gettext("This import has already been applied or discarded."))
    plan = plan_import(location=location, parsed=parsed, today=region_today(location.region))
    if plan_digest(plan) != employee_import.preview.get("digest"):
        raise StalePreview(plan)
    ended = _write_plan(plan, location=location, actor=actor, import_id=employee_import.pk, now=now)
    _close(employee_import, keep=parsed.bad_rows)
    counts = dict(zip(("added", "changed", "ended"), plan.counts, strict=True))
    if parsed.bad_rows:
        counts["left_out"] = len(parsed.bad_rows)
    audit_record(
        actor=actor,
        action=EmployeesAction.IMPORT_APPLIED,
        target=Target("employee_import", employee_import.pk),
        region_id=location.region_id,
        changes=counts,
    )
    return ended


def _write_plan(plan: Plan, *, location, actor, import_id: int, now) -> tuple[list[int], date]:
    """Set-based writes: a handful of statements, whatever the number of rows."""
    created = Employee.objects.bulk_create(
        [Employee(location_id=location.pk, **values) for values in plan.create],
        batch_size=BATCH_SIZE,
    )
    changed = [employee for employee, _changes in plan.update]
    for employee in changed:
        employee.updated_at = now
    if changed:
        Employee.objects.bulk_update(
            changed, [*plan.update_fields, "updated_at"], batch_size=BATCH_SIZE
        )
    ended_ids = [employee.pk for employee in plan.end]
    today = region_today(location.region)
    for start in range(0, len(ended_ids), IN_LIST_SIZE):
        Employee.objects.filter(pk__in=ended_ids[start : start + IN_LIST_SIZE]).update(
            end_date=today, updated_at=now
        )
    events = AuditEventRows(actor=actor, region_id=location.region_id, import_id=import_id)
    for employee in created:
        events.add(employee.pk, EmployeesAction.CREATED, {})
    for employee, changes in plan.update:
        events.add(employee.pk, EmployeesAction.UPDATED, changes)
    for employee in plan.end:
        changes = {"end_date": [jsonable(employee.end_date), today.isoformat()]}
        events.add(employee.pk, EmployeesAction.ENDED, changes)
    audit_record_many(events.rows, batch_size=BATCH_SIZE)
    return ended_ids, today


class AuditEventRows:
    """Unsaved events of one import, built cheaply: one actor, one region; each names the
    import."""

    def __init__(self, *, actor, region_id: int, import_id: int):
        self.import_id = import_id
        self.actor, self.region_id = actor, region_id
        self.rows: list[AuditEvent] = []

    def add(self, pk: int, action: str, changes: dict) -> None:
        self.rows.append(
            audit_event(
                actor=self.actor,
                action=action,
                target=Target(OBJECT_TYPE, pk),
                region_id=self.region_id,
                changes={**changes, "import": self.import_id},
            )
        )


def _close(employee_import: EmployeeImport, keep: list[dict] | None = None) -> None:
    """Once applied or discarded, an import keeps its counts but no names, addresses or
    file; the file goes from storage after commit. An applied import keeps only its refused
    rows (`keep`), for the user to download and fix, until it is discarded."""
    name = employee_import.file.name
    preview = employee_import.preview
    kept = ""
    if keep:
        rows = ParsedFile(fields=[], ignored_columns=[], columns=preview.get("columns", []))
        rows.bad_rows = keep
        kept = ContentFile(rows.dumps())
    closed = EmployeeImport.objects.get(pk=employee_import.pk)
    if kept:
        closed.file.save("rows.json", kept, save=False)
    closed.preview = {"fields": preview.get("fields", [])}
    if keep:
        closed.preview.update(columns=preview.get("columns", []), bad_rows=len(keep))
    closed.errors = []
    if not kept:
        closed.file = ""
    closed.save(update_fields=["preview", "errors", "file"])
    if name:
        storage = employee_import.file.storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def employee_import_discard(*, employee_import: EmployeeImport, actor) -> None:
    if employee_import.status == EmployeeImport.Status.APPLIED:
        if employee_import.file:  # the refused rows kept to download: forget them now
            _close(employee_import)
            return
        raise ValidationError(gettext("This import has already been applied."))
    EmployeeImport.objects.filter(pk=employee_import.pk).update(
        status=EmployeeImport.Status.DISCARDED, updated_at=timezone.now()
    )
    _close(employee_import)
    audit_record(
        actor=actor,
        action=EmployeesAction.IMPORT_DISCARDED,
        target=Target("employee_import", employee_import.pk),
        region_id=employee_import.location.region_id,
    )
