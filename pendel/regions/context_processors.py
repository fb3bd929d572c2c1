from django.utils.functional import SimpleLazyObject

from pendel.accounts.access import Portal, request_roles
from pendel.regions.selectors import regions_to_look_at


def region_switch(request):
    """The shell's region switch on back-office pages: the regions offered (the coordinator:
    every region; region staff of several: theirs; anyone else: none), the region chosen,
    and whether the page is national (it shows every region, whatever is chosen)."""
    if getattr(request, "portal", None) is not Portal.STAFF:
        return {}
    roles = request_roles(request)
    chosen = getattr(request, "chosen_region_id", None)
    scope = getattr(request, "scope", None)
    return {
        "region_switch": SimpleLazyObject(lambda: _offered(roles)),
        "chosen_region_id": chosen,
        "national_page": chosen is not None and getattr(scope, "chosen_region_id", 0) is None,
    }


def _offered(roles) -> list:
    if not roles.all_regions and len(roles.region_ids) < 2:
        return []
    return list(regions_to_look_at(roles).only("pk", "name"))
