from datetime import timedelta
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from pendel.accounts.emails import send_templated
from pendel.accounts.models import User
from pendel.companies.audit import CompaniesAction
from pendel.companies.confirmation import application_unconfirmed_delete, token_hash, unconfirmed
from pendel.companies.models import (
    APPLICATION_BILLING_FIELDS,
    BILLING_ADDRESS_FIELDS,
    Application,
    Location,
    Membership,
    MembershipStatus,
    Organisation,
)
from pendel.companies.services.billing import organisation_billing_update
from pendel.companies.services.contacts import contact_invite
from pendel.companies.services.memberships import advisors_for_region, membership_approved_create
from pendel.companies.tasks import application_confirmation_mail, application_unconfirmed_purge
from pendel.core.audit import audit_record
from pendel.core.tasks import enqueue_after_commit, schedule
from pendel.regions.models import Region

# How long the link in the confirmation mail works; an application not confirmed by then
# is never shown to staff and is deleted.
CONFIRMATION_VALID = timedelta(days=3)


class Already(StrEnum):
    MEMBER = "member"
    APPLIED = "applied"


def organisation_already_in(*, region: Region, organisation_number: str) -> Already | None:
    """Whether this organisation number is already a member of the region's programme (an
    open membership at any of its workplaces there) or has an application waiting for a
    decision there. An employer applies once; more workplaces are added by the advisor."""
    members = Membership.objects.filter(
        location__region=region,
        location__organisation__country_id=region.country_id,
        location__organisation__organisation_number=organisation_number,
    ).exclude(status=MembershipStatus.ENDED)
    if members.exists():
        return Already.MEMBER
    waiting = Application.objects.filter(
        region=region,
        organisation_number=organisation_number,
        status=Application.Status.PENDING,
        email_confirmed_at__isnull=False,
    )
    if waiting.exists():
        return Already.APPLIED
    return None


def already_message(already: Already, programme: str) -> str:
    if already is Already.MEMBER:
        return _(
            "This organisation is already a member of %(programme)s. To add another "
            "workplace or change the contact person, write to your advisor."
        ) % {"programme": programme}
    return _(
        "An application from this organisation to %(programme)s is already waiting for a "
        "decision. The advisor answers it by email; there is no need to apply again."
    ) % {"programme": programme}


def application_submit(*, region: Region, data: dict, language: str) -> Application:
    """Store a public application, unconfirmed, and mail only a confirmation link to its
    contact address. Staff and the applicant hear of its content once the link is opened.
    An organisation that is already a member, or has applied, is refused."""
    with transaction.atomic():
        already = organisation_already_in(
            region=region, organisation_number=data["organisation_number"]
        )
        if already is not None:
            raise ValidationError(
                {"organisation_number": already_message(already, region.programme_name)}
            )
        application_unconfirmed_delete()
        expires = timezone.now() + CONFIRMATION_VALID
        application = Application(
            region=region, language=language, confirmation_expires_at=expires, **data
        )
        application.full_clean()
        application.save()
        enqueue_after_commit(application_confirmation_mail, application_id=application.pk)
        transaction.on_commit(
            lambda: schedule(
                application_unconfirmed_purge,
                expires + timedelta(minutes=1),
                application_id=application.pk,
            )
        )
    return application


def application_confirmation_valid(*, region: Region, token: str) -> bool:
    return unconfirmed(region.pk).filter(confirmation_token_hash=token_hash(token)).exists()


def application_confirm(*, region: Region, token: str) -> Application | None:
    """Open the link: the application reaches the region's staff, the applicant gets the
    receipt. None for an unknown, used or expired link. An application whose organisation
    has meanwhile become a member, or had another application confirmed, is deleted and
    refused (ValidationError saying which), so staff never get two side by side."""
    with transaction.atomic():
        # One confirmation per region at a time: two applications of one organisation
        # confirmed at the same moment would otherwise both pass the check below.
        Region.objects.select_for_update().filter(pk=region.pk).first()
        application = (
            unconfirmed(region.pk)
            .select_related("region")
            .filter(confirmation_token_hash=token_hash(token))
            .first()
        )
        if application is None:
            return None
        already = organisation_already_in(
            region=region, organisation_number=application.organisation_number
        )
        if already is None:
            return _application_forward(application, region)
        application.delete()
    raise ValidationError(already_message(already, region.programme_name))


def _application_forward(application: Application, region: Region) -> Application | None:
    claimed = Application.objects.filter(pk=application.pk, email_confirmed_at__isnull=True).update(
        email_confirmed_at=timezone.now(), confirmation_token_hash=""
    )
    if claimed != 1:
        return None  # the same link opened twice at once
    application.refresh_from_db()
    send_templated(
        to=application.contact_email,
        language=application.language,
        template="emails/application_received",
        context={"application": application, "programme": region.programme_name},
        region=region,
    )
    link = settings.SITE_URL + reverse("staff:application_detail", args=[application.pk])
    for advisor in advisors_for_region(region.pk):
        send_templated(
            to=advisor.email,
            language=advisor.language or region.default_language,
            template="emails/application_new",
            context={"application": application, "link": link},
            region=region,
        )
    return application


def existing_organisation(application: Application) -> Organisation | None:
    """An application for a known organisation number joins that organisation."""
    return Organisation.objects.filter(
        country_id=application.region.country_id,
        organisation_number=application.organisation_number,
    ).first()


def _claim(application: Application, status: str, actor: User, **fields) -> Application:
    """Decide a pending application exactly once, even if two people click at once."""
    updated = Application.objects.filter(pk=application.pk, status="pending").update(
        status=status, decided_by=actor, decided_at=timezone.now(), **fields
    )
    if updated != 1:
        raise ValidationError(_("This application has already been decided."))
    application.refresh_from_db()
    return application


def _location_for(organisation: Organisation, application: Application) -> Location:
    location = (
        Location.objects.filter(organisation=organisation, region=application.region)
        .annotate(lower_name=Lower("name"))
        .filter(lower_name=application.location_name.lower())
        .first()
    )
    if location is None:
        location = Location.objects.create(
            organisation=organisation,
            region=application.region,
            name=application.location_name,
            street_address=application.street_address,
            postcode=application.postcode,
            municipality=application.municipality,
            employee_count=application.employee_count,
        )
    return location


def _billing_from(application: Application, organisation: Organisation, actor: User) -> None:
    """The billing data of the application, where the organisation has none yet (a known
    company keeps the data it gave before). The address is taken whole or not at all."""
    has_address = bool(organisation.invoice_street or organisation.invoice_city)
    data = {
        name: getattr(application, name)
        for name in APPLICATION_BILLING_FIELDS
        if getattr(application, name)
        and not getattr(organisation, name)
        and not (has_address and name in BILLING_ADDRESS_FIELDS)
    }
    if data:
        organisation_billing_update(
            organisation=organisation, actor=actor, data=data, region_id=application.region_id
        )
        organisation.refresh_from_db()


@transaction.atomic
def application_approve(
    *, application: Application, actor: User, advisor: User | None = None
) -> Membership:
    """Create (or reuse) the organisation and location, open the membership, invite the contact."""
    region = application.region
    application = _claim(application, Application.Status.APPROVED, actor)
    organisation = existing_organisation(application)
    if organisation is None:
        organisation = Organisation.objects.create(
            name=application.company_name,
            country_id=region.country_id,
            organisation_number=application.organisation_number,
            sector=application.sector,
            is_finance_sector=application.sector == "finance",
        )
    _billing_from(application, organisation, actor)
    location = _location_for(organisation, application)
    if Membership.objects.filter(location=location).exclude(status="ended").exists():
        raise ValidationError(_("This workplace is already a member of the programme."))
    membership = membership_approved_create(
        actor=actor,
        location=location,
        advisor=advisor,
        note=_("Application approved."),
        logo_consent=application.logo_consent,
    )
    Application.objects.filter(pk=application.pk).update(membership=membership)
    contact_invite(
        actor=actor,
        location=location,
        email=application.contact_email,
        first_name=application.contact_first_name,
        last_name=application.contact_last_name,
        title=application.contact_title,
        phone=application.contact_phone,
        language=application.language,
        primary=True,
    )
    audit_record(
        actor=actor,
        action=CompaniesAction.APPLICATION_APPROVED,
        target=application,
        region_id=region.pk,
        changes={"organisation": organisation.pk, "membership": membership.pk},
    )
    return membership


@transaction.atomic
def application_reject(*, application: Application, actor: User, reason: str) -> Application:
    if not reason.strip():
        raise ValidationError(_("Give a reason; the applicant receives it."))
    application = _claim(
        application, Application.Status.REJECTED, actor, rejection_reason=reason.strip()
    )
    send_templated(
        to=application.contact_email,
        language=application.language,
        template="emails/application_rejected",
        context={"application": application, "programme": application.region.programme_name},
        region=application.region,
    )
    audit_record(
        actor=actor,
        action=CompaniesAction.APPLICATION_REJECTED,
        target=application,
        region_id=application.region_id,
    )
    return application
