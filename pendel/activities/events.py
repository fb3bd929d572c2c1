"""Writes about events: scheduling one (from a planned activity or on its own), cancelling
it, recording attendance and the outcome, marking it held, and its photos.

The programme's rule: no activity but the travel survey is scheduled before the location's
baseline survey has closed (`event_schedule_refusal` says why and until when).

A cancelled event puts its planned activity back to "planned": the company still owes the
activity to its plan, and the advisor schedules it again on another day (a line the advisor
wants gone is cancelled on the plan, not by cancelling one date)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext

from pendel.activities.events_audit import EventsAction
from pendel.activities.models import ActivityType, Event, EventPhoto, PlannedActivity, SignUp
from pendel.activities.signups_tasks import event_cancelled_mail
from pendel.companies.models import Location
from pendel.companies.services.memberships import advisors_for_region
from pendel.core.audit import audit_record
from pendel.core.images import image_from_upload
from pendel.core.locks import row_lock
from pendel.core.tasks import enqueue_after_commit
from pendel.core.tokens import new_token
from pendel.surveys.selectors import baseline_closed, baseline_wave_open

PHOTO_MAX_BYTES = 10 * 1024 * 1024
PHOTO_BOX = (1600, 1600)
SIGNUP_CODE_BYTES = 12  # 16 characters: unguessable, short enough to type from a poster


def event_schedule_refusal(*, location: Location, activity_type: ActivityType) -> str:
    """Why this activity may not be scheduled yet for the location ("" when it may)."""
    if activity_type.is_survey or baseline_closed(location):
        return ""
    wave = baseline_wave_open(location)
    if wave is None:
        return gettext(
            "Other activities start after the baseline survey has closed, and no baseline "
            "survey has been sent yet to %(location)s."
        ) % {"location": location}
    return gettext(
        "Other activities start after the baseline survey has closed. The baseline survey "
        "of %(location)s closes on %(date)s."
    ) % {"location": location, "date": formats.date_format(wave.closes_on, "DATE_FORMAT")}


def region_moment(region, day: date, at: time) -> datetime:
    """That day and time on the region's clock, as an aware datetime."""
    return datetime.combine(day, at, tzinfo=ZoneInfo(region.time_zone))


@transaction.atomic
def event_schedule(
    *,
    actor,
    location: Location,
    activity_type: ActivityType,
    day: date,
    starts: time,
    ends: time,
    place: str,
    advisors,
    capacity: int | None,
    planned: PlannedActivity | None = None,
) -> Event:
    """Schedule an event for a member location; from one of its planned activities (which
    becomes "scheduled") or on its own. Refused with the reason before the baseline closed."""
    region = location.region
    if planned is not None:
        planned = row_lock(PlannedActivity.objects.select_related("plan"), pk=planned.pk)
        if planned.plan.location_id != location.pk:
            raise ValidationError({"planned": gettext("This planned activity is another's.")})
        if planned.status != PlannedActivity.Status.PROPOSED:
            raise ValidationError(
                {"planned": gettext("This planned activity has been scheduled already.")}
            )
        activity_type = planned.activity_type
    refusal = event_schedule_refusal(location=location, activity_type=activity_type)
    if refusal:
        raise ValidationError(refusal, code="baseline_open")
    if ends <= starts:
        raise ValidationError({"ends": gettext("The end must be after the start.")})
    if any(advisor.pk not in _advisor_ids(region) for advisor in advisors):
        raise ValidationError({"advisors": gettext("The advisors must work in this region.")})
    event = Event(
        region=region,
        location=location,
        planned=planned,
        activity_type=activity_type,
        starts_at=region_moment(region, day, starts),
        ends_at=region_moment(region, day, ends),
        place=place.strip(),
        capacity=capacity,
        signup_code=new_token(SIGNUP_CODE_BYTES),
        created_by=actor,
    )
    event.full_clean()
    event.save()
    event.advisors.set(advisors)
    if planned is not None:
        planned.status = PlannedActivity.Status.SCHEDULED
        planned.save(update_fields=["status", "updated_at"])
    _record(actor, EventsAction.SCHEDULED, event, date=day.isoformat())
    return event


def _advisor_ids(region) -> set[int]:
    return set(event_advisor_choices(region).values_list("pk", flat=True))


def event_advisor_choices(region):
    """The staff of the region: who may be responsible for its events."""
    return advisors_for_region(region.pk).order_by("first_name", "last_name", "email")


def _record(actor, action, event: Event, **changes) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=event,
        region_id=event.region_id,
        changes={"activity": str(event.activity_type), **changes},
    )


def _locked(event: Event) -> Event:
    return row_lock(Event.objects.select_related("activity_type", "region"), pk=event.pk)


@transaction.atomic
def event_cancel(*, actor, event: Event, reason: str) -> Event:
    """Cancel a scheduled event: everyone signed up gets a mail, the planned activity goes
    back to "planned" so that it can be scheduled again."""
    event = _locked(event)
    if event.status != Event.Status.SCHEDULED:
        raise ValidationError(gettext("Only a scheduled activity can be cancelled."))
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": gettext("Say why, for the people who signed up.")})
    event.status = Event.Status.CANCELLED
    event.cancelled_reason = reason
    event.signup_open = False
    event.save(update_fields=["status", "cancelled_reason", "signup_open", "updated_at"])
    if event.planned_id:
        PlannedActivity.objects.filter(
            pk=event.planned_id, status=PlannedActivity.Status.SCHEDULED
        ).update(status=PlannedActivity.Status.PROPOSED, updated_at=timezone.now())
    enqueue_after_commit(event_cancelled_mail, event_id=event.pk)
    _record(actor, EventsAction.CANCELLED, event, reason=reason)
    return event


def _after_start(event: Event) -> None:
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(gettext("This activity was cancelled."))
    if event.starts_at > timezone.now():
        raise ValidationError(gettext("Attendance is recorded once the activity has begun."))


@transaction.atomic
def event_attendance_record(
    *, actor, event: Event, attended_ids, walk_ins: int, outcome_note: str
) -> Event:
    """After the event: who of those with a place came, how many came without signing up,
    and a short note on how it went."""
    event = _locked(event)
    _after_start(event)
    places = SignUp.objects.filter(event=event, status=SignUp.Status.CONFIRMED)
    attended_ids = {int(pk) for pk in attended_ids}
    places.filter(pk__in=attended_ids).update(attended=True)
    places.exclude(pk__in=attended_ids).update(attended=False)
    event.walk_ins = walk_ins
    event.outcome_note = outcome_note.strip()
    event.held_recorded_at = timezone.now()
    event.full_clean()
    event.save(update_fields=["walk_ins", "outcome_note", "held_recorded_at", "updated_at"])
    _record(actor, EventsAction.ATTENDANCE, event, walk_ins=walk_ins)
    return event


@transaction.atomic
def event_mark_held(*, actor, event: Event) -> Event:
    """The event took place: it counts as held, and so does its planned activity."""
    event = _locked(event)
    _after_start(event)
    if event.status == Event.Status.HELD:
        return event
    event.status = Event.Status.HELD
    event.signup_open = False
    event.save(update_fields=["status", "signup_open", "updated_at"])
    if event.planned_id:
        PlannedActivity.objects.filter(pk=event.planned_id).update(
            status=PlannedActivity.Status.HELD, updated_at=timezone.now()
        )
    _record(actor, EventsAction.HELD, event)
    return event


@transaction.atomic
def event_photo_consent_set(*, actor, event: Event, consent: bool) -> Event:
    """The company allows photos, or no longer does: then the photos are deleted."""
    event = _locked(event)
    if event.photo_consent == consent:
        return event
    event.photo_consent = consent
    event.save(update_fields=["photo_consent", "updated_at"])
    if not consent:
        photos = list(EventPhoto.objects.filter(event=event))
        names = [photo.image.name for photo in photos]
        EventPhoto.objects.filter(event=event).delete()
        storage = EventPhoto._meta.get_field("image").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in names])
    _record(actor, EventsAction.PHOTO_CONSENT, event, consent=consent)
    return event


def _photo_refused() -> ValidationError:
    return ValidationError(
        gettext("This file is not a photo we can use. Upload a PNG, JPEG or WebP image."),
        code="invalid_image",
    )


@transaction.atomic
def event_photo_add(*, actor, event: Event, upload, caption: str = "") -> EventPhoto:
    """A photo from the event, only with the company's consent; checked, resized and stored
    without its metadata (pendel/core/images.py)."""
    event = _locked(event)
    if not event.photo_consent:
        raise ValidationError(
            {"image": gettext("The company has not agreed to photos of this activity.")},
            code="no_consent",
        )
    content = image_from_upload(
        upload,
        max_bytes=PHOTO_MAX_BYTES,
        box=PHOTO_BOX,
        output="JPEG",
        name="photo.jpg",
        refuse=_photo_refused,
    )
    photo = EventPhoto(event=event, caption=caption.strip(), uploaded_by=actor)
    photo.image.save(f"{new_token(12)}.jpg", content, save=False)
    photo.save()
    _record(actor, EventsAction.PHOTO_ADDED, event, photo=photo.image.name)
    return photo
