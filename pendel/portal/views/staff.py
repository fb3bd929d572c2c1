from django.shortcuts import render

from pendel.accounts.access import request_scope, staff_required
from pendel.portal.dashboards import advisor_start, coordinator_start
from pendel.portal.selectors import start_counts
from pendel.regions.selectors import regions_with_counts


@staff_required
def home(request):
    """The staff start page: what waits for this person, and for the coordinator the
    national figures per region."""
    scope = request_scope(request)
    context = {
        "counts": start_counts(scope),
        "start": advisor_start(scope, user=request.user),
        "regions": regions_with_counts(scope),
        "national": coordinator_start(scope) if scope.all_regions else None,
    }
    return render(request, "portal/staff/home.html", context)
