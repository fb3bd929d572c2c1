"""Certification in the back office: the region's tiers and rules, the evaluation list of a
region and year with the advisor's decisions, and evaluating one member now."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from pendel.accounts.access import request_scope, staff_required
from pendel.certification import selectors, services
from pendel.certification.forms import DecisionForm, TierForm, YearForm, year_of
from pendel.certification.models import Evaluation, Tier
from pendel.certification.tables import EvaluationTable
from pendel.certification.tasks import certification_evaluate_region_task
from pendel.companies.selectors import membership_get_for
from pendel.core.dates import region_today
from pendel.core.forms import apply_validation_error, confirmation_digest, message_validation_error
from pendel.core.requests import next_path, parse_id
from pendel.core.tables import table_configure, table_render
from pendel.core.tasks import enqueue_after_commit
from pendel.regions.selectors import region_get_for, regions_for


@staff_required
def certification_home(request):
    """The regions whose certification the staff member keeps."""
    regions = regions_for(request_scope(request)).order_by("name")
    return render(request, "certification/staff/home.html", {"regions": regions})


def _tiers_page(request, region, form, status=200):
    context = {"region": region, "tiers": selectors.tiers_for_region(region), "form": form}
    return render(request, "certification/staff/tiers.html", context, status=status)


def _tier_saved(request, form, tier) -> bool:
    try:
        services.tier_save(actor=request.user, tier=tier, data=form.settings(), texts=form.texts())
    except ValidationError as error:
        apply_validation_error(form, error)
        return False
    messages.success(request, _("The tier has been saved."))
    return True


@staff_required
def certification_tiers(request, slug: str):
    """The region's tiers and their rules; a new tier below."""
    region = region_get_for(request_scope(request), slug)
    tier = Tier(region=region)
    form = TierForm(request.POST or None, instance=tier, region=region)
    if request.method == "POST":
        if form.is_valid() and _tier_saved(request, form, tier):
            return redirect("staff:certification_tiers", slug=region.slug)
        return _tiers_page(request, region, form, status=400)
    return _tiers_page(request, region, form)


@staff_required
def certification_tier_edit(request, pk: int):
    tier = selectors.tier_get_for(request_scope(request), pk)
    form = TierForm(request.POST or None, instance=tier, region=tier.region)
    if request.method == "POST":
        if form.is_valid() and _tier_saved(request, form, tier):
            return redirect("staff:certification_tiers", slug=tier.region.slug)
        status = 400
    else:
        status = 200
    context = {"tier": tier, "region": tier.region, "form": form}
    return render(request, "certification/staff/tier_form.html", context, status=status)


@require_POST
@staff_required
def certification_tier_delete(request, pk: int):
    tier = selectors.tier_get_for(request_scope(request), pk)
    try:
        services.tier_delete(actor=request.user, tier=tier)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(request, _("The tier has been removed."))
    return redirect("staff:certification_tiers", slug=tier.region.slug)


@require_POST
@staff_required
def certification_tiers_default(request, slug: str):
    region = region_get_for(request_scope(request), slug)
    try:
        services.tiers_default_create(actor=request.user, region=region)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(request, _("The default tiers have been added. Check their rules."))
    return redirect("staff:certification_tiers", slug=region.slug)


@staff_required
def certification_evaluations(request, slug: str):
    """The region's members' evaluations for a year: proposed tier, reasons, decisions."""
    scope = request_scope(request)
    region = region_get_for(scope, slug)
    year = year_of(request.GET.get("year"), region_today(region).year)
    status = request.GET.get("status", "")
    status = status if status in Evaluation.Status.values else ""
    form = YearForm(initial={"year": year, "status": status}, statuses=Evaluation.Status.choices)
    evaluations = selectors.evaluations_of_region(scope, region, year, status=status)
    tiers = selectors.tiers_by_id([region.pk])
    table = table_configure(request, EvaluationTable(evaluations, tiers=tiers))
    context = {
        "region": region,
        "year": year,
        "form": form,
        "has_tiers": bool(tiers),
        "back": f"{request.path}?year={year}",
    }
    return table_render(request, "certification/staff/evaluations.html", context, table=table)


@require_POST
@staff_required
def certification_region_evaluate(request, slug: str):
    """Evaluate every member of the region for the year, in the background."""
    region = region_get_for(request_scope(request), slug)
    year = year_of(request.POST.get("year"), region_today(region).year)
    enqueue_after_commit(
        certification_evaluate_region_task, region_id=region.pk, year=year, actor_id=request.user.pk
    )
    messages.success(
        request,
        _("The members are being evaluated for %(year)s. Reload the page in a moment.")
        % {"year": year},
    )
    return redirect(
        reverse("staff:certification_evaluations", args=[region.slug]) + f"?year={year}"
    )


@require_POST
@staff_required
def certification_member_evaluate(request, pk: int):
    """Evaluate one member now (its member page's action)."""
    membership = membership_get_for(request_scope(request), pk)
    year = year_of(request.POST.get("year"), region_today(membership.location.region).year)
    try:
        services.certification_evaluate_member(actor=request.user, membership=membership, year=year)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(request, _("The member has been evaluated for %(year)s.") % {"year": year})
    return redirect(next_path(request, reverse("staff:member_detail", args=[membership.pk])))


def _back_to_list(request, evaluation):
    default = (
        reverse("staff:certification_evaluations", args=[evaluation.location.region.slug])
        + f"?year={evaluation.year}"
    )
    return redirect(next_path(request, default))


@require_POST
@staff_required
def certification_confirm(request, pk: int):
    evaluation = selectors.evaluation_get_for(request_scope(request), pk)
    tier_id = parse_id(request.POST.get("tier"))
    try:
        confirmed = services.evaluation_confirm(
            actor=request.user, evaluation=evaluation, tier_id=tier_id
        )
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        if confirmed:
            messages.success(
                request, _("%(member)s is certified.") % {"member": evaluation.location}
            )
        else:
            messages.info(
                request,
                _("%(member)s was certified already.") % {"member": evaluation.location},
            )
    return _back_to_list(request, evaluation)


def _decision(request, pk: int, service, done: str, already: str):
    evaluation = selectors.evaluation_get_for(request_scope(request), pk)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        changed = service(actor=request.user, evaluation=evaluation, note=note)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        text = done if changed else already
        messages.success(request, text % {"member": evaluation.location})
    return _back_to_list(request, evaluation)


@require_POST
@staff_required
def certification_reject(request, pk: int):
    return _decision(
        request,
        pk,
        services.evaluation_reject,
        _("The evaluation of %(member)s has been rejected."),
        _("The evaluation of %(member)s was rejected already."),
    )


@require_POST
@staff_required
def certification_revoke(request, pk: int):
    return _decision(
        request,
        pk,
        services.evaluation_revoke,
        _("The certification of %(member)s has been revoked."),
        _("The certification of %(member)s was revoked already."),
    )


def _chosen(scope, region, request) -> list[Evaluation]:
    ids = [parse_id(value) for value in request.POST.getlist("evaluation")]
    chosen = selectors.evaluations_for(scope).filter(
        pk__in=[pk for pk in ids if pk], location__region=region
    )
    return list(chosen.order_by("location__organisation__name", "location__name"))


@require_POST
@staff_required
def certification_bulk_confirm(request, slug: str):
    """Confirm the members chosen in the list: first a page listing what will happen, then,
    with the same choice, the confirmation."""
    scope = request_scope(request)
    region = region_get_for(scope, slug)
    picked = _chosen(scope, region, request)
    chosen = [e for e in picked if e.status == "proposed" and e.proposed_tier_id]
    year = year_of(request.POST.get("year"), region_today(region).year)
    back = reverse("staff:certification_evaluations", args=[region.slug]) + f"?year={year}"
    shown = [(evaluation.pk, evaluation.proposed_tier_id) for evaluation in chosen]
    digest = confirmation_digest(region.pk, *shown)
    if not chosen:
        messages.error(
            request,
            _("Choose the members to confirm first: those with a tier waiting for you."),
        )
        return redirect(back)
    if request.POST.get("confirm") == digest:
        try:
            count = services.evaluations_confirm_many(
                actor=request.user, region=region, shown=shown
            )
        except ValidationError as error:
            message_validation_error(request, error)
        else:
            messages.success(
                request,
                ngettext("%(count)s member certified.", "%(count)s members certified.", count)
                % {"count": count},
            )
        return redirect(back)
    context = {
        "region": region,
        "year": year,
        "chosen": chosen,
        "digest": digest,
        "back": back,
        "left_out": [e for e in picked if e not in chosen],
    }
    return render(request, "certification/staff/bulk_confirm.html", context)
