"""Who may see what. The one place that turns a request's user into a scope; every
selector takes that scope, and views are guarded by the decorators below."""

from dataclasses import dataclass, field
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


@dataclass(frozen=True)
class Scope:
    user_id: int | None = None
    all_regions: bool = False
    region_ids: frozenset[int] = field(default_factory=frozenset)
    organisation_id: int | None = None
    location_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_staff(self) -> bool:
        """Coordinator, superuser or region staff: may use the back office."""
        return self.all_regions or bool(self.region_ids)

    @property
    def is_contact_person(self) -> bool:
        return bool(self.location_ids)


NOBODY = Scope()


def scope_for(user) -> Scope:
    from pendel.accounts.models import Role

    if not user or not user.is_authenticated or not user.is_active:
        return NOBODY
    roles = list(
        Role.objects.filter(user=user).values_list(
            "kind", "region_id", "location_id", "location__organisation_id"
        )
    )
    kinds = {kind for kind, *_ in roles}
    organisation_ids = {org for kind, _r, _l, org in roles if kind == Role.Kind.CONTACT_PERSON}
    return Scope(
        user_id=user.pk,
        all_regions=user.is_superuser or Role.Kind.COORDINATOR in kinds,
        region_ids=frozenset(r for kind, r, _l, _o in roles if kind == Role.Kind.REGION_STAFF),
        # A contact person acts for one organisation (DESIGN.md); a second one is ignored.
        organisation_id=min(organisation_ids) if organisation_ids else None,
        location_ids=frozenset(
            loc
            for kind, _r, loc, org in roles
            if kind == Role.Kind.CONTACT_PERSON and org == min(organisation_ids)
        ),
    )


def request_scope(request) -> Scope:
    if not hasattr(request, "scope"):
        request.scope = scope_for(request.user)
    return request.scope


def _guard(test):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not test(request_scope(request)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


staff_required = _guard(lambda scope: scope.is_staff)
coordinator_required = _guard(lambda scope: scope.all_regions)
contact_person_required = _guard(lambda scope: scope.is_contact_person)
login_required = _guard(lambda scope: True)
