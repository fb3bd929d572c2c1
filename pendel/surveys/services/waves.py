"""A wave's life: created, dispatched (invitations frozen, mail queued), reminded, closed
(the membership qualified when the rate is met), extended once when it is not."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext

from pendel.companies.models import Location
from pendel.core.bulk import bulk_insert
from pendel.core.dates import region_today
from pendel.core.tasks import schedule
from pendel.employees.models import Employee
from pendel.surveys.audit import SurveysAction
from pendel.surveys.closing import wave_audit, wave_locked
from pendel.surveys.due_tasks import survey_reminders_due
from pendel.surveys.mailing import mail_enqueue
from pendel.surveys.models import REMINDER_SLOTS, Invitation, Question, Wave
from pendel.surveys.models.waves import invitations_open_on
from pendel.surveys.selectors import baseline_closed, response_rate, survey_settings_for
from pendel.surveys.sending import first_mail_at, reminder_at
from pendel.surveys.services.templates import current_template_version
from pendel.surveys.tasks import survey_wave_close_due

INVITATION_FIELDS = [
    "wave",
    "location",
    "employee",
    "email",
    "language",
    "department",
    "age_group",
    "created_at",
    "undelivered_reason",
]
EXTEND_FIELDS = [
    "original_closes_on",
    "closes_on",
    "reminder_3_on",
    "extended_at",
    "closed_at",
    "outcome",
    "outcome_note",
    "threshold_percent",
    "answered_at_close",
    "delivered_at_close",
]


def _check_dates(*, opens_on: date, closes_on: date, today: date, reminders: list) -> None:
    if closes_on <= opens_on:
        raise ValidationError({"closes_on": gettext("The survey must close after it opens.")})
    if closes_on < today:
        raise ValidationError({"closes_on": gettext("The close date has passed.")})
    for day in reminders:
        if day and not opens_on < day <= closes_on:
            raise ValidationError(
                gettext("Reminders must be sent after the survey opens and before it closes.")
            )


@transaction.atomic
def wave_create(
    *,
    location: Location,
    kind: str,
    opens_on: date,
    closes_on: date,
    reminder_days: list[int],
    actor,
) -> Wave:
    """A draft wave; reminders are given as days after opening (e.g. [7, 14])."""
    reminders = [opens_on + timedelta(days=days) for days in reminder_days if days][:2]
    _check_dates(
        opens_on=opens_on,
        closes_on=closes_on,
        today=region_today(location.region),
        reminders=reminders,
    )
    wave = Wave(location=location, kind=kind, opens_on=opens_on, closes_on=closes_on)
    for number, day in enumerate(reminders, start=1):
        setattr(wave, f"reminder_{number}_on", day)
    wave.created_by = actor
    wave.full_clean()
    wave.save()
    wave_audit(actor, SurveysAction.WAVE_CREATED, wave, {"kind": kind, "opens_on": str(opens_on)})
    return wave


@transaction.atomic
def waves_create_for_locations(*, locations, **fields) -> list[Wave]:
    """The same wave at several locations (all of an organisation's), all or none."""
    return [wave_create(location=location, **fields) for location in locations]


@transaction.atomic
def wave_delete(*, wave: Wave, actor) -> None:
    wave = Wave.objects.select_for_update().select_related("location").get(pk=wave.pk)
    if wave.is_dispatched:
        raise ValidationError(gettext("A survey that has been sent cannot be deleted."))
    wave_audit(actor, SurveysAction.WAVE_DELETED, wave, {"kind": wave.kind})
    wave.delete()


def _check_dispatch(wave: Wave, today: date) -> None:
    if wave.is_dispatched:
        raise ValidationError(gettext("This survey has been sent already."))
    if wave.closes_on < today:
        raise ValidationError(gettext("The close date has passed. Make a new survey instead."))
    if wave.kind == Wave.Kind.FOLLOW_UP and not baseline_closed(wave.location):
        raise ValidationError(
            gettext("A follow-up survey can be sent only after the baseline survey has closed.")
        )
    running = Wave.objects.filter(
        location=wave.location_id, dispatched_at__isnull=False, closed_at__isnull=True
    ).exclude(pk=wave.pk)
    if running.exists():
        raise ValidationError(gettext("Another survey is still running at this location."))


@transaction.atomic
def wave_dispatch(*, wave: Wave, actor) -> int:
    """Freeze the template, the region's questions and the employee list as invitations,
    then queue the mail. A constant number of queries, whatever the number of employees.
    Returns the number of invitations."""
    wave = wave_locked(wave)
    region = wave.location.region
    today = region_today(region)
    _check_dispatch(wave, today)
    version = current_template_version()
    if version is None:
        raise ValidationError(gettext("The standard survey template is missing."))
    employees = list(
        Employee.objects.active(on=today)
        .filter(location=wave.location_id)
        .exclude(email="")
        .values_list("id", "email", "language", "department", "age_group")
    )
    if not employees:
        raise ValidationError(
            gettext("Nobody to invite: the location has no current employees with an email.")
        )
    now = timezone.now()
    bulk_insert(
        Invitation,
        INVITATION_FIELDS,
        (
            (
                wave.pk,
                wave.location_id,
                employee_id,
                email,
                language or region.default_language,
                department,
                age_group,
                now,
                "",
            )
            for employee_id, email, language, department, age_group in employees
        ),
    )
    _close_for_future_ends(wave)
    wave.template_version = version
    wave.departments = sorted({row[3].strip() for row in employees if row[3].strip()})
    wave.dispatched_at = now
    wave.dispatched_by = actor
    wave.save(
        update_fields=[
            "template_version",
            "departments",
            "dispatched_at",
            "dispatched_by",
            "updated_at",
        ]
    )
    wave.region_questions.set(
        Question.objects.filter(region=region, is_active=True).values_list("id", flat=True)
    )
    wave_audit(actor, SurveysAction.WAVE_DISPATCHED, wave, {"invitations": len(employees)})
    transaction.on_commit(lambda: wave_schedule(wave_id=wave.pk))
    return len(employees)


def _close_for_future_ends(wave: Wave) -> None:
    """Employees invited with a last working day ahead: their invitation closes that day."""
    end_date = Employee.objects.filter(pk=OuterRef("employee_id")).values("end_date")[:1]
    Invitation.objects.filter(wave=wave, employee__end_date__isnull=False).update(
        closed_on=Subquery(end_date), closed_reason=Invitation.ClosedReason.ENDED
    )


def wave_schedule(*, wave_id: int) -> None:
    """Queue what a dispatched wave needs: its invitations' mail, the reminders and the
    close. Safe to run again: every step checks what is still to do."""
    wave = Wave.objects.select_related("location__region").get(pk=wave_id)
    mail_enqueue(wave=wave, start=first_mail_at(wave))
    for number in wave.reminder_dates():
        schedule(survey_reminders_due, reminder_at(wave, number), wave_id=wave.pk, reminder=number)
    schedule(survey_wave_close_due, wave.close_after(), wave_id=wave.pk)


@transaction.atomic
def wave_remind_now(*, wave: Wave, reminder: int, actor) -> int:
    """Send reminder n today instead of on its day: the day becomes today and the mail is
    queued after commit. A reminder already due or sent is refused, so the confirmation
    page sent twice (or from an old tab) sends nothing twice. Returns n."""
    wave = wave_locked(wave)
    today = region_today(wave.location.region)
    if not wave.is_dispatched or not wave.accepts_answers_on(today):
        raise ValidationError(gettext("Reminders can be sent only while the survey is open."))
    day = getattr(wave, f"reminder_{reminder}_on", None) if reminder in REMINDER_SLOTS else today
    if day is not None and day <= today:
        raise ValidationError(gettext("This reminder has been sent already."))
    setattr(wave, f"reminder_{reminder}_on", today)
    wave.save(update_fields=[f"reminder_{reminder}_on", "updated_at"])
    wave_audit(
        actor,
        SurveysAction.WAVE_REMINDED,
        wave,
        {"reminder": reminder, "planned_on": str(day) if day else None},
    )
    transaction.on_commit(lambda: mail_enqueue(wave=wave, reminder=reminder))
    return reminder


@transaction.atomic
def wave_extend(*, wave: Wave, closes_on: date, reminder_on: date | None, actor) -> Wave:
    """Once per wave, below the threshold: a later close date and one more reminder. A wave
    closed below the threshold opens again."""
    wave = wave_locked(wave)
    region = wave.location.region
    today = region_today(region)
    if not wave.is_dispatched:
        raise ValidationError(gettext("This survey has not been sent."))
    if wave.is_extended:
        raise ValidationError(gettext("A survey can be extended only once."))
    threshold = survey_settings_for(region).threshold_for(wave.kind)
    if response_rate(wave).meets(threshold):
        raise ValidationError(gettext("The survey has reached its threshold already."))
    if closes_on <= max(wave.closes_on, today):
        raise ValidationError(
            {"closes_on": gettext("Choose a close date later than the current one and today.")}
        )
    if reminder_on and not today <= reminder_on <= closes_on:
        raise ValidationError(
            {"reminder_on": gettext("The reminder must be sent between today and the close date.")}
        )
    changes = {"closes_on": [str(wave.closes_on), str(closes_on)]}
    wave.original_closes_on = wave.closes_on
    wave.closes_on = closes_on
    wave.reminder_3_on = reminder_on
    wave.extended_at = timezone.now()
    wave.closed_at = None
    wave.outcome, wave.outcome_note = "", ""
    wave.threshold_percent = wave.answered_at_close = wave.delivered_at_close = None
    wave.save(update_fields=[*EXTEND_FIELDS, "updated_at"])
    wave_audit(actor, SurveysAction.WAVE_EXTENDED, wave, changes)
    transaction.on_commit(lambda: wave_schedule(wave_id=wave.pk))
    return wave


@transaction.atomic
def invitations_mark_undelivered(*, wave: Wave, emails: list[str], actor, reason: str) -> int:
    """Mark the invitations to these addresses (e.g. from bounce reports) undelivered; they
    leave the response rate's denominator. Answered ones stay delivered."""
    addresses = {email.strip().lower() for email in emails if email.strip()}
    count = (
        Invitation.objects.filter(wave=wave, undelivered_at__isnull=True, answered_at__isnull=True)
        .annotate(address=Lower("email"))
        .filter(address__in=addresses)
        .update(undelivered_at=timezone.now(), undelivered_reason=reason[:200])
    )
    wave_audit(actor, SurveysAction.WAVE_UNDELIVERED, wave, {"count": count})
    return count


def invitations_forget_employee(*, employee_id: int) -> int:
    """For the employees app's erasure: remove what the person's invitations copied from
    the employee list (address, department, age group) and the link to the person. Their
    answers stay, anonymous, as they gave them."""
    return Invitation.objects.filter(employee_id=employee_id).update(
        email="", department="", age_group="", employee=None
    )


CLOSE_CHUNK = 500


def invitations_close(*, employee_ids: list[int], on: date, reason: str) -> int:
    """The surveys' step when employees end (from their last working day, `on`) or are
    erased (from today): their unanswered invitations of waves not closed yet close from
    that day. No more answers or reminders, and they leave the response rate's
    denominator (counted apart). Answers already sent stay. An invitation closed from an
    earlier day keeps that day. Returns the number closed."""
    closed = 0
    for start in range(0, len(employee_ids), CLOSE_CHUNK):
        closed += (
            Invitation.objects.filter(
                employee_id__in=employee_ids[start : start + CLOSE_CHUNK],
                answered_at__isnull=True,
                wave__closed_at__isnull=True,
            )
            .filter(invitations_open_on(on))
            .update(closed_on=on, closed_reason=reason)
        )
    return closed
