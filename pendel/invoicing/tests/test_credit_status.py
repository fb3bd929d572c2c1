"""An invoice is "credited" only when its whole amount is (issue 12, item 9): after a part
credit the staff and Min side pages and lists say "partly credited" and what is still
owed."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from pendel.catalogue.tests.builders import national
from pendel.core.money import format_money
from pendel.invoicing.models import Invoice
from pendel.invoicing.services import credit_note_issue
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.orders.tests import builders as orders

TODAY = date(2026, 3, 5)


@pytest.fixture
def part_credited(billing):
    """Four tickets of 199.00 kr invoiced, one credited: 597.00 kr still owed."""
    world = billing.world
    people = orders.employees(world.location, 4)
    orders.ticket_order(world.location, people, national("company-ticket"), start=MARCH)
    run_month(billing.no)
    invoice = Invoice.objects.get(region=billing.no, organisation=world.company)
    credit_note_issue(
        actor=world.advisor,
        invoice=invoice,
        reason="Sluttet",
        quantities={invoice.lines.get().pk: 1},
    )
    invoice.refresh_from_db()
    return invoice


def owed(invoice) -> str:
    return format_money(invoice.outstanding, invoice.currency, "en")


def test_a_part_credit_leaves_the_invoice_open_with_what_is_still_owed(part_credited):
    invoice = part_credited
    assert (invoice.total, invoice.credited_total, invoice.outstanding) == (
        Decimal("796.00"),
        Decimal("199.00"),
        Decimal("597.00"),
    )
    assert invoice.status == "issued"
    assert invoice.is_partly_credited
    assert invoice.display_status(TODAY) == "Partly credited"
    assert invoice.status_key(TODAY) == "partly_credited"


@pytest.mark.parametrize("name", ["staff:invoice_list", "staff:invoice_detail"])
def test_staff_see_partly_credited_and_the_amount_still_owed(client, world, part_credited, name):
    client.force_login(world.advisor)
    args = [part_credited.pk] if name.endswith("detail") else []
    page = client.get(reverse(name, args=args)).content.decode()
    assert f"Partly credited, {owed(part_credited)} still owed" in page
    assert ">Credited</span>" not in page


@pytest.mark.parametrize("name", ["company:invoice_list", "company:invoice_detail"])
def test_the_contact_person_sees_it_on_min_side(client, world, part_credited, name):
    client.force_login(world.contact)
    args = [part_credited.pk] if name.endswith("detail") else []
    page = client.get(reverse(name, args=args)).content.decode()
    assert f"Partly credited, {owed(part_credited)} still owed" in page


def test_staff_can_list_the_partly_credited_invoices(client, world, billing, part_credited):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:invoice_list"), {"status": "partly_credited"})
    numbers = [invoice.number for invoice in page.context["page"]]
    assert numbers == [part_credited.number]


def test_only_the_whole_amount_credited_makes_it_credited(client, world, part_credited):
    credit_note_issue(actor=world.advisor, invoice=part_credited, reason="Avsluttet")
    part_credited.refresh_from_db()
    assert (part_credited.status, part_credited.outstanding) == ("credited", 0)
    assert not part_credited.is_partly_credited
    client.force_login(world.advisor)
    page = client.get(reverse("staff:invoice_detail", args=[part_credited.pk])).content.decode()
    assert "Partly credited" not in page
    assert ">Credited</span>" in page
