from django.shortcuts import render

from pendel.accounts.access import request_scope, staff_required
from pendel.accounts.selectors import users_for
from pendel.companies.selectors import locations_for
from pendel.regions.selectors import region_get_for, regions_with_counts


@staff_required
def region_list(request):
    regions = regions_with_counts(request_scope(request))
    return render(request, "regions/staff/region_list.html", {"regions": regions})


@staff_required
def region_detail(request, slug: str):
    scope = request_scope(request)
    region = region_get_for(scope, slug)
    staff = users_for(scope).filter(roles__region=region, roles__kind="region_staff").distinct()
    locations = locations_for(scope).filter(region=region)
    return render(
        request,
        "regions/staff/region_detail.html",
        {"region": region, "staff": staff, "locations": locations},
    )
