import pytest
from django.core import mail
from django.urls import reverse

from pendel.accounts.models import Role, User
from pendel.companies.forms import LocationForm
from pendel.companies.models import Application, Location, Membership, Organisation
from pendel.companies.services import application_approve, application_reject
from pendel.companies.tests.conftest import APPLICATION_FORM, confirmation_path


@pytest.mark.django_db(transaction=True)
def test_the_public_form_creates_an_application_and_mails_both_sides(client, world):
    url = reverse("portal:application_create", args=[world.region.slug])
    response = client.post(url, APPLICATION_FORM, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.organisation_number == "923609016"
    assert application.contact_phone == "+4791234567"
    assert application.contact_email == "kari.hansen@bakeri.example.no"
    assert application.language == "nb"
    # Only the confirmation link goes out; both sides hear once it is opened.
    assert [m.to for m in mail.outbox] == [["kari.hansen@bakeri.example.no"]]
    client.post(confirmation_path(mail.outbox[0]))
    recipients = sorted(m.to[0] for m in mail.outbox[1:])
    # Every staff member of the region is told, the dual-role Mari too.
    assert recipients == [
        "advisor@example.com",
        "kari.hansen@bakeri.example.no",
        "mari@example.com",
    ]
    thanks = next(m for m in mail.outbox[1:] if m.to == ["kari.hansen@bakeri.example.no"])
    assert "Takk" in thanks.body


def test_a_bad_organisation_number_is_explained_and_nothing_is_stored(client, world):
    url = reverse("portal:application_create", args=[world.region.slug])
    data = {**APPLICATION_FORM, "organisation_number": "923609017"}
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 200
    assert "ni sifre" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_bad_phone_number_is_refused(client, world):
    url = reverse("portal:application_create", args=[world.region.slug])
    response = client.post(url, {**APPLICATION_FORM, "contact_phone": "12"})
    assert "Enter a valid phone number." in response.content.decode()
    assert Application.objects.count() == 0


def test_a_made_up_postcode_is_refused_in_the_applicants_language(client, world):
    url = reverse("portal:application_create", args=[world.region.slug])
    for postcode in ["ABCD", "0000"]:
        data = {**APPLICATION_FORM, "postcode": postcode, "municipality": ""}
        response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="nb")
        assert response.status_code == 200
        page = response.content.decode()
        assert "Skriv postnummeret med fire sifre" in page or "0000 finnes ikke" in page
    assert Application.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_town_is_filled_in_from_the_postcode_when_left_empty(client, world):
    url = reverse("portal:application_create", args=[world.region.slug])
    data = {**APPLICATION_FORM, "postcode": " 1706 ", "municipality": ""}
    assert client.post(url, data, HTTP_ACCEPT_LANGUAGE="nb").status_code == 302
    application = Application.objects.get()
    assert (application.postcode, application.municipality) == ("1706", "Sarpsborg")


def test_a_dutch_programme_wants_a_dutch_postcode(client, world):
    url = reverse("portal:application_create", args=[world.other_region.slug])
    data = {**APPLICATION_FORM, "organisation_number": "12345670", "postcode": "1706"}
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="nl")
    assert "Schrijf de postcode als vier cijfers en twee letters" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_filled_honeypot_stores_nothing(client, world):
    url = reverse("portal:application_create", args=[world.region.slug])
    client.post(url, {**APPLICATION_FORM, "homepage": "http://spam.example.com"})
    assert Application.objects.count() == 0


def test_an_inactive_programme_takes_no_applications(client, world):
    world.region.is_active = False
    world.region.save()
    url = reverse("portal:application_create", args=[world.region.slug])
    assert client.get(url).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_approval_creates_the_member_and_invites_the_contact(client, world, application):
    membership = application_approve(application=application, actor=world.advisor)
    assert membership.status == "approved"
    assert membership.location.organisation.organisation_number == "923609016"
    assert membership.logo_consent is True
    contact = User.objects.get(email="kari.hansen@bakeri.example.no")
    assert not contact.has_usable_password()
    role = Role.objects.get(user=contact)
    assert (role.location, role.is_primary) == (membership.location, True)
    invitation = mail.outbox[-1]
    assert invitation.to == [contact.email]
    link = next(line for line in invitation.body.splitlines() if "/accounts/invitation/" in line)
    response = client.get(link.split("8000", 1)[1], follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(form_url, {"new_password1": "ny-hemmelig-123", "new_password2": "ny-hemmelig-123"})
    assert client.login(username=contact.email, password="ny-hemmelig-123")
    assert client.get(reverse("company:home")).status_code == 200


def test_a_known_organisation_number_joins_the_existing_organisation(world, application):
    existing = Organisation.objects.create(
        name="Glomma Bakeri", country_id="NO", organisation_number="923609016"
    )
    membership = application_approve(application=application, actor=world.advisor)
    assert membership.location.organisation == existing
    assert Organisation.objects.filter(organisation_number="923609016").count() == 1


def test_an_application_is_decided_once(world, application):
    application_approve(application=application, actor=world.advisor)
    with pytest.raises(Exception, match="already been decided"):
        application_reject(application=application, actor=world.advisor, reason="no")
    assert Membership.objects.count() == 1


def test_a_workplace_that_is_already_a_member_is_not_approved_twice(world, application):
    organisation = Organisation.objects.create(
        name="Glomma Bakeri", country_id="NO", organisation_number="923609016"
    )
    location = Location.objects.create(
        organisation=organisation, region=world.region, name="Sarpsborg"
    )
    Membership.objects.create(location=location, status="active")
    with pytest.raises(Exception, match="already a member"):
        application_approve(application=application, actor=world.advisor)
    application.refresh_from_db()
    assert application.status == "pending"
    assert Membership.objects.count() == 1
    assert not User.objects.filter(email="kari.hansen@bakeri.example.no").exists()


@pytest.mark.django_db(transaction=True)
def test_rejection_needs_a_reason_and_tells_the_applicant(client, world, application):
    client.force_login(world.advisor)
    url = reverse("staff:application_reject", args=[application.pk])
    client.post(url, {"reason": ""})
    application.refresh_from_db()
    assert application.status == "pending"
    client.post(url, {"reason": "Dere er ikke i vårt område."})
    application.refresh_from_db()
    assert application.status == "rejected"
    assert "Dere er ikke i vårt område." in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["kari.hansen@bakeri.example.no"]


def test_the_advisor_approves_from_the_page(client, world, application):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:application_detail", args=[application.pk]))
    assert "Glomma Bakeri AS" in page.content.decode()
    response = client.post(
        reverse("staff:application_approve", args=[application.pk]),
        {"advisor": world.advisor.pk},
    )
    membership = Membership.objects.get()
    assert response["Location"] == reverse("staff:member_detail", args=[membership.pk])
    assert membership.advisor == world.advisor


def test_another_regions_advisor_cannot_see_or_decide_the_application(client, world, application):
    client.force_login(world.other_advisor)
    assert client.get(reverse("staff:application_detail", args=[application.pk])).status_code == 404
    url = reverse("staff:application_approve", args=[application.pk])
    assert client.post(url, {}).status_code == 404
    url = reverse("staff:application_reject", args=[application.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404
    assert "Glomma Bakeri" not in client.get(reverse("staff:application_list")).content.decode()
    application.refresh_from_db()
    assert application.status == "pending"


def test_the_location_form_checks_the_postcode_in_the_regions_country(world):
    data = {
        "organisation": world.company.pk,
        "region": world.other_region.pk,  # Overijssel: Dutch postcodes
        "name": "Enschede",
        "street_address": "Haaksbergerstraat 55",
        "postcode": "7513ea",
        "municipality": "",
        "employee_count": 40,
    }
    form = LocationForm(data)
    assert form.is_valid(), form.errors
    location = form.save()
    assert (location.postcode, location.municipality) == ("7513 EA", "Enschede")
    refused = LocationForm({**data, "postcode": "1706"}, instance=location)
    assert not refused.is_valid() and "postcode" in refused.errors
    location.refresh_from_db()
    assert location.postcode == "7513 EA"
