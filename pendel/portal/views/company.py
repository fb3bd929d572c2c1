from django.shortcuts import render

from pendel.accounts.access import contact_person_required, request_scope
from pendel.companies.selectors import (
    contacts_for_locations,
    locations_for,
    memberships_for,
    organisations_for,
)


@contact_person_required
def home(request):
    """Min side: the company's membership, advisor, terms and contact persons at a glance."""
    scope = request_scope(request)
    locations = locations_for(scope)
    context = {
        "organisation": organisations_for(scope).get(),
        "memberships": memberships_for(scope).exclude(status="ended"),
        "locations": locations,
        "contacts": contacts_for_locations(locations.values("id")),
    }
    return render(request, "portal/company/home.html", context)
