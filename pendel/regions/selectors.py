from django.db.models import Count, Q, QuerySet
from django.http import Http404

from pendel.accounts.access import Roles, Scope
from pendel.regions.models import Region


def regions_for(scope: Scope) -> QuerySet[Region]:
    regions = Region.objects.select_related("country")
    if scope.all_regions:
        return regions
    return regions.filter(id__in=scope.region_ids)


def region_get_for(scope: Scope, slug: str) -> Region:
    """The region if the actor may see it; otherwise 404, which does not confirm it exists."""
    region = regions_for(scope).filter(slug=slug).first()
    if region is None:
        raise Http404
    return region


def regions_with_counts(scope: Scope) -> QuerySet[Region]:
    return regions_for(scope).annotate(
        location_count=Count("locations", distinct=True),
        organisation_count=Count("locations__organisation", distinct=True),
        staff_count=Count("roles", filter=Q(roles__kind="region_staff"), distinct=True),
    )


def regions_to_look_at(roles: Roles) -> QuerySet[Region]:
    """What the region switch offers: every region to the coordinator, region staff their
    own (the guard checks a choice against the roles again on every request)."""
    regions = Region.objects.order_by("name")
    if roles.all_regions:
        return regions
    return regions.filter(pk__in=roles.region_ids)
