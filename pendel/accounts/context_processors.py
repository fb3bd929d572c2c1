from django.apps import apps
from django.conf import settings
from django.utils.functional import SimpleLazyObject

from pendel.accounts.access import NOBODY, Portal, chosen_organisation, request_roles


def pendel(request):
    """The navigation's view of the user: the portal the page belongs to (outside both, the
    one the user lands in), the roles for the switch, and the scope the guard set, if any."""
    roles = request_roles(request)
    nav_portal = getattr(request, "portal", None) or roles.home
    acting_for = None
    if nav_portal is Portal.COMPANY:
        acting_for = roles.acting_for(chosen_organisation(request))
    scope = getattr(request, "scope", NOBODY)
    return {
        "scope": scope,
        "roles": roles,
        "nav_portal": nav_portal,
        "acting_for": acting_for,
        "outbox_visible": settings.OUTBOX_VISIBLE and roles.is_staff,
        "shell_regions": SimpleLazyObject(lambda: shell_regions(scope)),
    }


def shell_regions(scope) -> list:
    """The regions the page's scope covers, for the app shell (its name, its theme): the
    back office's regions, or the regions of the locations a contact person acts for. A
    coordinator's scope is every region: the shell names none of them (one query at most)."""
    if scope.all_regions:
        return []
    Region = apps.get_model("regions", "Region")  # regions imports accounts, not back
    if scope.region_ids:
        regions = Region.objects.filter(pk__in=scope.region_ids)
    elif scope.location_ids:
        regions = Region.objects.filter(locations__pk__in=scope.location_ids).distinct()
    else:
        return []
    return list(regions.order_by("name").only("pk", "slug", "name", "programme_name", "logo"))
