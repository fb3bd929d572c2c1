"""Billing data on the invoice: per-country identifier checks, the e-invoice route of each
buyer, Peppol validity when the invoice address is abroad, and the invoice contact who sees
and receives every invoice of a national company across regions."""

import pytest
from django.core import mail
from django.urls import reverse

from pendel.accounts.access import Portal, scope_for
from pendel.accounts.factories import add_contact_role, make_contact
from pendel.catalogue.tests.builders import national
from pendel.companies.identifiers import (
    buyer_vat_problem,
    normalise_peppol_id,
    normalise_vat_number,
    peppol_id_problem,
)
from pendel.companies.services import organisation_invoice_contact_set
from pendel.invoicing.models import Invoice
from pendel.invoicing.pdf import invoice_pdf
from pendel.invoicing.routes import EMAIL, NONE, PEPPOL, delivery_route
from pendel.invoicing.selectors import invoices_for
from pendel.invoicing.services import credit_note_issue, invoice_send
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.invoicing.ubl import invoice_xml
from pendel.orders.tests import builders as orders


@pytest.mark.parametrize(
    ("country", "number", "vat", "ok"),
    [
        ("NO", "923609016", "NO923609016MVA", True),
        ("NO", "923609016", "NO923609017MVA", False),  # MOD11 check digit wrong
        ("NO", "923609016", "NO987654325MVA", False),  # another company's number
        ("SE", "556036-0793", "SE556036079301", True),
        ("SE", "556036-0793", "SE556036079401", False),  # Luhn wrong
        ("SE", "556036-0793", "SE232100001601", False),  # not the organisation number
        ("NL", "12345678", "NL123456789B01", True),
        ("NL", "12345678", "NL12345678B01", False),
        ("NO", "923609016", "", True),  # optional
    ],
)
def test_vat_numbers_are_checked_per_country(country, number, vat, ok):
    assert (buyer_vat_problem(country, number, vat) == "") is ok


def test_vat_numbers_typed_without_prefix_are_completed():
    assert normalise_vat_number("NO", "923 609 016") == "NO923609016MVA"
    assert normalise_vat_number("SE", "556036-0793") == "SE556036079301"
    assert normalise_vat_number("NL", "nl 1234.56789 b01") == "NL123456789B01"


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("0192:923609016", True),
        ("0192:923609017", False),
        ("0007:5560360793", True),
        ("0106:12345678", True),
        ("0190:00000001234567890000", True),
        ("923609016", False),
        ("9999:923609016", False),
    ],
)
def test_peppol_ids_are_checked_by_scheme(value, ok):
    assert (peppol_id_problem(value) == "") is ok


def test_peppol_ids_lose_spaces():
    assert normalise_peppol_id(" 0192 : 923 609 016 ") == "0192:923609016"


def test_the_route_is_peppol_then_email_then_none(billing):
    buyer = billing.national
    assert delivery_route(buyer).kind == EMAIL
    assert buyer.invoice_email in str(delivery_route(buyer).label)
    buyer.peppol_id = "0192:987654325"
    assert delivery_route(buyer).kind == PEPPOL
    assert "0192:987654325" in str(delivery_route(buyer).label)
    buyer.peppol_id = buyer.invoice_email = ""
    route = delivery_route(buyer)
    assert route.kind == NONE and route.missing
    assert "No e-invoice route" in str(route.label)


@pytest.fixture
def nordvei_invoiced(billing):
    """Nordvei (Norwegian) in three regions, invoiced at a Swedish address by Peppol."""
    buyer = billing.national
    buyer.invoice_street, buyer.invoice_postcode = "Storgatan 1", "831 30"
    buyer.invoice_city, buyer.invoice_country = "Östersund", "SE"
    buyer.peppol_id = "0192:987654325"
    buyer.invoice_order_reference = "PO-2026-118"
    buyer.save()
    ticket = national("company-ticket")
    for location in (billing.national_no, billing.national_se, billing.national_nl):
        orders.ticket_order(location, orders.employees(location, 3), ticket, start=MARCH)
    for region in (billing.no, billing.se, billing.nl):
        run_month(region)
    return billing


def test_an_invoice_address_abroad_with_a_peppol_id_passes_peppol(nordvei_invoiced, valid_peppol):
    invoices = Invoice.objects.filter(organisation=nordvei_invoiced.national)
    assert invoices.count() == 3
    for invoice in invoices:
        xml = invoice_xml(invoice).decode()
        assert '<cbc:EndpointID schemeID="0192">987654325</cbc:EndpointID>' in xml
        assert "<cac:OrderReference><cbc:ID>PO-2026-118</cbc:ID></cac:OrderReference>" in xml
        assert "<cbc:IdentificationCode>SE</cbc:IdentificationCode>" in xml
        valid_peppol(invoice_xml(invoice))
        assert invoice_pdf(invoice).startswith(b"%PDF")  # with the country on the address
    credit = credit_note_issue(actor=None, invoice=invoices.first(), reason="Feil antall")
    assert "<cbc:ID>PO-2026-118</cbc:ID>" in invoice_xml(credit).decode()
    valid_peppol(invoice_xml(credit))


@pytest.fixture
def finance(nordvei_invoiced):
    """Nordvei's finance person: contact person of the Norwegian location only."""
    return make_contact(nordvei_invoiced.national_no, email="okonomi@nordvei.example.no")


def _numbers(user, organisation_id):
    scope = scope_for(user, Portal.COMPANY, organisation_id=organisation_id)
    return set(invoices_for(scope).values_list("region__slug", flat=True))


def test_the_invoice_contact_sees_every_region_s_invoices(nordvei_invoiced, finance):
    national = nordvei_invoiced.national
    assert _numbers(finance, national.pk) == {"nedre-glomma"}
    organisation_invoice_contact_set(
        organisation=national, actor=nordvei_invoiced.world.coordinator, user=finance
    )
    assert _numbers(finance, national.pk) == {"nedre-glomma", "jamtland-harjedalen", "overijssel"}


def test_the_invoice_contact_opens_another_region_s_invoice_but_no_other_data(
    nordvei_invoiced, finance, client
):
    national = nordvei_invoiced.national
    swedish = Invoice.objects.get(organisation=national, region=nordvei_invoiced.se)
    client.force_login(finance)
    url = reverse("company:invoice_detail", args=[swedish.pk])
    assert client.get(url).status_code == 404
    organisation_invoice_contact_set(
        organisation=national, actor=nordvei_invoiced.world.coordinator, user=finance
    )
    assert client.get(url).status_code == 200
    assert client.get(reverse("company:invoice_pdf", args=[swedish.pk])).status_code == 200
    page = client.get(reverse("company:invoice_list")).content.decode()
    assert swedish.number in page
    # The other regions' locations stay out of scope: their employee lists are not theirs.
    swedish_location = nordvei_invoiced.national_se.pk
    employees = client.get(reverse("company:employee_list"), {"location": swedish_location})
    assert employees.status_code == 404


def test_an_outsider_and_the_dual_role_persona_see_none_of_it(nordvei_invoiced, finance, client):
    world, national = nordvei_invoiced.world, nordvei_invoiced.national
    organisation_invoice_contact_set(organisation=national, actor=world.coordinator, user=finance)
    swedish = Invoice.objects.get(organisation=national, region=nordvei_invoiced.se)
    for user in (world.other_contact, world.staff_and_contact):
        client.force_login(user)
        url = reverse("company:invoice_detail", args=[swedish.pk])
        assert client.get(url).status_code == 404


def test_the_dual_role_persona_as_invoice_contact_gains_nothing_in_the_back_office(
    nordvei_invoiced, client
):
    world, national = nordvei_invoiced.world, nordvei_invoiced.national
    mari = world.staff_and_contact  # staff in Nedre Glomma, contact in Nord-Jæren
    add_contact_role(mari, nordvei_invoiced.national_nl)
    organisation_invoice_contact_set(organisation=national, actor=world.coordinator, user=mari)
    assert _numbers(mari, national.pk) == {"nedre-glomma", "jamtland-harjedalen", "overijssel"}
    staff = scope_for(mari, Portal.STAFF)
    assert set(invoices_for(staff).values_list("region__slug", flat=True)) == {"nedre-glomma"}
    swedish = Invoice.objects.get(organisation=national, region=nordvei_invoiced.se)
    client.force_login(mari)
    assert client.get(reverse("staff:invoice_detail", args=[swedish.pk])).status_code == 404


def test_only_a_contact_person_of_the_company_can_be_its_invoice_contact(nordvei_invoiced):
    from django.core.exceptions import ValidationError

    world = nordvei_invoiced.world
    with pytest.raises(ValidationError):
        organisation_invoice_contact_set(
            organisation=nordvei_invoiced.national, actor=world.coordinator, user=world.contact
        )
    nordvei_invoiced.national.refresh_from_db()
    assert nordvei_invoiced.national.invoice_contact is None


def test_invoices_issued_after_naming_the_invoice_contact_are_mailed_to_them_too(
    billing, django_capture_on_commit_callbacks
):
    national = billing.national
    finance = make_contact(billing.national_no, email="okonomi@nordvei.example.no")
    organisation_invoice_contact_set(
        organisation=national, actor=billing.world.coordinator, user=finance
    )
    location = billing.national_se
    orders.ticket_order(location, orders.employees(location, 2), national_product(), start=MARCH)
    run_month(billing.se)
    invoice = Invoice.objects.get(organisation=national)
    with django_capture_on_commit_callbacks(execute=True):
        invoice_send(actor=billing.world.coordinator, invoice=invoice)
    (message,) = mail.outbox
    assert message.to == [national.invoice_email, "okonomi@nordvei.example.no"]


def national_product():
    return national("company-ticket")
