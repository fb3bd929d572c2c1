"""Billing data has screens: staff on the member page, the contact person on Min side and
the applicant on the public form. Bad data is refused with a message and changes nothing;
every change is in the audit trail."""

import pytest
from django.urls import reverse

from pendel.accounts.factories import make_contact
from pendel.companies.models import Application, Membership, Organisation
from pendel.companies.services import application_approve
from pendel.companies.tests.conftest import APPLICATION_FORM
from pendel.core.audit import audit_sentence
from pendel.core.models import AuditEvent

BILLING = {
    "invoice_street": "Postboks 300",
    "invoice_postcode": "1601",
    "invoice_city": "Fredrikstad",
    "invoice_country": "NO",
    "invoice_email": "Faktura@fisk.example.com",
    "vat_number": "",
    "invoice_reference": "HR-1",
    "invoice_order_reference": "",
    "peppol_id": "",
}


@pytest.fixture
def member(world):
    world.company.organisation_number = "923609016"
    world.company.save()
    return Membership.objects.create(location=world.location, status="active")


def test_staff_edit_billing_data_on_the_member_page(member, world, client):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:member_detail", args=[member.pk])).content.decode()
    assert "No e-invoice route" in page
    data = {**BILLING, "vat_number": "923 609 016", "peppol_id": "0192:923 609 016"}
    response = client.post(reverse("staff:member_billing", args=[member.pk]), data)
    assert response.status_code == 302
    company = Organisation.objects.get(pk=world.company.pk)
    assert company.vat_number == "NO923609016MVA"
    assert company.peppol_id == "0192:923609016"
    assert company.invoice_email == "faktura@fisk.example.com"
    page = client.get(reverse("staff:member_detail", args=[member.pk])).content.decode()
    assert "Peppol e-invoice to 0192:923609016" in page
    event = AuditEvent.objects.get(action="organisation.billing_changed")
    assert event.actor == world.advisor
    assert event.changes["fields"]["vat_number"] == ["", "NO923609016MVA"]
    assert event.region_id == world.region.pk
    sentence = audit_sentence(event)
    assert sentence.startswith("Billing details of Fredrikstad Fisk AS changed")
    assert "VAT number: “” → “NO923609016MVA”" in sentence


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("vat_number", "NO923609017MVA", "valid check digit"),
        ("vat_number", "NO987654325MVA", "must contain the organisation number"),
        ("peppol_id", "923609016", "scheme, a colon"),
        ("invoice_city", "", "needs a street, a postcode and a city"),
        ("invoice_email", "faktura@", "valid email"),
    ],
)
def test_bad_billing_data_is_refused_and_changes_nothing(
    member, world, client, field, value, message
):
    client.force_login(world.advisor)
    response = client.post(
        reverse("staff:member_billing", args=[member.pk]), {**BILLING, field: value}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    company = Organisation.objects.get(pk=world.company.pk)
    assert (company.invoice_street, company.vat_number, company.peppol_id) == ("", "", "")
    assert not AuditEvent.objects.filter(action="organisation.billing_changed").exists()


def test_outsiders_and_the_dual_role_persona_cannot_edit_it(member, world, client):
    url = reverse("staff:member_billing", args=[member.pk])
    for user in (world.other_advisor, world.contact, world.other_contact):
        client.force_login(user)
        assert client.post(url, BILLING).status_code == 404
    # Mari is staff of this region: allowed there, but not for her own company elsewhere.
    client.force_login(world.staff_and_contact)
    assert client.get(url).status_code == 200
    third = Membership.objects.create(location=world.third_location, status="active")
    assert client.get(reverse("staff:member_billing", args=[third.pk])).status_code == 404
    assert Organisation.objects.get(pk=world.company.pk).invoice_street == ""


def test_a_company_in_several_regions_is_the_coordinator_s(member, world, client):
    # Fredrikstad Fisk also has a workplace in Nord-Jæren: its billing data is for everyone.
    world.company.locations.create(region=world.third_region, name="Sandnes")
    client.force_login(world.advisor)
    page = client.get(reverse("staff:member_detail", args=[member.pk])).content.decode()
    assert "changed by the coordinator" in page
    assert client.get(reverse("staff:member_billing", args=[member.pk])).status_code == 404
    client.force_login(world.coordinator)
    url = reverse("staff:member_billing", args=[member.pk])
    assert client.post(url, BILLING).status_code == 302


def test_staff_name_an_invoice_contact_among_the_contact_persons(member, world, client):
    finance = make_contact(world.location, email="regnskap@fisk.example.com")
    client.force_login(world.advisor)
    url = reverse("staff:member_invoice_contact", args=[member.pk])
    client.post(url, {"invoice_contact": world.other_contact.pk})  # not theirs: refused
    assert Organisation.objects.get(pk=world.company.pk).invoice_contact is None
    client.post(url, {"invoice_contact": finance.pk})
    assert Organisation.objects.get(pk=world.company.pk).invoice_contact == finance
    page = client.get(reverse("staff:member_detail", args=[member.pk])).content.decode()
    assert "regnskap@fisk.example.com" in page
    assert AuditEvent.objects.filter(action="organisation.invoice_contact_changed").count() == 1


def test_the_contact_person_edits_billing_data_on_min_side(member, world, client):
    client.force_login(world.contact)
    url = reverse("company:billing_details")
    assert "No e-invoice route" in client.get(url).content.decode()
    response = client.post(url, {**BILLING, "vat_number": "NO923609017MVA"})
    assert response.status_code == 400
    assert Organisation.objects.get(pk=world.company.pk).invoice_email == ""
    assert client.post(url, BILLING).status_code == 302
    page = client.get(url).content.decode()
    assert "Email with PDF and XML to faktura@fisk.example.com" in page


def test_once_there_is_an_invoice_contact_only_they_change_it(member, world, client):
    finance = make_contact(world.location, email="regnskap@fisk.example.com")
    Organisation.objects.filter(pk=world.company.pk).update(invoice_contact=finance)
    client.force_login(world.contact)
    url = reverse("company:billing_details")
    assert "invoice contact can change these details" in client.get(url).content.decode()
    assert client.post(url, BILLING).status_code == 404
    client.force_login(finance)
    assert client.post(url, BILLING).status_code == 302


def test_min_side_shows_only_the_chosen_company(world, client):
    # Mari acts for Sandnes Sykkel; Fredrikstad Fisk's data is not hers.
    Organisation.objects.filter(pk=world.company.pk).update(invoice_email="hemmelig@fisk.no")
    client.force_login(world.staff_and_contact)
    response = client.get(reverse("company:billing_details"))
    assert response.status_code == 200
    assert "hemmelig@fisk.no" not in response.content.decode()


def test_the_application_asks_for_billing_data(world, client):
    url = reverse("portal:application_create", args=[world.region.slug])
    data = {**APPLICATION_FORM, "invoice_email": "", "vat_number": "NO923609017MVA"}
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "valid check digit" in body
    assert not Application.objects.exists()
    client.post(url, {**APPLICATION_FORM, "vat_number": "923609016"})
    application = Application.objects.get()
    assert application.vat_number == "NO923609016MVA"
    assert application.invoice_email == "faktura@bakeri.example.no"


def test_approval_carries_the_billing_data_onto_the_organisation(application, world):
    Application.objects.filter(pk=application.pk).update(vat_number="NO923609016MVA")
    application.refresh_from_db()
    membership = application_approve(application=application, actor=world.advisor)
    organisation = membership.location.organisation
    assert (organisation.invoice_street, organisation.invoice_city) == ("Postboks 12", "Sarpsborg")
    assert organisation.invoice_country == "NO"
    assert organisation.invoice_email == "Faktura@bakeri.example.no"
    assert organisation.vat_number == "NO923609016MVA"


def test_approval_keeps_a_known_company_s_billing_data(application, world):
    world.company.organisation_number = "923609016"
    world.company.invoice_street, world.company.invoice_city = "Fiskebrygga 1", "Fredrikstad"
    world.company.save()
    membership = application_approve(application=application, actor=world.advisor)
    organisation = membership.location.organisation
    assert organisation.pk == world.company.pk
    assert organisation.invoice_street == "Fiskebrygga 1"
    assert organisation.invoice_email == "Faktura@bakeri.example.no"  # was empty


def test_staff_see_the_applicant_s_billing_data(application, world, client):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:application_detail", args=[application.pk]))
    assert "Faktura@bakeri.example.no" in page.content.decode()
    assert "Postboks 12" in page.content.decode()
