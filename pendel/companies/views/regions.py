"""The back office's page of one region: its staff and its member locations. It lives here,
above regions, because it lists the companies' locations."""

from django.shortcuts import render

from pendel.accounts.access import request_scope, staff_required
from pendel.accounts.selectors import users_for
from pendel.companies.selectors import locations_for
from pendel.regions.selectors import region_get_for


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
