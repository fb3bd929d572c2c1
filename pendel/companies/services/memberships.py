from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pendel.accounts.models import Role, User
from pendel.companies.models import (
    TRANSITIONS,
    AdvisorNote,
    Membership,
    MembershipEvent,
    MembershipStatus,
)
from pendel.core.dates import region_today

TERM_FIELDS = [
    "agreement_version",
    "agreement_signed_by",
    "agreement_signed_on",
    "logo_consent",
    "story_consent",
    "fee_basis",
    "fee_amount",
]


def _locked(membership: Membership) -> Membership:
    return (
        Membership.objects.select_for_update()
        .select_related("location__region")
        .get(pk=membership.pk)
    )


@transaction.atomic
def membership_transition(
    *, membership: Membership, to_status: str, actor: User | None, note: str = ""
) -> Membership:
    """Move a membership along its lifecycle; the history records who did it and why."""
    membership = _locked(membership)
    current = MembershipStatus(membership.status)
    target = MembershipStatus(to_status)
    if target not in TRANSITIONS[current]:
        raise ValidationError(
            _("A membership that is %(current)s cannot become %(target)s.")
            % {"current": current.label.lower(), "target": target.label.lower()}
        )
    if target == MembershipStatus.ACTIVE and not membership.agreement_signed:
        raise ValidationError(
            _("Record the signed cooperation agreement before the membership becomes active.")
        )
    today = region_today(membership.location.region)
    if target == MembershipStatus.ACTIVE and not membership.joined_on:
        membership.joined_on = today
    membership.ended_on = today if target == MembershipStatus.ENDED else None
    membership.status = target
    membership.save(update_fields=["status", "joined_on", "ended_on", "updated_at"])
    MembershipEvent.objects.create(
        membership=membership,
        kind=MembershipEvent.Kind.STATUS,
        from_status=current,
        to_status=target,
        note=note,
        actor=actor,
    )
    return membership


def _json(value):
    return value if isinstance(value, bool | int | type(None)) else str(value)


@transaction.atomic
def membership_update_terms(*, membership: Membership, actor: User, data: dict) -> Membership:
    membership = _locked(membership)
    changes = {
        name: [_json(getattr(membership, name)), _json(value)]
        for name, value in data.items()
        if name in TERM_FIELDS and getattr(membership, name) != value
    }
    if not changes:
        return membership
    for name in changes:
        setattr(membership, name, data[name])
    membership.full_clean()
    membership.save(update_fields=[*changes, "updated_at"])
    MembershipEvent.objects.create(
        membership=membership, kind=MembershipEvent.Kind.TERMS, changes=changes, actor=actor
    )
    return membership


def advisors_for_region(region_id: int):
    return User.objects.filter(
        is_active=True, roles__kind=Role.Kind.REGION_STAFF, roles__region_id=region_id
    ).distinct()


@transaction.atomic
def membership_assign_advisor(
    *, membership: Membership, advisor: User | None, actor: User
) -> Membership:
    membership = _locked(membership)
    region_id = membership.location.region_id
    if advisor and not advisors_for_region(region_id).filter(pk=advisor.pk).exists():
        raise ValidationError(_("The advisor must work in this member's region."))
    old = membership.advisor
    if old == advisor:
        return membership
    membership.advisor = advisor
    membership.save(update_fields=["advisor", "updated_at"])
    MembershipEvent.objects.create(
        membership=membership,
        kind=MembershipEvent.Kind.ADVISOR,
        changes={"advisor": [str(old) if old else None, str(advisor) if advisor else None]},
        actor=actor,
    )
    return membership


def note_create(*, membership: Membership, author: User, data: dict) -> AdvisorNote:
    note = AdvisorNote(membership=membership, author=author, **data)
    note.full_clean()
    note.save()
    return note


def note_mark_done(*, note: AdvisorNote, actor: User) -> AdvisorNote:
    """Idempotent: a follow-up already done keeps its first date."""
    AdvisorNote.objects.filter(pk=note.pk, follow_up_done_at__isnull=True).update(
        follow_up_done_at=timezone.now()
    )
    note.refresh_from_db()
    return note


def membership_approved_create(*, actor, location, advisor, note: str, logo_consent=False):
    """A new member's membership, approved, on the region's fee terms and agreement version,
    with the event that opens its history: one home for the staff's direct add and for an
    approved application."""
    region = location.region
    membership = Membership.objects.create(
        location=location,
        status=MembershipStatus.APPROVED,
        advisor=advisor,
        logo_consent=logo_consent,
        fee_basis=region.fee_basis,
        fee_amount=region.fee_amount,
        agreement_version=region.agreement_version,
    )
    MembershipEvent.objects.create(
        membership=membership,
        kind=MembershipEvent.Kind.STATUS,
        from_status=MembershipStatus.APPLIED,
        to_status=MembershipStatus.APPROVED,
        note=note,
        actor=actor,
    )
    return membership
