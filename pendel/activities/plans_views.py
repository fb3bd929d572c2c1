"""The yearly activity plan: drafted and sent on Min side (company views), commented,
adjusted and approved in the back office (staff views)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from pendel.accounts.access import contact_person_required, request_scope, staff_required
from pendel.activities import plans
from pendel.activities.catalogue import activity_rules_by_region, activity_types_for_region
from pendel.activities.models import ActivityPlan
from pendel.activities.plans_forms import (
    CommentForm,
    ContactLineForm,
    LineForm,
    PlanFilter,
    StaffLineForm,
)
from pendel.activities.plans_selectors import (
    line_get_for,
    plan_for_location,
    plan_get_for,
    plan_state,
    plans_by_location,
    plans_with_counts,
)
from pendel.activities.plans_tables import PlanTable
from pendel.companies.models import MembershipStatus
from pendel.companies.selectors import location_get_for, memberships_for
from pendel.core.dates import earliest_today, region_today
from pendel.core.forms import apply_validation_error, message_validation_error
from pendel.core.tables import table_configure, table_render
from pendel.regions.selectors import regions_for


def _choosable(region):
    return activity_types_for_region(region).exclude(is_survey=True)


def _line_form_initial(line) -> dict:
    return {name: getattr(line, name) for name in ("month", "wish", "comment", "status")} | {
        "activity_type": line.activity_type_id
    }


def _add_line(request, form, *, location, year: int, plan, by_staff: bool) -> bool:
    """Add the form's line (starting the plan when it has none yet); False on a refusal."""
    try:
        plan = plan or plans.plan_start(location=location, year=year, actor=request.user)
        data = form.cleaned_data
        plans.plan_line_add(
            plan=plan,
            activity_type=data["activity_type"],
            month=data["month"],
            wish=data["wish"],
            actor=request.user,
            by_staff=by_staff,
        )
    except ValidationError as error:
        apply_validation_error(form, error)
        return False
    messages.success(
        request,
        _("%(activity)s has been added to the plan.")
        % {"activity": data["activity_type"].get_name_display()},
    )
    return True


# --- Min side ------------------------------------------------------------------------------
def _plan_year(request, location) -> int:
    """The year asked for (?year=), from last year to next year; else this year."""
    this_year = region_today(location.region).year
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or this_year)
    except ValueError:
        return this_year
    return year if this_year - 1 <= year <= this_year + 1 else this_year


@contact_person_required
def company_plan_list(request):
    """The plans of the workplaces the contact person acts for, this year and next."""
    scope = request_scope(request)
    memberships = list(memberships_for(scope).exclude(status=MembershipStatus.ENDED))
    regions = {m.location.region_id: m.location.region for m in memberships}
    today = earliest_today(regions.values())
    years = (today.year, today.year + 1)
    found = plans_by_location([m.location_id for m in memberships], years)
    rows = [
        (membership, [(year, found.get((membership.location_id, year))) for year in years])
        for membership in memberships
    ]
    return render(request, "activities/company/plan_list.html", {"rows": rows})


@contact_person_required
def company_plan(request, location_id: int):
    """The workplace's plan for a year: its lines, what is still to choose, and a form to
    choose the next activity (the POST adds it)."""
    location = location_get_for(request_scope(request), location_id)
    year = _plan_year(request, location)
    plan = plan_for_location(location, year)
    form = LineForm(request.POST or None, types=_choosable(location.region), year=year)
    if request.method == "POST" and form.is_valid():
        added = _add_line(request, form, location=location, year=year, plan=plan, by_staff=False)
        if added:
            return redirect(_company_plan_url(location.pk, year))
    state = plan_state(plan or ActivityPlan(location=location, year=year))
    context = {
        "state": state,
        "plan": state.plan,
        "location": location,
        "year": year,
        "years": (year - 1, year + 1),
        "form": form,
        "editable": state.plan.status == ActivityPlan.Status.DRAFT,
        "types": _choosable(location.region),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/company/plan.html", context, status=status)


def _company_plan_url(location_id: int, year: int) -> str:
    return reverse("company:activity_plan", args=[location_id]) + f"?year={year}"


@contact_person_required
def company_line_edit(request, pk: int):
    line = line_get_for(request_scope(request), pk)
    plan = line.plan
    back = _company_plan_url(plan.location_id, plan.year)
    form = ContactLineForm(
        request.POST or None, initial=_line_form_initial(line), types=None, year=plan.year
    )
    if request.method == "POST" and form.is_valid():
        try:
            plans.plan_line_change(
                line=line, actor=request.user, by_staff=False, data=form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The activity has been changed."))
            return redirect(back)
    context = {"line": line, "form": form, "back": back, "portal": "company"}
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/line_form.html", context, status=status)


@contact_person_required
def company_line_remove(request, pk: int):
    line = line_get_for(request_scope(request), pk)
    back = _company_plan_url(line.plan.location_id, line.plan.year)
    if request.method == "POST":
        _remove(request, line, by_staff=False)
    return redirect(back)


@contact_person_required
def company_plan_submit(request, pk: int):
    plan = plan_get_for(request_scope(request), pk)
    if request.method == "POST":
        try:
            plans.plan_submit(plan=plan, actor=request.user)
        except ValidationError as error:
            message_validation_error(request, error)
        else:
            messages.success(request, _("The plan has been sent to your advisor."))
    return redirect(_company_plan_url(plan.location_id, plan.year))


def _remove(request, line, *, by_staff: bool) -> None:
    name = line.activity_type.get_name_display()
    try:
        plans.plan_line_remove(line=line, actor=request.user, by_staff=by_staff)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(
            request, _("%(activity)s has been removed from the plan.") % {"activity": name}
        )


# --- the back office -----------------------------------------------------------------------
@staff_required
def plan_list(request):
    scope = request_scope(request)
    regions = list(regions_for(scope))
    today = earliest_today(regions)
    found = PlanFilter(request.GET, queryset=plans_with_counts(scope, today=today))
    rules = activity_rules_by_region([region.pk for region in regions])
    table = table_configure(request, PlanTable(found.qs, rules=rules))
    context = {"form": found.form}
    return table_render(request, "activities/staff/plan_list.html", context, table=table)


@staff_required
def plan_detail(request, pk: int):
    """The plan with its lines; the POST adds a line."""
    plan = plan_get_for(request_scope(request), pk)
    region = plan.location.region
    form = LineForm(request.POST or None, types=_choosable(region), year=plan.year)
    if (
        request.method == "POST"
        and form.is_valid()
        and _add_line(
            request, form, location=plan.location, year=plan.year, plan=plan, by_staff=True
        )
    ):
        return redirect("staff:activity_plan_detail", pk=plan.pk)
    context = {
        "state": plan_state(plan),
        "plan": plan,
        "form": form,
        "comment_form": CommentForm(initial={"advisor_comment": plan.advisor_comment}),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/staff/plan_detail.html", context, status=status)


def _plan_decision(request, pk: int, decide, done: str):
    plan = plan_get_for(request_scope(request), pk)
    if request.method == "POST":
        form = CommentForm(request.POST)
        comment = form.cleaned_data["advisor_comment"] if form.is_valid() else ""
        try:
            decide(plan=plan, actor=request.user, comment=comment)
        except ValidationError as error:
            message_validation_error(request, error)
        else:
            messages.success(request, done)
    return redirect("staff:activity_plan_detail", pk=plan.pk)


@staff_required
def plan_comment(request, pk: int):
    return _plan_decision(request, pk, plans.plan_comment, _("The comment has been saved."))


@staff_required
def plan_approve(request, pk: int):
    return _plan_decision(request, pk, plans.plan_approve, _("The plan is approved."))


@staff_required
def plan_return(request, pk: int):
    return _plan_decision(
        request, pk, plans.plan_return, _("The plan has been sent back to the company.")
    )


@staff_required
def line_edit(request, pk: int):
    line = line_get_for(request_scope(request), pk)
    plan = line.plan
    back = reverse("staff:activity_plan_detail", args=[plan.pk])
    form = StaffLineForm(
        request.POST or None,
        initial=_line_form_initial(line),
        types=activity_types_for_region(plan.location.region).exclude(is_survey=True),
        year=plan.year,
        survey=line.activity_type.is_survey,
    )
    if request.method == "POST" and form.is_valid():
        try:
            plans.plan_line_change(
                line=line, actor=request.user, by_staff=True, data=form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The activity has been changed."))
            return redirect(back)
    context = {"line": line, "form": form, "back": back, "portal": "staff"}
    status = 400 if request.method == "POST" else 200
    return render(request, "activities/line_form.html", context, status=status)


@staff_required
def line_remove(request, pk: int):
    line = line_get_for(request_scope(request), pk)
    if request.method == "POST":
        _remove(request, line, by_staff=True)
    return redirect("staff:activity_plan_detail", pk=line.plan_id)
