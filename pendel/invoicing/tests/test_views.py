"""The invoicing pages: what staff and contact persons see and do, and that everything out
of scope is a 404."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from pendel.catalogue.tests.builders import national
from pendel.core.tests.assertions import assert_private_download
from pendel.invoicing.models import BillingSettings, Invoice, InvoiceRun, Payment
from pendel.invoicing.services import credit_note_issue
from pendel.invoicing.tests.builders import MARCH, issue_without_review, run_month
from pendel.orders.tests import builders as orders


@pytest.fixture
def invoiced(billing):
    """An invoice and a credit note in Norway; an invoice in the Netherlands."""
    world, ticket = billing.world, national("company-ticket")
    for location in (world.location, world.other_location):
        orders.ticket_order(location, orders.employees(location, 4), ticket, start=MARCH)
    run_month(billing.no)
    issue_without_review(billing.nl)  # an older invoice, issued with an unconfirmed rate
    invoice = Invoice.objects.get(region=billing.no)
    credit = credit_note_issue(
        actor=world.advisor,
        invoice=invoice,
        reason="Feil antall",
        quantities={invoice.lines.get().pk: 1},
    )
    return {
        "invoice": invoice,
        "credit": credit,
        "other": Invoice.objects.get(region=billing.nl),
        "run": InvoiceRun.objects.get(region=billing.no),
    }


# Pages about one object of the advisor's region: (url name, object key or "slug"/"org").
STAFF_OBJECT_PAGES = [
    ("staff:invoice_run_detail", "run"),
    ("staff:invoice_detail", "invoice"),
    ("staff:invoice_pdf", "invoice"),
    ("staff:invoice_xml", "invoice"),
    ("staff:invoice_specification", "invoice"),
    ("staff:invoice_credit", "invoice"),
    ("staff:invoice_payment", "invoice"),
    ("staff:invoice_send", "invoice"),
    ("staff:invoice_check", "invoice"),
    ("staff:seller_profile", "slug"),
    ("staff:billing_settings", "org"),
]
STAFF_LISTS = ["staff:invoice_run_list", "staff:invoice_list", "staff:invoice_overdue"]
COMPANY_OBJECT_PAGES = [
    "company:invoice_detail",
    "company:invoice_pdf",
    "company:invoice_xml",
    "company:invoice_specification",
]


def object_url(name: str, key: str, invoiced, world) -> str:
    if key == "slug":
        return reverse(name, args=[world.region.slug])
    if key == "org":
        return reverse(name, args=[world.company.pk])
    return reverse(name, args=[invoiced[key].pk])


@pytest.mark.parametrize("name,key", STAFF_OBJECT_PAGES)
def test_another_regions_advisor_gets_404_and_nothing_changes(client, world, invoiced, name, key):
    client.force_login(world.other_advisor)
    url = object_url(name, key, invoiced, world)
    assert client.get(url).status_code == 404
    assert (
        client.post(
            url,
            {
                "amount": "10",
                "received_on": "2026-03-20",
                "reason": "x",
                "whole": "on",
                "how": "elsewhere",
                "legal_name": "X",
            },
        ).status_code
        == 404
    )
    invoice = Invoice.objects.get(pk=invoiced["invoice"].pk)
    assert (invoice.status, invoice.paid_total, invoice.sent_at) == ("issued", 0, None)
    assert Invoice.objects.count() == 3
    assert not Payment.objects.exists()
    assert not BillingSettings.objects.exists()


@pytest.mark.parametrize("name,key", STAFF_OBJECT_PAGES)
def test_the_regions_advisor_can_open_every_page(client, world, invoiced, name, key):
    client.force_login(world.advisor)
    response = client.get(object_url(name, key, invoiced, world))
    # POST-only pages send a GET back to the invoice.
    assert response.status_code == (
        302
        if name in {"staff:invoice_payment", "staff:invoice_send", "staff:invoice_check"}
        else 200
    )


@pytest.mark.parametrize("name", STAFF_LISTS)
def test_lists_show_another_regions_advisor_nothing_of_ours(client, world, invoiced, name):
    client.force_login(world.other_advisor)
    page = client.get(reverse(name)).content.decode()
    assert invoiced["invoice"].number not in page
    assert "Fredrikstad Fisk" not in page


@pytest.mark.parametrize("name", COMPANY_OBJECT_PAGES)
def test_a_contact_person_sees_only_their_own_companys_invoices(client, world, invoiced, name):
    client.force_login(world.contact)
    assert client.get(reverse(name, args=[invoiced["invoice"].pk])).status_code == 200
    assert client.get(reverse(name, args=[invoiced["credit"].pk])).status_code == 200
    assert client.get(reverse(name, args=[invoiced["other"].pk])).status_code == 404


def test_the_company_invoice_list_has_only_the_companys_own(client, world, invoiced):
    client.force_login(world.contact)
    page = client.get(reverse("company:invoice_list")).content.decode()
    assert invoiced["invoice"].number in page and invoiced["credit"].number in page
    assert invoiced["other"].number not in page


@pytest.mark.parametrize("name", [*STAFF_LISTS])
def test_a_contact_person_cannot_use_the_staff_pages(client, world, invoiced, name):
    client.force_login(world.contact)
    assert client.get(reverse(name)).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(client, world, invoiced):
    for name in COMPANY_OBJECT_PAGES:
        response = client.get(reverse(name, args=[invoiced["invoice"].pk]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_the_staff_detail_shows_the_lines_and_the_files(client, world, invoiced):
    client.force_login(world.advisor)
    invoice = invoiced["invoice"]
    page = client.get(reverse("staff:invoice_detail", args=[invoice.pk])).content.decode()
    assert "Bedriftsbillett" in page
    assert reverse("staff:invoice_xml", args=[invoice.pk]) in page
    xml = client.get(reverse("staff:invoice_xml", args=[invoice.pk]))
    assert xml["Content-Type"] == "application/xml"
    assert_private_download(xml, filename=f"invoice-{invoice.number}.xml".replace("/", "-"))
    assert xml.content.startswith(b"<?xml")
    pdf = client.get(reverse("company:invoice_pdf", args=[invoice.pk]))
    assert pdf.status_code == 404  # an advisor is not a contact person


def test_the_contact_person_downloads_the_pdf_privately(client, world, invoiced):
    invoice = invoiced["invoice"]
    client.force_login(world.contact)
    response = client.get(reverse("company:invoice_pdf", args=[invoice.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert_private_download(response, filename=f"invoice-{invoice.number}.pdf".replace("/", "-"))


def test_the_specification_lists_the_billed_employees(client, world, invoiced):
    client.force_login(world.contact)
    response = client.get(reverse("company:invoice_specification", args=[invoiced["invoice"].pk]))
    rows = response.content.decode().strip().splitlines()
    assert_private_download(response)
    assert rows[0].startswith("line,product,period")
    assert len(rows) == 5 and "Ansatt0" in rows[1]


def test_starting_a_run_from_the_page(client, world, billing, django_capture_on_commit_callbacks):
    ticket = national("company-ticket")
    orders.ticket_order(world.location, orders.employees(world.location, 2), ticket, start=MARCH)
    client.force_login(world.advisor)
    fields = {"region": world.region.pk, "period": "2026-03"}
    confirm = client.post(reverse("staff:invoice_run_start"), fields).content.decode()
    assert "1 draft invoice" in confirm and "no invoice number is used" in confirm
    assert not InvoiceRun.objects.exists()
    fields["digest"] = re.search(r'name="digest" value="([0-9a-f]+)"', confirm)[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:invoice_run_start"), fields)
        again = client.post(reverse("staff:invoice_run_start"), fields)
    assert "The run has changed since the page was shown" in again.content.decode()
    run = InvoiceRun.objects.get()
    assert response["Location"] == reverse("staff:invoice_run_detail", args=[run.pk])
    assert run.status == "review"
    page = client.get(response["Location"]).content.decode()
    assert "Drafts to review" in page and world.company.name in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("staff:invoice_run_issue", args=[run.pk]), {"version": run.plan_version}
        )
    run.refresh_from_db()
    assert run.status == "done"
    page = client.get(response["Location"]).content.decode()
    assert Invoice.objects.get().number in page


def test_an_advisor_cannot_start_another_regions_run(client, world, billing):
    client.force_login(world.other_advisor)
    client.post(
        reverse("staff:invoice_run_start"), {"region": world.region.pk, "period": "2026-03"}
    )
    assert not InvoiceRun.objects.exists()


def test_recording_a_payment_from_the_page(client, world, invoiced):
    invoice = invoiced["invoice"]
    invoice.refresh_from_db()  # a credit note has lowered what is owed
    client.force_login(world.advisor)
    client.post(
        reverse("staff:invoice_payment", args=[invoice.pk]),
        {"amount": str(invoice.outstanding), "received_on": "2026-03-20", "reference": "KID"},
    )
    invoice.refresh_from_db()
    assert invoice.status == "paid"


def test_a_part_credit_from_the_page(client, world, invoiced):
    invoice = invoiced["invoice"]
    line = invoice.lines.get()
    client.force_login(world.advisor)
    response = client.post(
        reverse("staff:invoice_credit", args=[invoice.pk]),
        {f"line_{line.pk}": "2", "reason": "Sluttet i mars"},
    )
    credit = Invoice.objects.filter(kind="credit_note").order_by("sequence").last()
    assert response["Location"] == reverse("staff:invoice_detail", args=[credit.pk])
    assert credit.lines.get().quantity == Decimal("2")


def test_crediting_too_much_from_the_page_shows_why(client, world, invoiced):
    invoice = invoiced["invoice"]
    line = invoice.lines.get()
    client.force_login(world.advisor)
    response = client.post(
        reverse("staff:invoice_credit", args=[invoice.pk]),
        {f"line_{line.pk}": "4", "reason": "For mye"},
    )
    assert response.status_code == 200
    assert Invoice.objects.filter(kind="credit_note").count() == 1


def test_marking_sent_from_the_page(client, world, invoiced):
    invoice = invoiced["invoice"]
    client.force_login(world.advisor)
    client.post(reverse("staff:invoice_send", args=[invoice.pk]), {"how": "elsewhere"})
    invoice.refresh_from_db()
    assert invoice.status == "sent"


def test_the_company_chooses_one_invoice_per_location(client, world, invoiced):
    client.force_login(world.contact)
    client.post(reverse("company:billing_settings"), {"invoice_per_location": "on", "language": ""})
    assert BillingSettings.objects.get(organisation=world.company).invoice_per_location


def test_seller_details_are_checked_before_they_are_saved(client, world, invoiced):
    client.force_login(world.advisor)
    url = reverse("staff:seller_profile", args=[world.region.slug])
    response = client.post(
        url,
        {
            "legal_name": "X",
            "organisation_number": "123",
            "vat_number": "NO1MVA",
            "street": "a",
            "postcode": "1",
            "city": "b",
            "account_kind": "iban",
            "account_number": "x",
            "payment_terms_days": "14",
        },
    )
    assert response.status_code == 200
    assert "Not a valid organisation number." in response.content.decode()
    assert world.region.seller_profile.legal_name == "Østfold fylkeskommune"


def test_staff_see_which_lines_were_issued_with_an_unconfirmed_vat_rate(client, world, invoiced):
    client.force_login(world.other_advisor)
    dutch = invoiced["other"]  # the Dutch 9 % is not confirmed at the source yet
    assert not dutch.lines.get().vat_rate_confirmed
    page = client.get(reverse("staff:invoice_detail", args=[dutch.pk])).content.decode()
    assert "unconfirmed" in page
    client.force_login(world.advisor)
    page = client.get(reverse("staff:invoice_detail", args=[invoiced["invoice"].pk]))
    assert "unconfirmed" not in page.content.decode()


def test_the_dual_role_contact_cannot_preview_or_start_their_companys_run(client, world, billing):
    """Mari is staff in Nedre Glomma and contact person in Nord-Jæren: no run there."""
    client.force_login(world.staff_and_contact)
    fields = {"region": world.third_region.pk, "period": "2026-03", "digest": "x"}
    response = client.post(reverse("staff:invoice_run_start"), fields, follow=True)
    assert "Choose a region and a month." in response.content.decode()
    assert "Start the invoice run?" not in response.content.decode()
    assert not InvoiceRun.objects.exists()
