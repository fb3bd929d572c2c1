"""Who may see what. The one place that turns a request's user into a scope.

A user may hold several roles: region staff in one programme and contact person of a company
in another is ordinary. `roles_for` reads everything the user holds; each portal's guard
narrows that to the portal's own `Scope` and sets `request.scope`, so a view can only ever
see the scope of the portal it belongs to:

- the back office (`staff_required`, `coordinator_required`): all regions or the user's
  regions, and no contact-person rights. The region switch narrows it: a coordinator, or
  region staff of several regions, may choose one region to look at (kept in the session,
  checked against their roles on every request); `staff_required` then sets a scope of that
  one region, so every list and dashboard shows it alone without a selector knowing of the
  choice. The rights stay the user's (`Scope.is_coordinator`), and national pages
  (`coordinator_required`) keep the national scope;
- Min side (`contact_person_required`): the one organisation the user acts for (their choice,
  kept in the session and checked against their roles on every request; otherwise the first
  by name) and only the locations they are contact person for, and no region rights. The
  organisation's invoice contact (one of its contact persons) also sees all its invoices,
  in every region (`Scope.all_invoices`), and nothing else of the other locations.

Every selector takes that scope.

Every guard also asks for the second factor (two_factor.py) where the user needs one: staff
always, contact persons once they have turned it on. No view checks it on its own."""

from dataclasses import dataclass, field
from enum import StrEnum
from functools import wraps

from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.utils.translation import gettext as _

from pendel.accounts.models import Role
from pendel.accounts.two_factor import two_factor_passed

ORGANISATION_SESSION_KEY = "pendel_organisation_id"
REGION_SESSION_KEY = "pendel_region_id"
TWO_FACTOR_URL = "accounts:two_factor"


class Portal(StrEnum):
    STAFF = "staff"
    COMPANY = "company"


@dataclass(frozen=True)
class Scope:
    """What one portal may see: regions (back office) or one organisation's locations (Min
    side), never both."""

    user_id: int | None = None
    all_regions: bool = False
    region_ids: frozenset[int] = field(default_factory=frozenset)
    organisation_id: int | None = None
    location_ids: frozenset[int] = field(default_factory=frozenset)
    # The organisation's invoice contact sees all its invoices, in every region (only them).
    all_invoices: bool = False
    # The national coordinator's rights (national products, survey templates, VAT rates…),
    # kept while the coordinator looks at one region only.
    coordinator: bool = False
    # The region chosen with the region switch: `region_ids` is then that region alone.
    chosen_region_id: int | None = None

    def __post_init__(self):
        if (self.all_regions or self.region_ids) and (self.organisation_id or self.location_ids):
            raise ValueError("A scope has region rights or contact rights, not both.")
        if self.chosen_region_id is not None and self.region_ids != {self.chosen_region_id}:
            raise ValueError("A scope narrowed to a region sees that region alone.")

    @property
    def is_coordinator(self) -> bool:
        """Holds the national coordinator's rights, whether looking at all regions or one."""
        return self.all_regions or self.coordinator

    @property
    def is_staff(self) -> bool:
        """Coordinator, superuser or region staff: may use the back office."""
        return self.all_regions or bool(self.region_ids)

    @property
    def is_contact_person(self) -> bool:
        return bool(self.location_ids)


NOBODY = Scope()


@dataclass(frozen=True)
class ContactFor:
    """One organisation a user is contact person for, with their own locations of it."""

    organisation_id: int
    name: str
    location_ids: frozenset[int]
    invoice_contact: bool = False


@dataclass(frozen=True)
class Roles:
    """Everything a user holds, in every portal. Only the guards read it to build a Scope;
    the navigation reads it to offer the switch between portals and organisations."""

    user_id: int | None = None
    all_regions: bool = False
    region_ids: frozenset[int] = field(default_factory=frozenset)
    organisations: tuple[ContactFor, ...] = ()

    @property
    def is_staff(self) -> bool:
        return self.all_regions or bool(self.region_ids)

    @property
    def is_contact_person(self) -> bool:
        return bool(self.organisations)

    @property
    def home(self) -> Portal | None:
        """The portal the user lands in: the back office first."""
        if self.is_staff:
            return Portal.STAFF
        if self.is_contact_person:
            return Portal.COMPANY
        return None

    def acting_for(self, wanted) -> ContactFor | None:
        """The organisation chosen, if the user still holds it; otherwise the first by name."""
        for organisation in self.organisations:
            if organisation.organisation_id == wanted:
                return organisation
        return self.organisations[0] if self.organisations else None

    def may_look_at(self, region_id) -> bool:
        """Whether the region switch may narrow the back office to this region: any region
        for the coordinator (the guard checks that it exists), one's own for region staff."""
        if not self.is_staff or type(region_id) is not int:
            return False
        return self.all_regions or region_id in self.region_ids

    def staff_scope(self, region_id=None) -> Scope:
        if not self.is_staff:
            return NOBODY
        if region_id is not None and self.may_look_at(region_id):
            return Scope(
                user_id=self.user_id,
                region_ids=frozenset({region_id}),
                coordinator=self.all_regions,
                chosen_region_id=region_id,
            )
        return Scope(
            user_id=self.user_id,
            all_regions=self.all_regions,
            region_ids=self.region_ids,
            coordinator=self.all_regions,
        )

    def company_scope(self, organisation_id=None) -> Scope:
        organisation = self.acting_for(organisation_id)
        if organisation is None:
            return NOBODY
        return Scope(
            user_id=self.user_id,
            organisation_id=organisation.organisation_id,
            location_ids=organisation.location_ids,
            all_invoices=organisation.invoice_contact,
        )

    def scope(self, portal: Portal | None, organisation_id=None, *, region_id=None) -> Scope:
        if portal is Portal.STAFF:
            return self.staff_scope(region_id)
        if portal is Portal.COMPANY:
            return self.company_scope(organisation_id)
        return NOBODY


NO_ROLES = Roles()


def roles_for(user) -> Roles:
    if not user or not user.is_authenticated or not user.is_active:
        return NO_ROLES
    rows = (
        Role.objects.filter(user=user)
        .order_by("location__organisation__name", "location__organisation_id", "location_id")
        .values_list(
            "kind",
            "region_id",
            "location_id",
            "location__organisation_id",
            "location__organisation__name",
            "location__organisation__invoice_contact_id",
        )
    )
    kinds, region_ids, names, locations, invoice_contact = set(), set(), {}, {}, set()
    for kind, region_id, location_id, organisation_id, name, invoice_contact_id in rows:
        kinds.add(kind)
        if kind == Role.Kind.REGION_STAFF:
            region_ids.add(region_id)
        elif kind == Role.Kind.CONTACT_PERSON:
            names[organisation_id] = name
            locations.setdefault(organisation_id, set()).add(location_id)
            if invoice_contact_id == user.pk:
                invoice_contact.add(organisation_id)
    return Roles(
        user_id=user.pk,
        all_regions=user.is_superuser or Role.Kind.COORDINATOR in kinds,
        region_ids=frozenset(region_ids),
        organisations=tuple(
            ContactFor(
                organisation_id=org,
                name=names[org],
                location_ids=frozenset(locs),
                invoice_contact=org in invoice_contact,
            )
            for org, locs in locations.items()
        ),
    )


def scope_for(user, portal: Portal | None = None, *, organisation_id=None) -> Scope:
    """The user's scope in a portal; without one, in the portal they land in."""
    roles = roles_for(user)
    return roles.scope(portal or roles.home, organisation_id)


def request_roles(request) -> Roles:
    if not hasattr(request, "roles"):
        request.roles = roles_for(getattr(request, "user", None))
    return request.roles


def request_scope(request) -> Scope:
    """The scope the portal's guard set. A view without a guard has none."""
    if not hasattr(request, "scope"):
        raise ImproperlyConfigured("request_scope() needs a guard from pendel.accounts.access.")
    return request.scope


def chosen_organisation(request):
    return request.session.get(ORGANISATION_SESSION_KEY)


def organisation_choose(request, organisation_id) -> ContactFor | None:
    """Remember the organisation a contact person acts for, if they are contact for it."""
    for organisation in request_roles(request).organisations:
        if str(organisation.organisation_id) == str(organisation_id):
            request.session[ORGANISATION_SESSION_KEY] = organisation.organisation_id
            return organisation
    return None


def chosen_region(request) -> int | None:
    """The region the user chose with the region switch, if they may still look at it alone;
    otherwise None (all their regions). A choice no longer theirs is forgotten."""
    wanted = request.session.get(REGION_SESSION_KEY)
    if wanted is None:
        return None
    if _may_look_at(request_roles(request), wanted):
        return wanted
    request.session.pop(REGION_SESSION_KEY, None)
    return None


def _may_look_at(roles: Roles, region_id) -> bool:
    if not roles.may_look_at(region_id):
        return False
    if region_id in roles.region_ids:
        return True
    # The coordinator's region must exist. Regions sit above accounts (they import it), so
    # the model is looked up, not imported.
    return apps.get_model("regions", "Region").objects.filter(pk=region_id).exists()


def region_choose(request, region_id) -> bool:
    """Remember the region the user looks at ("" or None: all their regions). False, and
    nothing changed, for a region they may not look at."""
    if region_id in (None, ""):
        request.session.pop(REGION_SESSION_KEY, None)
        return True
    try:
        region_id = int(region_id)
    except (TypeError, ValueError):
        return False
    if not _may_look_at(request_roles(request), region_id):
        return False
    request.session[REGION_SESSION_KEY] = region_id
    return True


def _guard(portal: Portal | None, test, *, narrows: bool = False):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            roles = request_roles(request)
            # Staff (and anyone who turned it on) pass the second factor before any page.
            if not two_factor_passed(request, has_staff_role=roles.is_staff):
                return redirect_to_login(request.get_full_path(), TWO_FACTOR_URL)
            if not test(roles):
                # The wrong portal answers like everything else out of scope: it does not
                # exist for this user (a 403 would tell an outsider the page is there).
                raise Http404
            chosen = chosen_organisation(request) if portal is Portal.COMPANY else None
            region_id = chosen_region(request) if portal is Portal.STAFF else None
            request.portal = portal
            # The region in view, for the shell's switch, also on national pages.
            request.chosen_region_id = region_id
            request.scope = roles.scope(portal, chosen, region_id=region_id if narrows else None)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


staff_required = _guard(Portal.STAFF, lambda roles: roles.is_staff, narrows=True)
# National pages: the national scope, whatever region the switch shows.
coordinator_required = _guard(Portal.STAFF, lambda roles: roles.all_regions)
contact_person_required = _guard(Portal.COMPANY, lambda roles: roles.is_contact_person)
login_required = _guard(None, lambda roles: True)


def staff_only_or_404(view):
    """For pages whose existence is itself not for others (the local outbox): staff see
    the page; anyone else, logged in or not, gets 404, never a login page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        roles = request_roles(request)
        if not roles.is_staff:
            raise Http404
        request.portal = Portal.STAFF
        request.scope = roles.scope(Portal.STAFF)
        return view(request, *args, **kwargs)

    return wrapped


def deactivation_refused(scope: Scope, *, actor, target) -> str:
    """Why this actor may not deactivate this account, or "" when they may. The target is
    already one wholly in the actor's regions (selectors.user_get_wholly_in).

    - nobody deactivates their own account (a locked-out back office has no one to undo it);
    - superusers and the national coordinator are deactivated in the administration only;
    - programme staff (region staff, advisors) by the national coordinator only;
    - contact persons by the staff of their companies' regions, or the coordinator."""
    if target.pk == actor.pk:
        return _("You cannot deactivate your own account.")
    kinds = set(target.roles.values_list("kind", flat=True))
    if target.is_superuser or target.is_staff or Role.Kind.COORDINATOR in kinds:
        return _(
            "Administrators and the national coordinator are deactivated in the administration."
        )
    if Role.Kind.REGION_STAFF in kinds and not scope.is_coordinator:
        return _("Only the national coordinator can deactivate programme staff.")
    return ""
