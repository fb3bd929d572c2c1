"""The member page's history reads as sentences in the reader's language, one per event."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from pendel.accounts.models import Role
from pendel.companies.audit import membership_history
from pendel.companies.services import (
    membership_assign_advisor,
    membership_transition,
    membership_update_terms,
)
from pendel.companies.services.contacts import contact_set_primary


def terms(world, membership, **data):
    membership_update_terms(membership=membership, actor=world.advisor, data=data)


@pytest.fixture
def history(world, membership):
    """Every kind of change the page shows, oldest first."""
    terms(
        world,
        membership,
        agreement_signed_by="Jenny Fredriksen",
        agreement_signed_on=date(2026, 10, 2),
    )
    membership_transition(membership=membership, to_status="active", actor=world.advisor)
    terms(world, membership, fee_basis="per_employee_month", fee_amount=Decimal("10.00"))
    terms(world, membership, logo_consent=True, agreement_version="2026-1")
    membership_assign_advisor(membership=membership, advisor=None, actor=world.advisor)
    role = Role.objects.get(user=world.contact, location=world.location)
    contact_set_primary(role=role, actor=world.advisor)
    return membership


def sentences(membership, language: str) -> list[str]:
    with translation.override(language):
        return [line.sentence for line in reversed(membership_history(membership))]


def test_the_history_reads_as_english_sentences(world, history):
    assert sentences(history, "en") == [
        "Agreement signed by Jenny Fredriksen on 2 October 2026.",
        "Membership became active.",
        "Membership fee NOK\xa010.00, per employee per month.",
        "Agreement version 2026-1. The company's logo may be shown on the programme's pages.",
        f"{world.advisor} is no longer the advisor.",
        f"{world.contact} became the primary contact.",
    ]


def test_the_history_reads_as_norwegian_sentences(world, history):
    assert sentences(history, "nb") == [
        "Avtalen ble signert av Jenny Fredriksen 2. oktober 2026.",
        "Medlemskapet ble aktivt.",
        "Medlemsavgift kr\xa010,00, per ansatt per måned.",
        "Avtaleversjon 2026-1. Bedriftens logo kan vises på programmets nettsider.",
        f"{world.advisor} er ikke lenger rådgiver.",
        f"{world.contact} ble fast kontaktperson.",
    ]


def test_status_changes_and_a_new_advisor_have_their_own_sentences(world, membership):
    membership_transition(membership=membership, to_status="ended", actor=world.advisor)
    membership.advisor = None
    membership.save()
    membership_assign_advisor(membership=membership, advisor=world.advisor, actor=world.advisor)
    with translation.override("sv"):
        assert [line.sentence for line in membership_history(membership)] == [
            f"{world.advisor} blev rådgivare.",
            "Medlemskapet avslutades.",
        ]


def test_the_member_page_shows_sentences_not_field_names(client, world, history):
    world.advisor.language = "en"
    world.advisor.save()
    client.force_login(world.advisor)
    page = client.get(reverse("staff:member_detail", args=[history.pk])).content.decode()
    shown = page.split('<ol class="history">')[1].split("</ol>")[0]
    assert "Agreement signed by Jenny Fredriksen on 2 October 2026." in shown
    assert "agreement_signed_by" not in shown and "fee_amount" not in shown
    assert shown.count("<li>") == 6
