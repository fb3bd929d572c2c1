"""Issue 14: the staff member page opens with a summary — the status timeline, survey
rates (only where the minimum group size allows), invoices with money owed, documents —
and keeps its editing behind actions that work without JavaScript."""

import pytest
from django.urls import reverse

from pendel.companies.models import MembershipEvent
from pendel.documents.models import Document
from pendel.portal.tests.test_min_side_next_steps import open_wave
from pendel.portal.tests.test_staff_start import invoice, member


def member_page(client, user, membership) -> str:
    client.force_login(user)
    response = client.get(reverse("staff:member_detail", args=[membership.pk]))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


@pytest.mark.django_db
def test_the_summary_tells_status_surveys_invoices_and_documents(client, world):
    membership = member(world.region, "Sammendrag AS", advisor=world.advisor)
    MembershipEvent.objects.create(
        membership=membership,
        kind="status",
        from_status="approved",
        to_status="active",
        actor=world.advisor,
    )
    open_wave(membership.location, delivered=20, answered=5)
    invoice(membership, due_days_ago=10, total="800.00", paid="300.00")
    invoice(membership, due_days_ago=-10, total="200.00")
    invoice(membership, due_days_ago=40, total="100.00", paid="100.00")
    Document.objects.create(
        organisation=membership.location.organisation,
        location=membership.location,
        region=world.region,
        title="Reiseplan 2026",
        category=Document.Category.ACTIVITY_PLAN,
        file="documents/plan.pdf",
        original_filename="plan.pdf",
        content_type="application/pdf",
        size=1000,
        uploaded_by=world.advisor,
    )
    page = member_page(client, world.advisor, membership)
    summary = page[page.index('id="status-heading"') : page.index('id="notes-heading"')]
    timeline = summary[summary.index('class="timeline"') : summary.index("</ol>")]
    assert "<li>" in timeline
    assert "below the threshold" in summary
    invoices = summary[summary.index('id="invoices-heading"') : summary.index("All invoices")]
    assert '<span class="count">2</span>' in invoices  # the paid one owes nothing
    assert "1 overdue" in invoices
    assert "Reiseplan 2026" in summary
    # The editing is behind actions: folded, and each a plain form that posts.
    assert "<summary>Change status</summary>" in page
    assert "<summary>Invite a contact person</summary>" in page
    assert f'action="{reverse("staff:member_terms", args=[membership.pk])}"' in page


@pytest.mark.django_db
def test_a_survey_of_four_shows_no_rate_on_the_member_page(client, world):
    membership = member(world.region, "Fire Ansatte AS", advisor=world.advisor)
    open_wave(membership.location, delivered=4, answered=3)
    page = member_page(client, world.advisor, membership)
    assert "No rate yet: fewer than 5 reached" in page
    assert "75 %" not in page


@pytest.mark.django_db
def test_another_regions_member_page_is_not_found(client, world):
    elsewhere = member(world.other_region, "Buitenstaander B.V.")
    client.force_login(world.staff_and_contact)
    assert client.get(reverse("staff:member_detail", args=[elsewhere.pk])).status_code == 404


@pytest.mark.django_db
def test_a_refused_invitation_opens_its_folded_form_with_the_errors(client, world):
    membership = member(world.region, "Invitasjon AS", advisor=world.advisor)
    client.force_login(world.advisor)
    url = reverse("staff:member_contact_invite", args=[membership.pk])
    response = client.post(url, {"email": "not an address", "first_name": ""})
    assert response.status_code == 400
    page = " ".join(response.content.decode().split())
    assert 'id="invite-contact" open>' in page
    assert not membership.location.roles.exists()
