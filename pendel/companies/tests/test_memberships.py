from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pendel.companies.models import MembershipEvent
from pendel.companies.services import (
    membership_assign_advisor,
    membership_transition,
    membership_update_terms,
)


def sign(membership, actor):
    return membership_update_terms(
        membership=membership,
        actor=actor,
        data={
            "agreement_version": "2026-1",
            "agreement_signed_by": "Kari Hansen",
            "agreement_signed_on": date(2026, 11, 2),
        },
    )


def test_an_approved_member_becomes_active_once_the_agreement_is_signed(world, membership):
    with pytest.raises(ValidationError, match="signed cooperation agreement"):
        membership_transition(membership=membership, to_status="active", actor=world.advisor)
    membership.refresh_from_db()
    assert membership.status == "approved"

    sign(membership, world.advisor)
    membership = membership_transition(
        membership=membership, to_status="active", actor=world.advisor
    )
    assert membership.status == "active"
    assert membership.joined_on is not None
    event = membership.events.filter(kind="status").first()
    assert (event.from_status, event.to_status, event.actor) == (
        "approved",
        "active",
        world.advisor,
    )


def test_an_ended_membership_cannot_come_back(world, membership):
    membership_transition(
        membership=membership, to_status="ended", actor=world.advisor, note="Flyttet"
    )
    membership.refresh_from_db()
    assert membership.ended_on is not None
    with pytest.raises(ValidationError):
        membership_transition(membership=membership, to_status="active", actor=world.advisor)


def test_changing_terms_records_old_and_new_values(world, membership):
    membership_update_terms(
        membership=membership,
        actor=world.advisor,
        data={
            "fee_basis": "per_employee_month",
            "fee_amount": Decimal("10.00"),
            "logo_consent": True,
        },
    )
    event = MembershipEvent.objects.get(kind="terms")
    assert event.actor == world.advisor
    assert event.changes["fee_amount"] == [None, "10.00"]
    assert event.changes["logo_consent"] == [False, True]


def test_saving_the_same_terms_adds_no_history(world, membership):
    membership_update_terms(
        membership=membership, actor=world.advisor, data={"logo_consent": False}
    )
    assert not MembershipEvent.objects.exists()


def test_the_advisor_must_work_in_the_members_region(world, membership):
    with pytest.raises(ValidationError):
        membership_assign_advisor(
            membership=membership, advisor=world.other_advisor, actor=world.advisor
        )
    membership.refresh_from_db()
    assert membership.advisor == world.advisor
