"""Who may see which document. Out of scope is a 404, on every page, for every outsider."""

import pytest
from django.urls import reverse

from pendel.accounts.access import scope_for
from pendel.accounts.factories import UserFactory, make_contact
from pendel.companies.factories import LocationFactory
from pendel.documents.models import Document
from pendel.documents.selectors import document_get_for, documents_for
from pendel.documents.tests.factories import make_document, stored_files

STAFF_PAGES = ["staff:document_list", "staff:document_upload"]
COMPANY_PAGES = ["company:document_list", "company:document_upload"]
STAFF_DOCUMENT_PAGES = ["staff:document_download", "staff:document_delete"]


def titles(scope) -> set[str]:
    return set(documents_for(scope).values_list("title", flat=True))


@pytest.mark.parametrize("name", [*STAFF_PAGES, *COMPANY_PAGES])
def test_anonymous_visitors_are_sent_to_the_login(client, world, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", [*STAFF_DOCUMENT_PAGES, "company:document_download"])
def test_anonymous_visitors_cannot_fetch_a_document(client, world, archive, name):
    response = client.get(reverse(name, args=[archive["shared"].pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_a_contact_person_cannot_use_the_staff_pages(client, world, name):
    client.force_login(world.contact)
    assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", STAFF_DOCUMENT_PAGES)
def test_a_contact_person_cannot_use_the_staff_document_pages(client, world, archive, name):
    client.force_login(world.contact)
    assert client.get(reverse(name, args=[archive["shared"].pk])).status_code == 404


@pytest.mark.parametrize("name", COMPANY_PAGES)
def test_an_advisor_cannot_use_min_side(client, world, name):
    client.force_login(world.advisor)
    assert client.get(reverse(name)).status_code == 404


def test_another_regions_advisor_does_not_see_the_document_listed(client, world, archive):
    client.force_login(world.other_advisor)
    page = client.get(reverse("staff:document_list")).content.decode()

    assert "Convenant Twentse Tegels" in page
    assert "Samarbeidsavtale 2025" not in page
    assert "Fredrikstad Fisk AS" not in page


@pytest.mark.parametrize("name", STAFF_DOCUMENT_PAGES)
def test_another_regions_advisor_gets_404(client, world, archive, name):
    client.force_login(world.other_advisor)
    response = client.get(reverse(name, args=[archive["shared"].pk]))

    assert response.status_code == 404
    assert "Samarbeidsavtale" not in response.content.decode()


def test_another_regions_advisor_cannot_delete_and_nothing_changes(client, world, archive, media):
    document = archive["shared"]
    client.force_login(world.other_advisor)

    response = client.post(reverse("staff:document_delete", args=[document.pk]))

    assert response.status_code == 404
    document.refresh_from_db()
    assert document.deleted_at is None
    assert document.file.name in stored_files(media)


def test_another_companys_contact_does_not_see_the_document_listed(client, world, archive):
    client.force_login(world.other_contact)
    page = client.get(reverse("company:document_list")).content.decode()

    assert "Convenant Twentse Tegels" in page
    assert "Samarbeidsavtale 2025" not in page
    assert "Aktivitetsplan for hele bedriften" not in page


@pytest.mark.parametrize("kind", ["shared", "internal", "company_wide"])
def test_another_companys_contact_gets_404(client, world, archive, kind):
    client.force_login(world.other_contact)
    url = reverse("company:document_download", args=[archive[kind].pk])
    assert client.get(url).status_code == 404


def test_a_contact_person_never_gets_an_internal_document(client, world, archive):
    client.force_login(world.contact)
    url = reverse("company:document_download", args=[archive["internal"].pk])

    assert client.get(url).status_code == 404
    page = client.get(reverse("company:document_list")).content.decode()
    assert "Interne notater fra møtet" not in page


def test_a_contact_person_gets_404_for_another_location_of_their_company(client, world):
    sarpsborg = LocationFactory(organisation=world.company, region=world.region, name="Sarpsborg")
    document = make_document(actor=world.advisor, location=sarpsborg, title="Plan for Sarpsborg")
    client.force_login(world.contact)

    url = reverse("company:document_download", args=[document.pk])
    assert client.get(url).status_code == 404


def test_a_deleted_document_is_gone_for_everyone(client, world, archive):
    document = archive["shared"]
    Document.objects.filter(pk=document.pk).update(deleted_at=document.uploaded_at)

    for user, name in [
        (world.coordinator, "staff:document_download"),
        (world.advisor, "staff:document_delete"),
        (world.contact, "company:document_download"),
    ]:
        client.force_login(user)
        assert client.get(reverse(name, args=[document.pk])).status_code == 404


def test_each_role_sees_its_own_part_of_the_archive(world, archive):
    everything = {document.title for document in archive.values()}
    assert titles(scope_for(world.coordinator)) == everything
    assert titles(scope_for(world.advisor)) == everything - {"Convenant Twentse Tegels"}
    assert titles(scope_for(world.other_advisor)) == {"Convenant Twentse Tegels"}
    assert titles(scope_for(world.contact)) == {
        "Samarbeidsavtale 2025",
        "Aktivitetsplan for hele bedriften",
    }
    assert titles(scope_for(world.other_contact)) == {"Convenant Twentse Tegels"}


def test_a_company_wide_document_stays_in_the_region_it_is_filed_under(world):
    """A national company: the document is filed under one region; like an invoice, it
    reaches the company's contact persons in that region, not those elsewhere, nor the
    other region's staff."""
    enschede = LocationFactory(organisation=world.company, region=world.other_region)
    document = make_document(
        actor=world.advisor, location=world.location, title="Nasjonal avtale", whole_company=True
    )
    contact_in_enschede = make_contact(enschede)

    assert document_get_for(scope_for(world.contact), document.pk) == document
    assert "Nasjonal avtale" not in titles(scope_for(contact_in_enschede))
    assert "Nasjonal avtale" not in titles(scope_for(world.other_advisor))


def test_a_user_without_a_role_sees_nothing(world, archive):
    assert titles(scope_for(UserFactory())) == set()
