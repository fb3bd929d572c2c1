from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendel.accounts.access import coordinator_required, request_scope, staff_required
from pendel.accounts.models import Role, User
from pendel.companies import selectors, services
from pendel.companies.audit import membership_history
from pendel.companies.forms import (
    INVITE_AUTOCOMPLETE,
    AdvisorForm,
    ApproveForm,
    BillingDetailsForm,
    InviteForm,
    InvoiceContactForm,
    MemberCreateForm,
    MemberFilterForm,
    NoteForm,
    RejectForm,
    TermsForm,
    TransitionForm,
    add_autocomplete,
)
from pendel.companies.services.members import member_create as member_create_service
from pendel.companies.services.memberships import advisors_for_region
from pendel.companies.tables import ApplicationTable, MemberTable, several_regions
from pendel.core.dates import earliest_today, region_today
from pendel.core.forms import apply_validation_error, message_validation_error
from pendel.core.requests import next_path
from pendel.core.tables import table_configure, table_render
from pendel.regions.selectors import regions_for


def _advisors_in_scope(scope):
    advisors = User.objects.filter(is_active=True, roles__kind=Role.Kind.REGION_STAFF)
    if not scope.all_regions:
        advisors = advisors.filter(roles__region_id__in=scope.region_ids)
    return advisors.distinct().order_by("first_name", "last_name")


@staff_required
def member_list(request):
    scope = request_scope(request)
    form = MemberFilterForm(
        request.GET or None,
        advisors=_advisors_in_scope(scope),
        municipalities=selectors.municipalities_for(scope),
    )
    members = selectors.members_filtered(scope, **form.filters())
    table = MemberTable(members, exclude=() if several_regions(scope) else ("programme",))
    table_configure(request, table)
    return table_render(request, "companies/staff/member_list.html", {"form": form}, table=table)


@staff_required
def member_create(request):
    """Add a member directly (a company that called or met the advisor), in one of the staff
    member's own regions."""
    scope = request_scope(request)
    form = MemberCreateForm(
        request.POST or None, regions=regions_for(scope), advisors=_advisors_in_scope(scope)
    )
    if request.method == "POST" and form.is_valid():
        try:
            membership = member_create_service(
                actor=request.user,
                region=form.cleaned_data["region"],
                data=form.member_data(),
                advisor=form.cleaned_data["advisor"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is now a member. Invite its contact person below.")
                % {"name": membership.location.organisation.name},
            )
            return redirect("staff:member_detail", pk=membership.pk)
    status = 400 if form.is_bound else 200
    return render(request, "companies/staff/member_create.html", {"form": form}, status=status)


def _contact_invite_form(scope, membership, data=None):
    """The contact list's invitation form, for this member's workplace only (not chosen)."""
    if data is not None:
        data = data.copy()
        data["contact-location"] = membership.location_id
    form = InviteForm(
        data,
        locations=selectors.locations_for(scope).filter(pk=membership.location_id),
        initial={"location": membership.location_id},
        prefix="contact",
    )
    form.fields["location"].widget = forms.HiddenInput()
    add_autocomplete(form, INVITE_AUTOCOMPLETE)
    return form


@staff_required
def member_detail(request, pk: int):
    scope = request_scope(request)
    membership = selectors.membership_get_for(scope, pk)
    return _member_detail_page(request, membership, _contact_invite_form(scope, membership))


def _listed_employees(location) -> int:
    """Employees on the company's own list today (the location's count is what was stated)."""
    today = region_today(location.region)
    return location.employees.active(on=today).count()


def _member_detail_page(request, membership, invite_form, status=200):
    region_advisors = advisors_for_region(membership.location.region_id)
    history = membership_history(membership)
    context = {
        "membership": membership,
        "location": membership.location,
        "listed_employees": _listed_employees(membership.location),
        "pending_invitations": selectors.contact_invitations_open([membership.location_id]),
        "organisation": membership.location.organisation,
        "contacts": selectors.contacts_for_locations([membership.location_id]),
        "history": history,
        "status_timeline": [line for line in history if line.event.kind == "status"],
        "summary": selectors.member_summary(request_scope(request), membership),
        "summary_blocks": selectors.member_summary_blocks(request_scope(request), membership),
        "notes": membership.notes.select_related("author"),
        "terms_form": TermsForm(instance=membership),
        "transition_form": TransitionForm(),
        "advisor_form": AdvisorForm(
            initial={"advisor": membership.advisor}, advisors=region_advisors
        ),
        "note_form": NoteForm(initial={"happened_on": region_today(membership.location.region)}),
        **_billing_context(request_scope(request), membership.location.organisation),
        "invite_form": invite_form,
    }
    return render(request, "companies/staff/member_detail.html", context, status=status)


@require_POST
@staff_required
def member_contact_invite(request, pk: int):
    """Staff invite a contact person of the member, on the company's behalf; the audit trail
    names the staff member as the one who invited."""
    scope = request_scope(request)
    membership = selectors.membership_get_for(scope, pk)
    form = _contact_invite_form(scope, membership, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.contact_invite(
                actor=request.user,
                location=membership.location,
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                title=data["title"],
                phone=data["phone"],
                language=membership.location.region.default_language,
            )
        except ValidationError as error:
            apply_validation_error(form, error, field="email")
        else:
            messages.success(
                request, _("%(email)s has been invited by email.") % {"email": data["email"]}
            )
            return redirect("staff:member_detail", pk=membership.pk)
    return _member_detail_page(request, membership, form, status=400)


def _billing_context(scope, organisation) -> dict:
    """The billing data on the member page (its e-invoice route comes from the template
    filter `invoice_route`, invoicing's), and the invoice contact form for
    staff who see all of the organisation (what applies to every region of it is theirs)."""
    editable = selectors.organisations_wholly_in(scope).filter(pk=organisation.pk).exists()
    contact_form = None
    if editable:
        contact_form = InvoiceContactForm(
            initial={"invoice_contact": organisation.invoice_contact_id},
            candidates=services.invoice_contact_candidates(organisation),
        )
    return {
        "billing_editable": editable,
        "invoice_contact_form": contact_form,
    }


def _organisation_for_billing(request, pk: int):
    """The membership's organisation, if the staff member sees all of it; otherwise 404."""
    scope = request_scope(request)
    membership = selectors.membership_get_for(scope, pk)
    organisation = (
        selectors.organisations_wholly_in(scope)
        .select_related("invoice_contact")
        .filter(pk=membership.location.organisation_id)
        .first()
    )
    if organisation is None:
        raise Http404
    return membership, organisation


@staff_required
def member_billing(request, pk: int):
    """Edit the organisation's billing data: invoice address, VAT number, invoice email,
    references and Peppol ID. They apply to its invoices in every region."""
    membership, organisation = _organisation_for_billing(request, pk)
    form = BillingDetailsForm(request.POST or None, instance=organisation)
    if request.method == "POST":
        if form.is_valid():
            services.organisation_billing_update(
                organisation=organisation,
                actor=request.user,
                data=form.cleaned_data,
                region_id=membership.location.region_id,
            )
            messages.success(request, _("The billing details have been saved."))
            return redirect("staff:member_detail", pk=membership.pk)
        messages.error(request, _("The billing details were not saved. Check the fields below."))
    context = {"membership": membership, "organisation": organisation, "form": form}
    status = 400 if request.method == "POST" else 200
    return render(request, "companies/staff/member_billing.html", context, status=status)


@require_POST
@staff_required
def member_invoice_contact(request, pk: int):
    membership, organisation = _organisation_for_billing(request, pk)
    form = InvoiceContactForm(
        request.POST, candidates=services.invoice_contact_candidates(organisation)
    )
    if not form.is_valid():
        messages.error(request, _("Choose one of the company's contact persons."))
        return redirect("staff:member_detail", pk=membership.pk)
    try:
        services.organisation_invoice_contact_set(
            organisation=organisation,
            actor=request.user,
            user=form.cleaned_data["invoice_contact"],
        )
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(request, _("The invoice contact has been saved."))
    return redirect("staff:member_detail", pk=membership.pk)


@require_POST
@staff_required
def member_transition(request, pk: int):
    membership = selectors.membership_get_for(request_scope(request), pk)
    form = TransitionForm(request.POST)
    if form.is_valid():
        try:
            services.membership_transition(
                membership=membership,
                to_status=form.cleaned_data["to_status"],
                actor=request.user,
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("The status has been changed."))
        except ValidationError as error:
            message_validation_error(request, error)
    else:
        messages.error(request, _("Choose a valid status."))
    return redirect("staff:member_detail", pk=membership.pk)


@require_POST
@staff_required
def member_terms(request, pk: int):
    membership = selectors.membership_get_for(request_scope(request), pk)
    # The form validates a copy, so the service still sees the old values it must log.
    form = TermsForm(
        request.POST, instance=selectors.membership_get_for(request_scope(request), pk)
    )
    if not form.is_valid():
        messages.error(request, _("The terms were not saved. Check the fields below."))
        context = {"membership": membership, "terms_form": form}
        return render(request, "companies/staff/member_terms.html", context, status=400)
    services.membership_update_terms(
        membership=membership, actor=request.user, data=form.cleaned_data
    )
    messages.success(request, _("The terms have been saved."))
    return redirect("staff:member_detail", pk=membership.pk)


@require_POST
@staff_required
def member_advisor(request, pk: int):
    membership = selectors.membership_get_for(request_scope(request), pk)
    form = AdvisorForm(request.POST, advisors=advisors_for_region(membership.location.region_id))
    if form.is_valid():
        services.membership_assign_advisor(
            membership=membership, advisor=form.cleaned_data["advisor"], actor=request.user
        )
        messages.success(request, _("The advisor has been changed."))
    else:
        messages.error(request, _("Choose an advisor of this region."))
    return redirect("staff:member_detail", pk=membership.pk)


@require_POST
@staff_required
def member_note_create(request, pk: int):
    membership = selectors.membership_get_for(request_scope(request), pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        services.note_create(membership=membership, author=request.user, data=form.cleaned_data)
        messages.success(request, _("The note has been saved."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("staff:member_detail", pk=membership.pk)


@require_POST
@staff_required
def note_done(request, pk: int):
    scope = request_scope(request)
    note = selectors.note_get_for(scope, pk)
    services.note_mark_done(note=note, actor=request.user)
    messages.success(request, _("The follow-up is marked as done."))
    return redirect(next_path(request, "staff:followups"))


@require_POST
@staff_required
def contact_set_primary(request, pk: int):
    scope = request_scope(request)
    role = selectors.contact_get_for(scope, pk)
    services.contact_set_primary(role=role, actor=request.user)
    messages.success(request, _("%(name)s is now the primary contact.") % {"name": role.user})
    membership = selectors.memberships_for(scope).filter(location=role.location_id).first()
    if membership:
        return redirect("staff:member_detail", pk=membership.pk)
    return redirect("staff:member_list")


@staff_required
def followups(request):
    scope = request_scope(request)
    mine = request.GET.get("all") != "1"
    today = earliest_today(regions_for(scope))
    notes = selectors.followups_due(scope, today=today, advisor=request.user if mine else None)
    context = {"notes": notes, "mine": mine, "today": today}
    return render(request, "companies/staff/followups.html", context)


@staff_required
def application_list(request):
    scope = request_scope(request)
    status = request.GET.get("status", "pending")
    applications = selectors.applications_for(scope)
    if status in {"pending", "approved", "rejected"}:
        applications = applications.filter(status=status)
    table = table_configure(request, ApplicationTable(applications))
    return table_render(
        request, "companies/staff/application_list.html", {"status": status}, table=table
    )


@staff_required
def application_detail(request, pk: int):
    application = selectors.application_get_for(request_scope(request), pk)
    context = {
        "application": application,
        "existing": services.applications.existing_organisation(application),
        "approve_form": ApproveForm(
            initial={"advisor": request.user},
            advisors=advisors_for_region(application.region_id),
        ),
        "reject_form": RejectForm(),
    }
    return render(request, "companies/staff/application_detail.html", context)


@require_POST
@staff_required
def application_approve(request, pk: int):
    application = selectors.application_get_for(request_scope(request), pk)
    form = ApproveForm(request.POST, advisors=advisors_for_region(application.region_id))
    if not form.is_valid():
        messages.error(request, _("Choose an advisor of this region."))
        return redirect("staff:application_detail", pk=pk)
    try:
        membership = services.application_approve(
            application=application, actor=request.user, advisor=form.cleaned_data["advisor"]
        )
    except ValidationError as error:
        message_validation_error(request, error)
        return redirect("staff:application_detail", pk=pk)
    messages.success(
        request, _("The application is approved and the contact person has been invited.")
    )
    return redirect("staff:member_detail", pk=membership.pk)


@require_POST
@staff_required
def application_reject(request, pk: int):
    application = selectors.application_get_for(request_scope(request), pk)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason; the applicant receives it."))
        return redirect("staff:application_detail", pk=pk)
    try:
        services.application_reject(
            application=application, actor=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("The application is rejected and the applicant told why."))
    except ValidationError as error:
        message_validation_error(request, error)
    return redirect("staff:application_detail", pk=pk)


@coordinator_required
def national_overview(request):
    regions = list(selectors.national_overview())
    totals = {
        key: sum(getattr(region, key) for region in regions)
        for key in ("member_companies", "member_locations", "member_employees", "qualified")
    }
    return render(
        request, "companies/staff/national_overview.html", {"regions": regions, "totals": totals}
    )
