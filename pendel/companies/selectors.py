from datetime import date, timedelta

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from pendel.accounts.access import Scope
from pendel.accounts.models import Role
from pendel.companies.models import (
    AdvisorNote,
    Application,
    ContactInvitation,
    Location,
    Membership,
    MembershipStatus,
    Organisation,
)
from pendel.regions.models import Region


def locations_for(scope: Scope) -> QuerySet[Location]:
    locations = Location.objects.select_related("organisation", "region__country")
    if scope.all_regions:
        return locations
    if scope.region_ids:
        return locations.filter(region_id__in=scope.region_ids)
    return locations.filter(id__in=scope.location_ids)


def location_get_for(scope: Scope, pk) -> Location:
    location = locations_for(scope).filter(pk=pk).first()
    if location is None:
        raise Http404
    return location


def organisations_for(scope: Scope) -> QuerySet[Organisation]:
    organisations = Organisation.objects.select_related("country")
    if scope.all_regions:
        return organisations
    return organisations.filter(id__in=locations_for(scope).values("organisation_id"))


def organisations_wholly_in(scope: Scope) -> QuerySet[Organisation]:
    """The organisations whose every location is in the scope's regions. What applies to all
    of an organisation's invoices (its invoice settings) is changed only by staff who see
    all of it: an organisation in two regions is the coordinator's."""
    organisations = organisations_for(scope)
    # The coordinator answers for all of every organisation, even looking at one region.
    if scope.is_coordinator or not scope.region_ids:
        return organisations
    elsewhere = Location.objects.exclude(region_id__in=scope.region_ids).values("organisation_id")
    return organisations.exclude(id__in=elsewhere)


def memberships_for(scope: Scope) -> QuerySet[Membership]:
    return Membership.objects.select_related(
        "location__organisation", "location__region__country", "advisor"
    ).filter(location__in=locations_for(scope).values("id"))


def membership_get_for(scope: Scope, pk) -> Membership:
    membership = memberships_for(scope).filter(pk=pk).first()
    if membership is None:
        raise Http404
    return membership


SIZE_BANDS = {"small": (1, 49), "medium": (50, 249), "large": (250, None)}


def members_filtered(scope: Scope, *, status="", advisor=None, municipality="", size="", q=""):
    members = memberships_for(scope)
    if status:
        members = members.filter(status=status)
    if advisor:
        members = members.filter(advisor=advisor)
    if municipality:
        members = members.filter(location__municipality__iexact=municipality)
    if size in SIZE_BANDS:
        low, high = SIZE_BANDS[size]
        members = members.filter(location__employee_count__gte=low)
        if high:
            members = members.filter(location__employee_count__lte=high)
    if q:
        members = members.filter(
            Q(location__organisation__name__icontains=q)
            | Q(location__organisation__organisation_number__icontains=q)
        )
    return members


def municipalities_for(scope: Scope) -> list[str]:
    return list(
        locations_for(scope)
        .exclude(municipality="")
        .order_by("municipality")
        .values_list("municipality", flat=True)
        .distinct()
    )


def contacts_for_locations(location_ids) -> QuerySet[Role]:
    return (
        Role.objects.filter(kind=Role.Kind.CONTACT_PERSON, location_id__in=location_ids)
        .select_related("user", "location")
        .order_by("-is_primary", "user__first_name")
    )


def contact_invitations_open(location_ids) -> QuerySet[ContactInvitation]:
    """Existing accounts asked to become contact person here, not yet accepted."""
    return (
        ContactInvitation.objects.filter(
            location_id__in=location_ids, accepted_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("user")
        .order_by("created_at")
    )


def contact_get_for(scope: Scope, pk) -> Role:
    role = contacts_for_locations(locations_for(scope).values("id")).filter(pk=pk).first()
    if role is None:
        raise Http404
    return role


def note_get_for(scope: Scope, pk) -> AdvisorNote:
    note = AdvisorNote.objects.filter(
        pk=pk, membership__in=memberships_for(scope).values("id")
    ).first()
    if note is None:
        raise Http404
    return note


def applications_for(scope: Scope) -> QuerySet[Application]:
    # An application reaches staff once its contact e-mail is confirmed.
    applications = Application.objects.filter(email_confirmed_at__isnull=False).select_related(
        "region__country", "decided_by"
    )
    if scope.all_regions:
        return applications
    return applications.filter(region_id__in=scope.region_ids)


def application_get_for(scope: Scope, pk) -> Application:
    application = applications_for(scope).filter(pk=pk).first()
    if application is None:
        raise Http404
    return application


def week_end(today: date) -> date:
    return today + timedelta(days=6 - today.weekday())


def followups_due(scope: Scope, *, today: date, advisor=None) -> QuerySet[AdvisorNote]:
    """Open follow-ups due by the end of this week (overdue ones included)."""
    notes = AdvisorNote.objects.filter(
        membership__in=memberships_for(scope).values("id"),
        follow_up_on__lte=week_end(today),
        follow_up_done_at__isnull=True,
    ).select_related("membership__location__organisation", "membership__location", "author")
    if advisor is not None:
        notes = notes.filter(Q(membership__advisor=advisor) | Q(author=advisor))
    return notes.order_by("follow_up_on", "id")


OPEN_STATUSES = [MembershipStatus.APPROVED, MembershipStatus.ACTIVE, MembershipStatus.QUALIFIED]


def _per_region(queryset, aggregate):
    """A correlated subquery: one aggregate per region, without multiplying joins."""
    return Coalesce(
        Subquery(
            queryset.filter(region=OuterRef("pk"))
            .order_by()
            .values("region")
            .annotate(value=aggregate)
            .values("value")
        ),
        0,
    )


def national_overview() -> QuerySet[Region]:
    """Per region: member companies, locations and employees of open memberships."""
    members = Location.objects.filter(memberships__status__in=OPEN_STATUSES)
    qualified = Location.objects.filter(memberships__status=MembershipStatus.QUALIFIED)
    return (
        Region.objects.select_related("country")
        .annotate(
            member_companies=_per_region(members, Count("organisation", distinct=True)),
            member_locations=_per_region(members, Count("id")),
            member_employees=_per_region(members, Sum("employee_count")),
            qualified=_per_region(qualified, Count("id")),
            pending_applications=_per_region(
                Application.objects.filter(
                    status=Application.Status.PENDING, email_confirmed_at__isnull=False
                ),
                Count("id"),
            ),
        )
        .order_by("country_id", "name")
    )


def public_members(region: Region) -> QuerySet[Organisation]:
    """Members whose logo may be shown on the programme's pages."""
    return (
        Organisation.objects.filter(
            locations__region=region,
            locations__memberships__status__in=[
                MembershipStatus.ACTIVE,
                MembershipStatus.QUALIFIED,
            ],
            locations__memberships__logo_consent=True,
        )
        .distinct()
        .order_by("name")
    )


def with_contacts(memberships: QuerySet[Membership]) -> QuerySet[Membership]:
    return memberships.prefetch_related(
        Prefetch(
            "location__roles",
            queryset=Role.objects.filter(kind=Role.Kind.CONTACT_PERSON).select_related("user"),
            to_attr="contacts",
        )
    )


# The member page's summary reads surveys, invoices, tickets and documents: apps that import
# companies, not the other way. The portal, above them all, registers it at start-up.
_member_summary = None


def member_summary_register(function) -> None:
    global _member_summary
    _member_summary = function


def member_summary(scope, membership):
    """The staff member page's summary (pendel.portal.member_summary)."""
    if _member_summary is None:
        raise ImproperlyConfigured("pendel.portal registers the member summary.")
    return _member_summary(scope, membership)


# Blocks that apps above companies add to the member page's summary (the certification's):
# each registers a template and a function (scope, membership) -> what the template shows.
_member_summary_blocks: list[tuple[str, object]] = []


def member_summary_block_register(template_name: str, function) -> None:
    if all(name != template_name for name, _function in _member_summary_blocks):
        _member_summary_blocks.append((template_name, function))


def member_summary_blocks(scope, membership) -> list[dict]:
    """[{"template": …, "data": …}] for the member page, in the order registered."""
    return [
        {"template": name, "data": function(scope, membership)}
        for name, function in _member_summary_blocks
    ]


# Badges shown beside a member on the programme's public page (the certification's): each
# registered function (region, organisation ids) -> {organisation id: [badge text]}.
_public_member_badges: list = []


def public_member_badges_register(function) -> None:
    if function not in _public_member_badges:
        _public_member_badges.append(function)


def public_member_badges(region: Region, organisation_ids) -> dict[int, list[str]]:
    badges: dict[int, list[str]] = {}
    for function in _public_member_badges:
        for organisation_id, texts in function(region, organisation_ids).items():
            badges.setdefault(organisation_id, []).extend(texts)
    return badges
