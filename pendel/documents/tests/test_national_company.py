"""A national company: one organisation with locations in three regions. A contact person
of one location sees the documents of their own region, as with invoices, and not the
invoice PDFs that the other regions filed for the whole company."""

import pytest
from django.urls import reverse

from pendel.accounts.factories import make_contact
from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.documents.models import Document
from pendel.documents.tests.factories import make_document


@pytest.fixture
def national(world):
    organisation = OrganisationFactory(name="Landsdekkende Bygg AS")
    here, there, third = (
        LocationFactory(organisation=organisation, region=region, name=name)
        for region, name in [
            (world.region, "Sarpsborg"),
            (world.other_region, "Hengelo"),
            (world.third_region, "Stavanger"),
        ]
    )
    invoice = Document.Category.INVOICE
    return {
        "contact": make_contact(here, email="kari.national@example.com"),
        "own": make_document(
            actor=world.advisor,
            location=here,
            title="Faktura Sarpsborg",
            whole_company=True,
            category=invoice,
        ),
        "other": make_document(
            actor=world.other_advisor,
            location=there,
            title="Factuur Hengelo",
            whole_company=True,
            category=invoice,
        ),
        "third": make_document(
            actor=world.advisor,
            location=third,
            title="Faktura Stavanger",
            whole_company=True,
            category=invoice,
        ),
    }


def test_the_list_shows_only_the_documents_of_the_contacts_region(client, national):
    client.force_login(national["contact"])
    page = client.get(reverse("company:document_list")).content.decode()
    assert "Faktura Sarpsborg" in page
    assert "Factuur Hengelo" not in page and "Faktura Stavanger" not in page


@pytest.mark.parametrize("other", ["other", "third"])
def test_another_regions_invoice_pdf_is_not_found(client, national, other):
    client.force_login(national["contact"])
    url = reverse("company:document_download", args=[national[other].pk])
    assert client.get(url).status_code == 404
    own = reverse("company:document_download", args=[national["own"].pk])
    assert client.get(own).status_code == 200
