from django.shortcuts import render

from pendel.accounts.access import contact_person_required, request_scope
from pendel.accounts.selectors import users_for
from pendel.companies.selectors import locations_for, organisations_for


@contact_person_required
def home(request):
    """Min side: the contact person's company at a glance."""
    scope = request_scope(request)
    organisation = organisations_for(scope).get()
    context = {
        "organisation": organisation,
        "locations": locations_for(scope),
        "contacts": users_for(scope),
    }
    return render(request, "portal/company/home.html", context)
