"""Invoices in the conventions of the seller's and the buyer's country, whatever language
the reader has: a Norwegian KID is never called OCR, a Norwegian company never has a
KvK number, numbers are grouped as their registers and banks print them."""

import re

import pytest
from django.urls import reverse

from pendel.catalogue.tests.builders import national
from pendel.companies.factories import LocationFactory
from pendel.companies.models import Membership
from pendel.core.conventions import (
    account_display,
    bankgiro_display,
    iban_display,
    no_account_display,
    organisation_number_display,
    plusgiro_display,
)
from pendel.core.money import format_money
from pendel.invoicing.models import Invoice
from pendel.invoicing.pdf import invoice_texts
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.invoicing.ubl import invoice_xml
from pendel.orders.tests import builders as orders


def _invoice(location, region, language: str) -> Invoice:
    orders.ticket_order(
        location, orders.employees(location, 2), national("company-ticket"), start=MARCH
    )
    run_month(region)
    invoice = Invoice.objects.get(region=region, organisation=location.organisation)
    Invoice.objects.filter(pk=invoice.pk).update(language=language)
    invoice.refresh_from_db()
    return invoice


def _text(invoice) -> str:
    return "\n".join(invoice_texts(invoice))


def test_formats_of_the_registers_and_banks():
    assert organisation_number_display("SE", "5550707342") == "555070-7342"
    assert organisation_number_display("NO", "923609016") == "923 609 016"
    assert organisation_number_display("NL", "27312152") == "27312152"
    assert bankgiro_display("50501055") == "5050-1055"
    assert bankgiro_display("5051055") == "505-1055"
    assert plusgiro_display("9020033") == "90 20 03-3"
    assert iban_display("NL91ABNA0417164300") == "NL91 ABNA 0417 1643 00"
    assert no_account_display("15031012349") == "1503 10 12349"
    assert account_display("no_account", "15031012349") == "1503 10 12349"


@pytest.mark.parametrize("language", ["nb", "en", "sv", "nl"])
def test_nok_is_kr_or_nok_never_nkr(language):
    shown = format_money("1234.50", "NOK", language)
    assert "Nkr" not in shown
    assert ("kr" in shown) if language == "nb" else ("NOK" in shown)


@pytest.mark.parametrize("language", ["en", "sv", "nl"])
def test_a_norwegian_seller_asks_for_a_kid_in_every_language(billing, language):
    text = _text(_invoice(billing.world.location, billing.no, language))
    assert "KID" in text
    assert "OCR" not in text
    assert "KvK" not in text  # a Norwegian company is never "KvK-nummer", also in Dutch
    assert "1503 10 12349" in text
    assert "974 544 466" in text


@pytest.mark.parametrize("language", ["nb", "en", "nl"])
def test_a_swedish_seller_asks_for_an_ocr_number_with_swedish_numbers(billing, language):
    text = _text(_invoice(billing.national_se, billing.se, language))
    assert "OCR" in text
    assert "KID" not in text
    assert "Bankgiro" in text and "5050-1055" in text
    assert "232100-0016" in text
    # A Norwegian buyer of a Swedish seller: the buyer's country is printed.
    assert {"nb": "Norge", "en": "Norway", "nl": "Noorwegen"}[language] in text


@pytest.mark.parametrize("language", ["nb", "sv"])
def test_a_dutch_company_has_a_kvk_number_and_the_iban_in_groups(billing, language):
    text = _text(_invoice(billing.world.other_location, billing.nl, language))
    assert "KvK" in text and "87654321" in text
    assert "NL91 ABNA 0417 1643 00" in text
    assert "KID" not in text and "OCR" not in text


def test_a_domestic_invoice_does_not_print_the_country(billing):
    text = _text(_invoice(billing.world.location, billing.no, "nb"))
    assert "Norge" not in text


def test_a_location_in_sweden_carries_country_se_in_the_xml(billing, valid_peppol):
    company = billing.national
    company.invoice_street = company.invoice_city = company.invoice_postcode = ""
    company.save()
    location = LocationFactory(
        organisation=company,
        region=billing.se,
        name="Åre",
        street_address="Storgatan 1",
        postcode="837 52",
        municipality="Åre",
    )
    invoice = _invoice(location, billing.se, "nb")
    xml = invoice_xml(invoice).decode()
    customer = xml.split("<cac:AccountingCustomerParty>")[1]
    assert re.search(r"<cac:Country><cbc:IdentificationCode>SE<", customer)
    valid_peppol(invoice_xml(invoice))


def test_the_invoice_page_in_swedish_asks_a_norwegian_buyer_for_a_kid(billing, client, world):
    invoice = _invoice(world.location, billing.no, "nb")
    client.force_login(world.contact)
    url = reverse("company:invoice_detail", args=[invoice.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "och ange KID" in page  # the page is in Swedish
    assert "KID" in page and "OCR" not in page
    assert "1503 10 12349" in page
    assert "974 544 466" in page


@pytest.mark.parametrize(
    ("location", "label", "number"),
    [("location", "Organisatienummer", "923 609 016"), ("other_location", "KvK-nummer", None)],
)
def test_the_member_page_in_dutch_labels_the_number_by_the_companys_country(
    billing, client, world, location, label, number
):

    membership = Membership.objects.create(location=getattr(world, location))
    client.force_login(world.coordinator)
    url = reverse("staff:member_detail", args=[membership.pk])
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert label in page
    if number:
        assert "KvK" not in page and number in page
