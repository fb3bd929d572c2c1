from django.db.models import Prefetch, Q, QuerySet

from pendel.accounts.access import Scope
from pendel.accounts.models import Role, User


def users_for(scope: Scope) -> QuerySet[User]:
    """Users the actor may see: everyone for a coordinator; for region staff, the staff
    of their regions and the contact persons of companies located there."""
    roles = Role.objects.select_related("region", "location__organisation")
    users = User.objects.filter(is_active=True)
    if not scope.all_regions:
        in_scope = Q(region_id__in=scope.region_ids) | Q(location__region_id__in=scope.region_ids)
        if not scope.region_ids:
            in_scope = Q(location_id__in=scope.location_ids)
        users = users.filter(id__in=Role.objects.filter(in_scope).values("user_id"))
        roles = roles.filter(in_scope)
    return users.prefetch_related(Prefetch("roles", queryset=roles, to_attr="visible_roles"))
