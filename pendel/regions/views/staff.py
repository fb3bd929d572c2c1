from django.shortcuts import render

from pendel.accounts.access import request_scope, staff_required
from pendel.regions.selectors import regions_with_counts


@staff_required
def region_list(request):
    regions = regions_with_counts(request_scope(request))
    return render(request, "regions/staff/region_list.html", {"regions": regions})
