from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from pendel.accounts import emails
from pendel.accounts.models import Role, User
from pendel.companies.audit import CompaniesAction
from pendel.companies.models import Location, Membership, MembershipEvent
from pendel.core.audit import audit_record


def user_get_or_invite(*, email: str, first_name: str, last_name: str, language: str) -> User:
    """The user with this email, or a new one without a password (set from the invitation)."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(email=email, first_name=first_name, last_name=last_name, language=language)
        user.set_unusable_password()
        user.save()
    return user


def notify_contact(*, user: User, location: Location, inviter: str) -> None:
    organisation, programme = location.organisation.name, location.region.programme_name
    if user.has_usable_password():
        emails.send_access_granted(user=user, organisation=organisation, programme=programme)
    else:
        emails.send_invitation(
            user=user, organisation=organisation, programme=programme, inviter=inviter
        )


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
    """Make someone a contact person of a location and mail them how to log in."""
    user = user_get_or_invite(
        email=email,
        first_name=first_name,
        last_name=last_name,
        language=language or location.region.default_language,
    )
    if Role.objects.filter(user=user, kind=Role.Kind.CONTACT_PERSON, location=location).exists():
        raise ValidationError(_("%(email)s is already a contact person here.") % {"email": email})
    has_primary = Role.objects.filter(location=location, is_primary=True).exists()
    role = Role.objects.create(
        user=user,
        kind=Role.Kind.CONTACT_PERSON,
        location=location,
        title=title,
        phone=phone,
        is_primary=primary or not has_primary,
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
