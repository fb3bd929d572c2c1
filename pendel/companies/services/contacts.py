from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from pendel.accounts import emails
from pendel.accounts.models import Role, User
from pendel.companies.audit import CompaniesAction
from pendel.companies.models import ContactInvitation, Location, Membership, MembershipEvent
from pendel.companies.tasks import send_contact_invitation, token_hash
from pendel.core.audit import audit_record
from pendel.core.tasks import enqueue_after_commit

INVITATION_VALID = timedelta(days=14)


def is_staff_account(user: User) -> bool:
    """Advisors, region staff, the coordinator and superusers: never added by a company."""
    return (
        user.is_superuser
        or user.is_staff
        or user.roles.filter(kind__in=[Role.Kind.COORDINATOR, Role.Kind.REGION_STAFF]).exists()
    )


def user_create_invited(*, email: str, first_name: str, last_name: str, language: str) -> User:
    """A new user without a password (chosen from the invitation)."""
    user = User(email=email, first_name=first_name, last_name=last_name, language=language)
    user.set_unusable_password()
    user.save()
    return user


def notify_contact(*, user: User, location: Location, inviter: str) -> None:
    organisation, region = location.organisation.name, location.region
    if user.has_usable_password():
        emails.send_access_granted(user=user, organisation=organisation, region=region)
    else:
        emails.send_invitation(user=user, organisation=organisation, region=region, inviter=inviter)


@transaction.atomic
def contact_invite(
    *,
    actor: User,
    location: Location,
    email: str,
    first_name: str,
    last_name: str,
    title: str = "",
    phone: str = "",
    language: str = "",
    primary: bool = False,
) -> Role:
    """Make someone a contact person of a location and mail them how to log in.

    A new email gets an account and the role at once, with a link to choose a password. An
    existing account gets nothing but a mail asking its owner to accept (see
    `contact_invitation_accept`): a company cannot attach someone else's account. Staff
    accounts cannot be added by a company at all."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        return contact_invitation_create(
            actor=actor, location=location, user=user, title=title, phone=phone, primary=primary
        )
    user = user_create_invited(
        email=email,
        first_name=first_name,
        last_name=last_name,
        language=language or location.region.default_language,
    )
    role = _contact_role_create(
        user=user, location=location, title=title, phone=phone, primary=primary
    )
    audit_record(
        actor=actor,
        action=CompaniesAction.CONTACT_INVITED,
        target=location,
        region_id=location.region_id,
        changes={"email": user.email},
    )
    notify_contact(user=user, location=location, inviter=str(actor) if actor else "")
    return role


def _contact_role_create(*, user, location, title: str, phone: str, primary: bool) -> Role:
    if Role.objects.filter(user=user, kind=Role.Kind.CONTACT_PERSON, location=location).exists():
        raise ValidationError(
            _("%(email)s is already a contact person here.") % {"email": user.email}
        )
    has_primary = Role.objects.filter(location=location, is_primary=True).exists()
    role = Role.objects.create(
        user=user,
        kind=Role.Kind.CONTACT_PERSON,
        location=location,
        title=title,
        phone=phone,
        is_primary=primary or not has_primary,
    )
    return role


def contact_invitation_create(
    *, actor, location: Location, user: User, title: str, phone: str, primary: bool = False
) -> ContactInvitation:
    """Ask an existing account to become contact person here; its roles stay as they are."""
    if is_staff_account(user):
        raise ValidationError(
            _(
                "This email address belongs to programme staff and cannot be added as a "
                "contact person. Use another address."
            )
        )
    if Role.objects.filter(user=user, kind=Role.Kind.CONTACT_PERSON, location=location).exists():
        raise ValidationError(
            _("%(email)s is already a contact person here.") % {"email": user.email}
        )
    # A new request replaces one still open: only the newest link works.
    ContactInvitation.objects.filter(
        user=user, location=location, accepted_at__isnull=True
    ).delete()
    invitation = ContactInvitation.objects.create(
        user=user,
        location=location,
        invited_by=actor,
        title=title,
        phone=phone,
        primary=primary,
        expires_at=timezone.now() + INVITATION_VALID,
    )
    audit_record(
        actor=actor,
        action=CompaniesAction.CONTACT_INVITED,
        target=location,
        region_id=location.region_id,
        changes={"email": user.email, "pending": True},
    )
    enqueue_after_commit(send_contact_invitation, invitation_id=invitation.pk)
    return invitation


def contact_invitation_for(*, user: User, token: str) -> ContactInvitation:
    """The open invitation of this link for this user; anyone else, or a link used, expired
    or replaced, gets 404."""
    invitation = (
        ContactInvitation.objects.select_related("location__organisation", "location__region")
        .filter(
            token_hash=token_hash(token),
            user=user,
            accepted_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )
    if not token or invitation is None:
        raise Http404
    return invitation


@transaction.atomic
def contact_invitation_accept(*, user: User, token: str) -> Role:
    """The invited account's owner accepts: now they are contact person of the location."""
    invitation = contact_invitation_for(user=user, token=token)
    claimed = ContactInvitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
        accepted_at=timezone.now(), token_hash=""
    )
    if not claimed:  # the same link accepted twice at once: the other request won
        raise Http404
    role = Role.objects.filter(
        user=user, kind=Role.Kind.CONTACT_PERSON, location=invitation.location
    ).first() or _contact_role_create(
        user=user,
        location=invitation.location,
        title=invitation.title,
        phone=invitation.phone,
        primary=invitation.primary,
    )
    audit_record(
        actor=user,
        action=CompaniesAction.CONTACT_ACCEPTED,
        target=invitation.location,
        region_id=invitation.location.region_id,
        changes={"email": user.email},
    )
    return role


@transaction.atomic
def contact_set_primary(*, role: Role, actor: User) -> Role:
    """The fixed contact person of the location: exactly one."""
    if role.kind != Role.Kind.CONTACT_PERSON:
        raise ValidationError(_("Only a contact person can be the primary contact."))
    Role.objects.filter(location_id=role.location_id, is_primary=True).exclude(pk=role.pk).update(
        is_primary=False
    )
    try:
        Role.objects.filter(pk=role.pk).update(is_primary=True)
    except IntegrityError as error:  # a concurrent change won; nothing half-done remains
        raise ValidationError(_("Someone else changed the contact person. Try again.")) from error
    membership = Membership.objects.filter(location_id=role.location_id).exclude(status="ended")
    MembershipEvent.objects.bulk_create(
        MembershipEvent(
            membership=m,
            kind=MembershipEvent.Kind.CONTACT,
            changes={"primary_contact": str(role.user)},
            actor=actor,
        )
        for m in membership
    )
    role.refresh_from_db()
    return role
