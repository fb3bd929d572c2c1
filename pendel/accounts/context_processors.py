from django.conf import settings

from pendel.accounts.access import NOBODY, Portal, chosen_organisation, request_roles


def pendel(request):
    """The navigation's view of the user: the portal the page belongs to (outside both, the
    one the user lands in), the roles for the switch, and the scope the guard set, if any."""
    roles = request_roles(request)
    nav_portal = getattr(request, "portal", None) or roles.home
    acting_for = None
    if nav_portal is Portal.COMPANY:
        acting_for = roles.acting_for(chosen_organisation(request))
    return {
        "scope": getattr(request, "scope", NOBODY),
        "roles": roles,
        "nav_portal": nav_portal,
        "acting_for": acting_for,
        "outbox_visible": settings.OUTBOX_VISIBLE and roles.is_staff,
    }
