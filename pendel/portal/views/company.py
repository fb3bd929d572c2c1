from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pendel.accounts.access import (
    chosen_organisation,
    contact_person_required,
    organisation_choose,
    request_roles,
    request_scope,
)
from pendel.companies.selectors import (
    contacts_for_locations,
    locations_for,
    organisations_for,
)
from pendel.portal.forms import OrganisationChoiceForm
from pendel.portal.selectors import company_start


@contact_person_required
def home(request):
    """Min side: what the programme expects next of the company (the open survey and its
    rate, the activity plan, the agreement to sign, the employee list, invoices due,
    tickets), then the membership, advisor, terms and contact persons."""
    scope = request_scope(request)
    locations = locations_for(scope)
    context = {
        "organisation": organisations_for(scope).get(),
        "start": company_start(scope),
        "locations": locations,
        "contacts": contacts_for_locations(locations.values("id")),
    }
    return render(request, "portal/company/home.html", context)


@contact_person_required
def organisation_choice(request):
    """A contact person of several organisations chooses the one Min side shows."""
    roles = request_roles(request)
    current = roles.acting_for(chosen_organisation(request))
    form = OrganisationChoiceForm(
        request.POST or None,
        organisations=roles.organisations,
        initial={"organisation": current.organisation_id},
    )
    if request.method == "POST" and form.is_valid():
        chosen = organisation_choose(request, form.cleaned_data["organisation"])
        messages.success(request, _("You now act for %(name)s.") % {"name": chosen.name})
        return redirect("company:home")
    return render(request, "portal/company/organisation_choice.html", {"form": form})
