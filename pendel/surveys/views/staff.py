"""The back office's survey waves: list, create, send, follow the response rate, extend,
close, mark bounced addresses. Results are in staff_results.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_POST

from pendel.accounts.access import request_scope, staff_required
from pendel.companies.selectors import locations_for
from pendel.core.dates import region_today
from pendel.core.forms import apply_validation_error, message_validation_error
from pendel.core.leases import lease_state
from pendel.core.requests import id_param, parse_id
from pendel.core.tables import table_configure, table_render
from pendel.regions.selectors import regions_for
from pendel.surveys import services
from pendel.surveys.forms import UndeliveredForm, WaveExtendForm, WaveForm
from pendel.surveys.models import REMINDER_SLOTS, Invitation, Wave
from pendel.surveys.previews import dispatch_preview, reminder_next, reminder_preview
from pendel.surveys.selectors import (
    baseline_closed,
    response_rate,
    survey_settings_for,
    wave_get_for,
    waves_for,
    with_rates,
)
from pendel.surveys.tables import WaveTable
from pendel.surveys.views.common import (
    rate_context,
    wave_rows,
)

STATUS_FILTERS = {
    "draft": Q(dispatched_at__isnull=True),
    "running": Q(dispatched_at__isnull=False, closed_at__isnull=True),
    "closed": Q(closed_at__isnull=False),
}


@staff_required
def wave_list(request):
    scope = request_scope(request)
    waves = waves_for(scope)
    status = request.GET.get("status", "")
    if status in STATUS_FILTERS:
        waves = waves.filter(STATUS_FILTERS[status])
    region = request.GET.get("region", "")
    if region:
        waves = waves.filter(location__region__slug=region)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        waves = waves.filter(location__organisation__name__icontains=query)
    table = table_configure(request, WaveTable(with_rates(waves)))
    for row in wave_rows(row.record for row in table.page.object_list):
        row["wave"].listed = row
    context = {
        "status": status,
        "region": region,
        "query": query,
        "regions": regions_for(scope),
    }
    return table_render(request, "surveys/staff/wave_list.html", context, table=table)


@staff_required
def wave_create(request):
    scope = request_scope(request)
    locations = locations_for(scope).order_by("organisation__name", "name")
    initial = {"location": id_param(request, "location")} if request.method == "GET" else None
    form = WaveForm(request.POST or None, initial=initial, locations=locations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        targets = [data["location"]]
        if data["whole_organisation"]:
            targets = list(locations.filter(organisation=data["location"].organisation_id))
        try:
            waves = services.waves_create_for_locations(
                locations=targets,
                kind=data["kind"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                reminder_days=form.reminder_days(),
                actor=request.user,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The survey has been created. Send it when you are ready.",
                    "%(count)s surveys have been created, one per location. Send each when "
                    "you are ready.",
                    len(waves),
                )
                % {"count": len(waves)},
            )
            if len(waves) == 1:
                return redirect("staff:survey_wave_detail", pk=waves[0].pk)
            return redirect("staff:survey_wave_list")
    return render(request, "surveys/staff/wave_form.html", {"form": form})


@staff_required
def wave_detail(request, pk: int):
    wave = wave_get_for(request_scope(request), pk)
    rate = response_rate(wave)
    invitations = Invitation.objects.filter(wave=wave).only(
        "id", "email", "language", "sent_at", "undelivered_at", "undelivered_reason"
    )
    undelivered_only = request.GET.get("undelivered") == "1"
    if undelivered_only:
        invitations = invitations.filter(undelivered_at__isnull=False)
    context = {
        "wave": wave,
        "location": wave.location,
        "today": region_today(wave.location.region),
        "settings": survey_settings_for(wave.location.region),
        "baseline_closed": baseline_closed(wave.location),
        "invitations": Paginator(invitations, 100).get_page(request.GET.get("page")),
        "undelivered_only": undelivered_only,
        "extend_form": WaveExtendForm(),
        "undelivered_form": UndeliveredForm(),
        "interruption": lease_state(wave),
        **rate_context(wave, rate),
    }
    return render(request, "surveys/staff/wave_detail.html", context)


def _confirm_page(request, preview, *, action: str, title: str, button: str):
    context = {"wave": preview.wave, "preview": preview, "action": action, "title": title}
    context["button"] = button
    return render(request, "surveys/staff/wave_send_confirm.html", context)


def _digest_matches(request, preview) -> bool:
    """The numbers confirmed are the ones now: otherwise say so and show them again."""
    if request.POST.get("digest") == preview.digest:
        return True
    messages.error(
        request,
        gettext("The list has changed since the page was shown. Check the numbers and confirm."),
    )
    return False


@staff_required
def wave_dispatch(request, pk: int):
    """GET: what sending will do (numbers, the mail in each language); POST: send it."""
    wave = wave_get_for(request_scope(request), pk)
    if wave.is_dispatched:
        messages.info(request, gettext("This survey has been sent already."))
        return redirect("staff:survey_wave_detail", pk=wave.pk)
    preview = dispatch_preview(wave)
    if request.method != "POST" or not _digest_matches(request, preview):
        return _confirm_page(
            request,
            preview,
            action="staff:survey_wave_dispatch",
            title=gettext("Send the survey?"),
            button=gettext("Send the survey"),
        )
    try:
        count = services.wave_dispatch(wave=wave, actor=request.user)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(
            request,
            ngettext(
                "The survey has been sent to %(count)s employee.",
                "The survey has been sent to %(count)s employees.",
                count,
            )
            % {"count": count},
        )
    return redirect("staff:survey_wave_detail", pk=wave.pk)


@staff_required
def wave_remind(request, pk: int):
    """GET: who a reminder sent now reaches, and its mail; POST: send it."""
    wave = wave_get_for(request_scope(request), pk)
    reminder = reminder_next(wave, region_today(wave.location.region))
    if request.method == "POST":
        reminder = parse_id(request.POST.get("reminder", ""))
    if not wave.is_dispatched or reminder not in REMINDER_SLOTS:
        messages.info(request, gettext("There is no reminder left to send for this survey."))
        return redirect("staff:survey_wave_detail", pk=wave.pk)
    preview = reminder_preview(wave, reminder)
    if request.method != "POST" or not _digest_matches(request, preview):
        return _confirm_page(
            request,
            preview,
            action="staff:survey_wave_remind",
            title=gettext("Send a reminder now?"),
            button=gettext("Send the reminder"),
        )
    try:
        services.wave_remind_now(wave=wave, reminder=reminder, actor=request.user)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(
            request,
            ngettext(
                "A reminder is on its way to %(count)s employee.",
                "A reminder is on its way to %(count)s employees.",
                preview.recipients,
            )
            % {"count": preview.recipients},
        )
    return redirect("staff:survey_wave_detail", pk=wave.pk)


@staff_required
def wave_delete(request, pk: int):
    wave = wave_get_for(request_scope(request), pk)
    if request.method == "POST":
        try:
            services.wave_delete(wave=wave, actor=request.user)
        except ValidationError as error:
            message_validation_error(request, error)
            return redirect("staff:survey_wave_detail", pk=wave.pk)
        messages.success(request, gettext("The survey has been deleted."))
        return redirect("staff:survey_wave_list")
    return render(request, "surveys/staff/wave_delete.html", {"wave": wave})


@staff_required
def wave_extend(request, pk: int):
    wave = wave_get_for(request_scope(request), pk)
    form = WaveExtendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.wave_extend(
                wave=wave,
                closes_on=form.cleaned_data["closes_on"],
                reminder_on=form.cleaned_data["reminder_on"],
                actor=request.user,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, gettext("The survey has been extended."))
            return redirect("staff:survey_wave_detail", pk=wave.pk)
    context = {"wave": wave, "form": form, **rate_context(wave, response_rate(wave))}
    return render(request, "surveys/staff/wave_extend.html", context)


@require_POST
@staff_required
def wave_close(request, pk: int):
    wave = wave_get_for(request_scope(request), pk)
    try:
        wave = services.wave_close(wave=wave, actor=request.user)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(
            request, gettext("The survey is closed: %(outcome)s.") % {"outcome": _outcome(wave)}
        )
    return redirect("staff:survey_wave_detail", pk=wave.pk)


def _outcome(wave: Wave) -> str:
    return str(Wave.Outcome(wave.outcome).label).lower() if wave.outcome else ""


@require_POST
@staff_required
def wave_undelivered(request, pk: int):
    wave = wave_get_for(request_scope(request), pk)
    form = UndeliveredForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("staff:survey_wave_detail", pk=wave.pk)
    count = services.invitations_mark_undelivered(
        wave=wave,
        emails=form.cleaned_data["emails"],
        actor=request.user,
        reason=form.cleaned_data["reason"],
    )
    messages.success(
        request,
        ngettext(
            "%(count)s invitation is marked as undelivered.",
            "%(count)s invitations are marked as undelivered.",
            count,
        )
        % {"count": count},
    )
    return redirect("staff:survey_wave_detail", pk=wave.pk)
