from django.db.models import QuerySet

from pendel.accounts.access import Scope
from pendel.companies.models import Location, Organisation


def locations_for(scope: Scope) -> QuerySet[Location]:
    locations = Location.objects.select_related("organisation", "region")
    if scope.all_regions:
        return locations
    if scope.region_ids:
        return locations.filter(region_id__in=scope.region_ids)
    return locations.filter(id__in=scope.location_ids)


def organisations_for(scope: Scope) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("country")
    if scope.all_regions:
        return organisations
    return organisations.filter(id__in=locations_for(scope).values("organisation_id"))
