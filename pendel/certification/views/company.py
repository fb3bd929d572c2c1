"""Min side: the company's certification per workplace, with the reasons."""

from django.shortcuts import render

from pendel.accounts.access import contact_person_required, request_scope
from pendel.certification import selectors
from pendel.companies.selectors import locations_for, organisations_for


@contact_person_required
def certification(request):
    """Each of the company's workplaces: its certification (once the advisor confirmed
    it) and the latest evaluation's reasons."""
    scope = request_scope(request)
    locations = list(locations_for(scope).order_by("name"))
    ids = [location.pk for location in locations]
    latest = selectors.latest_evaluations(ids)
    tiers = selectors.tiers_by_id({location.region_id for location in locations})
    rows = [
        {
            "location": location,
            "evaluation": latest.get(location.pk),
            "results": (
                selectors.evaluation_detail(latest[location.pk], tiers)
                if location.pk in latest
                else []
            ),
        }
        for location in locations
    ]
    context = {"organisation": organisations_for(scope).get(), "rows": rows}
    return render(request, "certification/company/certification.html", context)
