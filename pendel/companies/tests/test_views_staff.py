"""Advisor work: member list and page, terms, notes, follow-ups, national view."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pendel.companies.models import AdvisorNote, Membership


def test_the_member_list_shows_only_the_advisors_region(
    client, world, membership, other_membership
):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:member_list")).content.decode()
    assert "Fredrikstad Fisk AS" in page
    assert "Twentse Tegels" not in page


def test_the_member_list_filters(client, world, membership):
    client.force_login(world.advisor)
    url = reverse("staff:member_list")
    assert "Fredrikstad Fisk AS" in client.get(url, {"status": "approved"}).content.decode()
    assert "Fredrikstad Fisk AS" not in client.get(url, {"status": "active"}).content.decode()
    assert "Fredrikstad Fisk AS" in client.get(url, {"size": "medium"}).content.decode()
    assert "Fredrikstad Fisk AS" not in client.get(url, {"size": "large"}).content.decode()
    assert "Fredrikstad Fisk AS" in client.get(url, {"municipality": "Sarpsborg"}).content.decode()
    assert "Fredrikstad Fisk AS" in client.get(url, {"advisor": world.advisor.pk}).content.decode()
    assert "Fredrikstad Fisk AS" in client.get(url, {"q": "fisk"}).content.decode()


def test_a_nonsense_filter_shows_everything_without_error(client, world, membership):
    client.force_login(world.advisor)
    response = client.get(reverse("staff:member_list"), {"status": "zzz", "advisor": "abc"})
    assert response.status_code == 200


def test_the_member_page_shows_history_contacts_and_notes(client, world, membership):
    client.force_login(world.advisor)
    client.post(
        reverse("staff:member_transition", args=[membership.pk]),
        {"to_status": "ended", "note": "Bedriften flyttet"},
    )
    page = client.get(reverse("staff:member_detail", args=[membership.pk])).content.decode()
    assert "Bedriften flyttet" in page
    assert world.contact.email in page


def test_a_refused_transition_shows_why_and_changes_nothing(client, world, membership):
    client.force_login(world.advisor)
    response = client.post(
        reverse("staff:member_transition", args=[membership.pk]),
        {"to_status": "active"},
        follow=True,
    )
    assert "signed cooperation agreement" in response.content.decode()
    membership.refresh_from_db()
    assert membership.status == "approved"


def test_bad_terms_are_refused_with_a_message(client, world, membership):
    client.force_login(world.advisor)
    response = client.post(
        reverse("staff:member_terms", args=[membership.pk]),
        {"fee_basis": "per_employee_month", "fee_amount": "", "agreement_signed_by": "Kari"},
    )
    assert response.status_code == 400
    assert "Give the fee amount" in response.content.decode()
    membership.refresh_from_db()
    assert membership.fee_basis == "none"


def test_terms_are_saved_from_the_page(client, world, membership):
    client.force_login(world.advisor)
    client.post(
        reverse("staff:member_terms", args=[membership.pk]),
        {
            "agreement_version": "2026-1",
            "agreement_signed_by": "Kari Hansen",
            "agreement_signed_on": "2026-11-02",
            "logo_consent": "on",
            "fee_basis": "per_employee_month",
            "fee_amount": "10",
        },
    )
    membership.refresh_from_db()
    assert membership.agreement_signed and membership.logo_consent
    assert str(membership.fee_amount) == "10.00"


def test_notes_with_follow_up_appear_in_due_this_week(client, world, membership):
    client.force_login(world.advisor)
    today = timezone.localdate()
    client.post(
        reverse("staff:member_note_create", args=[membership.pk]),
        {
            "kind": "call",
            "happened_on": today.isoformat(),
            "text": "Ring om RVU",
            "follow_up_on": today.isoformat(),
        },
    )
    AdvisorNote.objects.create(
        membership=membership,
        author=world.advisor,
        happened_on=today,
        text="Neste måned",
        follow_up_on=today + timedelta(days=40),
    )
    page = client.get(reverse("staff:followups")).content.decode()
    assert "Ring om RVU" in page
    assert "Neste måned" not in page
    note = AdvisorNote.objects.get(text="Ring om RVU")
    client.post(reverse("staff:note_done", args=[note.pk]))
    assert "Ring om RVU" not in client.get(reverse("staff:followups")).content.decode()


def test_the_national_view_is_for_the_coordinator(client, world, membership, other_membership):
    client.force_login(world.advisor)
    assert client.get(reverse("staff:national_overview")).status_code == 404
    client.force_login(world.coordinator)
    response = client.get(reverse("staff:national_overview"))
    regions = {r.slug: r for r in response.context["regions"]}
    assert regions["nedre-glomma"].member_companies == 1
    assert regions["nedre-glomma"].member_employees == 120
    assert response.context["totals"]["member_companies"] == 2


MEMBER_VIEWS = [
    ("get", "staff:member_detail"),
    ("post", "staff:member_transition"),
    ("post", "staff:member_terms"),
    ("post", "staff:member_advisor"),
    ("post", "staff:member_note_create"),
]


@pytest.mark.parametrize(("method", "name"), MEMBER_VIEWS)
def test_another_regions_advisor_gets_404_on_every_member_view(
    client, world, membership, method, name
):
    client.force_login(world.other_advisor)
    response = getattr(client, method)(reverse(name, args=[membership.pk]), {"to_status": "ended"})
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.status == "approved"


@pytest.mark.parametrize(("method", "name"), MEMBER_VIEWS)
def test_a_contact_person_gets_404_on_staff_member_views(client, world, membership, method, name):
    client.force_login(world.contact)
    assert getattr(client, method)(reverse(name, args=[membership.pk])).status_code == 404


def test_outsiders_cannot_touch_notes_or_contacts(client, world, membership):
    note = AdvisorNote.objects.create(
        membership=membership,
        author=world.advisor,
        happened_on=timezone.localdate(),
        text="x",
        follow_up_on=timezone.localdate(),
    )
    role = world.contact.roles.get()
    client.force_login(world.other_advisor)
    assert client.post(reverse("staff:note_done", args=[note.pk])).status_code == 404
    assert client.post(reverse("staff:contact_set_primary", args=[role.pk])).status_code == 404
    assert "x" not in [
        n.text for n in client.get(reverse("staff:followups") + "?all=1").context["notes"]
    ]
    note.refresh_from_db()
    assert note.follow_up_done_at is None


@pytest.mark.parametrize("name", ["staff:member_list", "staff:followups", "staff:application_list"])
def test_list_pages_need_staff(client, world, name):
    client.force_login(world.contact)
    assert client.get(reverse(name)).status_code == 404


def test_membership_is_one_open_per_location(world, membership):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(location=world.location, status="applied")
