"""Staff add a member directly, without the public form: the organisation (found by its
number, or new), the workplace and an approved membership, in one of the staff member's own
regions. The contact persons are invited afterwards from the member page."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from pendel.accounts.models import User
from pendel.companies.audit import CompaniesAction
from pendel.companies.models import (
    Application,
    Location,
    Membership,
    MembershipStatus,
    Organisation,
)
from pendel.companies.services.memberships import advisors_for_region, membership_approved_create
from pendel.core.audit import audit_record
from pendel.regions.models import Region

ORGANISATION_FIELDS = ("name", "organisation_number", "sector")
LOCATION_FIELDS = ("street_address", "postcode", "municipality", "employee_count")


def member_duplicate(*, region: Region, organisation_number: str, location_name: str) -> str:
    """Why this member cannot be added, or "": the workplace is already a member, or the
    organisation has an application waiting (decide that instead, so nothing exists twice)."""
    open_here = Membership.objects.filter(
        location__region=region,
        location__organisation__country_id=region.country_id,
        location__organisation__organisation_number=organisation_number,
    ).exclude(status=MembershipStatus.ENDED)
    same_place = (
        open_here.annotate(lower_name=Lower("location__name"))
        .filter(lower_name=location_name.strip().lower())
        .exists()
    )
    if same_place:
        return _("This workplace is already a member of the programme.")
    waiting = Application.objects.filter(
        region=region,
        organisation_number=organisation_number,
        status=Application.Status.PENDING,
        email_confirmed_at__isnull=False,
    )
    if waiting.exists():
        return _(
            "This organisation has applied and the application waits for a decision. "
            "Approve the application instead of adding the member again."
        )
    return ""


def _organisation(region: Region, data: dict) -> Organisation:
    organisation = Organisation.objects.filter(
        country_id=region.country_id, organisation_number=data["organisation_number"]
    ).first()
    if organisation is not None:
        return organisation  # its registered name and sector stay as they are
    organisation = Organisation(
        country_id=region.country_id,
        name=data["name"],
        organisation_number=data["organisation_number"],
        sector=data["sector"],
        is_finance_sector=data["sector"] == "finance",
    )
    organisation.full_clean()
    organisation.save()
    return organisation


def _location(organisation: Organisation, region: Region, data: dict) -> Location:
    location = (
        Location.objects.filter(organisation=organisation, region=region)
        .annotate(lower_name=Lower("name"))
        .filter(lower_name=data["location_name"].strip().lower())
        .first()
    )
    if location is None:
        location = Location.objects.create(
            organisation=organisation,
            region=region,
            name=data["location_name"].strip(),
            **{name: data[name] for name in LOCATION_FIELDS},
        )
    return location


def member_create(
    *, actor: User, region: Region, data: dict, advisor: User | None = None
) -> Membership:
    """Add the member; refuses a workplace that is already a member and an organisation
    whose application waits. Recorded in the membership's history and the audit trail under
    the staff member's name. Safe against a double click: the second one is refused."""
    reason = member_duplicate(
        region=region,
        organisation_number=data["organisation_number"],
        location_name=data["location_name"],
    )
    if reason:
        raise ValidationError(reason)
    if advisor and not advisors_for_region(region.pk).filter(pk=advisor.pk).exists():
        raise ValidationError(_("The advisor must work in this member's region."))
    try:
        with transaction.atomic():
            return _member_create(actor=actor, region=region, data=data, advisor=advisor)
    except IntegrityError as error:  # the same member added at the same moment
        raise ValidationError(_("This workplace is already a member of the programme.")) from error


def _member_create(*, actor, region, data, advisor) -> Membership:
    organisation = _organisation(region, data)
    location = _location(organisation, region, data)
    membership = membership_approved_create(
        actor=actor, location=location, advisor=advisor, note=_("Added by programme staff.")
    )
    audit_record(
        actor=actor,
        action=CompaniesAction.MEMBER_CREATED,
        target=membership,
        region_id=region.pk,
        changes={
            "organisation": organisation.name,
            "organisation_number": organisation.organisation_number,
            "location": location.name,
        },
    )
    return membership
