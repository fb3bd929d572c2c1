from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

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


def roles_outside(scope: Scope) -> QuerySet[Role]:
    """Roles beyond the scope's regions: a coordinator role, staff of another region, contact
    person of a company elsewhere. None for a scope with all regions."""
    if scope.all_regions:
        return Role.objects.none()
    inside = Q(region_id__in=scope.region_ids) | Q(location__region_id__in=scope.region_ids)
    return Role.objects.exclude(inside)


def users_wholly_in(scope: Scope) -> QuerySet[User]:
    """Users every role of whom lies in the scope's regions: the accounts a region's staff
    answer for (deactivating one ends access everywhere, so nobody acts on an account that
    also works for another region)."""
    users = users_for(scope)
    if scope.is_coordinator:  # also while looking at one region
        return users
    return users.exclude(id__in=roles_outside(scope).values("user_id"))


def user_get_wholly_in(scope: Scope, pk) -> User:
    user = users_wholly_in(scope).filter(pk=pk).first()
    if user is None:
        raise Http404
    return user


def with_reach(users: QuerySet[User], scope: Scope) -> QuerySet[User]:
    """Each user annotated `elsewhere`: they hold a role beyond the scope's regions."""
    return users.annotate(elsewhere=Exists(roles_outside(scope).filter(user_id=OuterRef("pk"))))
