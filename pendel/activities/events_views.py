"""Events in the back office (schedule, follow, cancel, attendance, photos) and on Min side
(the company's events, the sign-up link to share, who signed up, photo consent)."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendel.accounts.access import contact_person_required, request_scope, staff_required
from pendel.accounts.models import Role, User
from pendel.activities import events as services
from pendel.activities.events_forms import (
    AttendanceForm,
    EventCancelForm,
    EventFilterForm,
    EventScheduleForm,
    PhotoConsentForm,
    PhotoForm,
)
from pendel.activities.events_selectors import (
    activity_types_for_region,
    event_get_for,
    event_photos,
    event_signups,
    events_listed,
    photo_get_for,
    planned_open_for,
)
from pendel.activities.events_tables import EventTable
from pendel.activities.models import Event, SignUp
from pendel.activities.signups_counts import places_left
from pendel.companies.selectors import locations_for
from pendel.core.downloads import file_response
from pendel.core.forms import apply_validation_error, message_validation_error
from pendel.core.tables import table_configure, table_render

logger = logging.getLogger(__name__)


def signup_link(event: Event) -> str:
    """The public sign-up address; "" for an event made without a code (no sign-up)."""
    if not event.signup_code:
        return ""
    return settings.SITE_URL + reverse("portal:event_signup", args=[event.signup_code])


def _region_ids(scope):
    if scope.all_regions:
        return list(locations_for(scope).values_list("region_id", flat=True).distinct())
    return list(scope.region_ids)


def _event_context(event: Event) -> dict:
    groups = event_signups(event)
    confirmed = groups[SignUp.Status.CONFIRMED]
    return {
        "event": event,
        "confirmed": confirmed,
        "waiting": groups[SignUp.Status.WAITING],
        "places_left": places_left(event, len(confirmed)),
        "signup_link": signup_link(event),
        "photos": list(event_photos(event)),
        "begun": event.starts_at <= timezone.now(),
    }


# --- the back office -----------------------------------------------------------------------
@staff_required
def event_list(request):
    form = EventFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    events = events_listed(
        request_scope(request), when=data.get("when") or "upcoming", status=data.get("status", "")
    )
    table = table_configure(request, EventTable(events))
    return table_render(
        request, "activities/events/staff/event_list.html", {"form": form}, table=table
    )


def _schedule_form(request, scope):
    region_ids = _region_ids(scope)
    advisors = (
        User.objects.filter(
            is_active=True, roles__kind=Role.Kind.REGION_STAFF, roles__region_id__in=region_ids
        )
        .distinct()
        .order_by("first_name", "last_name", "email")
    )
    initial = {}
    planned = planned_open_for(scope)
    chosen = planned.filter(pk=request.GET.get("planned") or None).first()
    if chosen is not None:
        initial["planned"] = chosen
        initial["capacity"] = chosen.activity_type.capacity
    return EventScheduleForm(
        request.POST or None,
        initial=initial,
        planned=planned,
        locations=locations_for(scope),
        activity_types=activity_types_for_region(region_ids),
        advisors=advisors,
    ), chosen


@staff_required
def event_schedule(request):
    scope = request_scope(request)
    form, chosen = _schedule_form(request, scope)
    refusal = ""
    if chosen is not None:
        location = chosen.plan.location
        refusal = services.event_schedule_refusal(
            location=location, activity_type=chosen.activity_type
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        capacity = data["capacity"] or data["activity_type"].capacity
        try:
            event = services.event_schedule(
                actor=request.user,
                location=data["location"],
                activity_type=data["activity_type"],
                planned=data["planned"],
                day=data["day"],
                starts=data["starts"],
                ends=data["ends"],
                place=data["place"],
                advisors=list(data["advisors"]),
                capacity=capacity,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The activity has been scheduled."))
            return redirect("staff:event_detail", pk=event.pk)
    status = 400 if form.is_bound and form.errors else 200
    context = {"form": form, "refusal": refusal}
    return render(request, "activities/events/staff/event_schedule.html", context, status=status)


@staff_required
def event_detail(request, pk: int):
    event = event_get_for(request_scope(request), pk)
    context = _event_context(event)
    context["photo_form"] = PhotoForm()
    return render(request, "activities/events/staff/event_detail.html", context)


@staff_required
def event_cancel(request, pk: int):
    event = event_get_for(request_scope(request), pk)
    form = EventCancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(
                actor=request.user, event=event, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("The activity has been cancelled; those signed up get an email.")
            )
            return redirect("staff:event_detail", pk=event.pk)
    status = 400 if form.is_bound and form.errors else 200
    context = {**_event_context(event), "form": form}
    return render(request, "activities/events/staff/event_cancel.html", context, status=status)


@staff_required
def event_attendance(request, pk: int):
    event = event_get_for(request_scope(request), pk)
    confirmed = event_signups(event)[SignUp.Status.CONFIRMED]
    initial = {
        "attended": [str(s.pk) for s in confirmed if s.attended],
        "walk_ins": event.walk_ins,
        "outcome_note": event.outcome_note,
    }
    form = AttendanceForm(request.POST or None, initial=initial, signups=confirmed)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.event_attendance_record(
                actor=request.user,
                event=event,
                attended_ids=data["attended"],
                walk_ins=data["walk_ins"],
                outcome_note=data["outcome_note"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Attendance has been recorded."))
            return redirect("staff:event_detail", pk=event.pk)
    status = 400 if form.is_bound and form.errors else 200
    context = {"event": event, "form": form}
    return render(request, "activities/events/staff/event_attendance.html", context, status=status)


@staff_required
@require_POST
def event_held(request, pk: int):
    event = event_get_for(request_scope(request), pk)
    try:
        services.event_mark_held(actor=request.user, event=event)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(request, _("The activity counts as held."))
    return redirect("staff:event_detail", pk=event.pk)


@staff_required
def event_photo_add(request, pk: int):
    event = event_get_for(request_scope(request), pk)
    form = PhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_photo_add(
                actor=request.user,
                event=event,
                upload=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as error:
            apply_validation_error(form, error, field="image")
        else:
            messages.success(request, _("The photo has been added."))
            return redirect("staff:event_detail", pk=event.pk)
    status = 400 if form.is_bound and form.errors else 200
    context = {"event": event, "form": form}
    return render(request, "activities/events/staff/event_photo_add.html", context, status=status)


def _photo_response(photo):
    try:
        handle = photo.image.open("rb")
    except (FileNotFoundError, OSError):
        logger.error("Event photo %s: file %s is missing", photo.pk, photo.image.name)
        raise Http404 from None
    return file_response(handle, filename=f"photo-{photo.pk}.jpg", content_type="image/jpeg")


@staff_required
def event_photo(request, pk: int):
    return _photo_response(photo_get_for(request_scope(request), pk))


# --- Min side ------------------------------------------------------------------------------
@contact_person_required
def company_event_list(request):
    scope = request_scope(request)
    context = {
        "upcoming": list(events_listed(scope, when="upcoming")),
        "past": list(events_listed(scope, when="past")[:50]),
    }
    return render(request, "activities/events/company/event_list.html", context)


@contact_person_required
def company_event_detail(request, pk: int):
    event = event_get_for(request_scope(request), pk)
    context = _event_context(event)
    context["consent_form"] = PhotoConsentForm(initial={"photo_consent": event.photo_consent})
    return render(request, "activities/events/company/event_detail.html", context)


@contact_person_required
def company_event_poster(request, pk: int):
    event = event_get_for(request_scope(request), pk)
    context = {"event": event, "signup_link": signup_link(event)}
    return render(request, "activities/events/company/event_poster.html", context)


@contact_person_required
@require_POST
def company_photo_consent(request, pk: int):
    event = event_get_for(request_scope(request), pk)
    form = PhotoConsentForm(request.POST)
    if form.is_valid():
        consent = form.cleaned_data["photo_consent"]
        services.event_photo_consent_set(actor=request.user, event=event, consent=consent)
        messages.success(
            request,
            _("Photos are allowed.") if consent else _("Photos are no longer allowed."),
        )
    return redirect("company:event_detail", pk=event.pk)


@contact_person_required
def company_event_photo(request, pk: int):
    return _photo_response(photo_get_for(request_scope(request), pk))
