from django.shortcuts import render

from pendel.accounts.access import request_scope, staff_required
from pendel.portal.selectors import staff_todo, start_counts
from pendel.regions.selectors import regions_with_counts


@staff_required
def home(request):
    scope = request_scope(request)
    context = {
        "counts": start_counts(scope),
        "todo": staff_todo(scope, user=request.user),
        "regions": regions_with_counts(scope),
    }
    return render(request, "portal/staff/home.html", context)
