from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pendel.accounts.access import (
    contact_person_required,
    login_required,
    organisation_choose,
    request_scope,
)
from pendel.companies import selectors, services
from pendel.companies.forms import BillingDetailsForm, InviteForm
from pendel.companies.tables import ContactTable
from pendel.core.forms import apply_validation_error
from pendel.core.tables import table_configure, table_render


@contact_person_required
def contact_list(request):
    """The company's contact persons, and a form to invite a colleague."""
    scope = request_scope(request)
    locations = selectors.locations_for(scope)
    form = InviteForm(request.POST or None, locations=locations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contact_invite(
                actor=request.user,
                location=data["location"],
                email=data["email"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                title=data["title"],
                phone=data["phone"],
                language=request.LANGUAGE_CODE,
            )
        except ValidationError as error:
            apply_validation_error(form, error, field="email")
        else:
            messages.success(
                request, _("%(email)s has been invited by email.") % {"email": data["email"]}
            )
            return redirect("company:contact_list")
    contacts = selectors.contacts_for_locations(locations.values("id"))
    table = table_configure(request, ContactTable(contacts))
    return table_render(
        request, "companies/company/contact_list.html", {"invite_form": form}, table=table
    )


@login_required
def contact_invitation(request, key: str):
    """The link in the mail to an existing account: its owner, logged in as that account,
    accepts to become contact person. Anyone else, or a link used or expired, gets 404."""
    invitation = services.contact_invitation_for(user=request.user, token=key)
    if request.method == "POST":
        services.contact_invitation_accept(user=request.user, token=key)
        organisation = invitation.location.organisation
        if hasattr(request, "roles"):
            del request.roles  # read again, with the new role
        organisation_choose(request, organisation.pk)
        messages.success(
            request,
            _("You are now a contact person for %(organisation)s.")
            % {"organisation": organisation.name},
        )
        return redirect("company:home")
    return render(request, "companies/company/contact_invitation.html", {"invitation": invitation})


@contact_person_required
def billing_details(request):
    """The company's billing data and how its invoices reach it. Once the company has an
    invoice contact, only they change it here (it applies to every region's invoices)."""
    scope = request_scope(request)
    organisation = selectors.organisations_for(scope).select_related("invoice_contact").get()
    editable = scope.all_invoices or organisation.invoice_contact_id is None
    form = BillingDetailsForm(request.POST or None, instance=organisation)
    if request.method == "POST":
        if not editable:
            raise Http404
        if form.is_valid():
            services.organisation_billing_update(
                organisation=organisation, actor=request.user, data=form.cleaned_data
            )
            messages.success(request, _("The billing details have been saved."))
            return redirect("company:billing_details")
        messages.error(request, _("The billing details were not saved. Check the fields below."))
    context = {
        "organisation": organisation,
        "form": form,
        "editable": editable,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "companies/company/billing_details.html", context, status=status)
