"""The monthly invoice run: what is billed, what is not, and running it again."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pendel.catalogue.tests.builders import national, set_price
from pendel.invoicing.models import BilledItem, BillingSettings, Invoice, InvoiceRun
from pendel.invoicing.services import invoice_run_issue, invoice_run_start
from pendel.invoicing.tests.builders import MARCH, make_member, many_companies, numbers, run_month
from pendel.orders.tests import builders as orders

APRIL = date(2026, 4, 1)


@pytest.fixture
def ticket(billing):
    return national("company-ticket")


def only_invoice(organisation) -> Invoice:
    return Invoice.objects.get(organisation=organisation)


def test_tickets_are_billed_at_the_employers_share_with_the_employee_count(billing, ticket):
    location = billing.world.location
    orders.ticket_order(location, orders.employees(location, 20), ticket, start=MARCH, share="50")

    run = run_month(billing.no)

    invoice = only_invoice(billing.world.company)
    (line,) = invoice.lines.all()
    # 199 kr a month with 12 % VAT is 177.6786 net; the employer pays half.
    assert (line.quantity, line.unit_price, line.net_amount) == (
        20,
        Decimal("88.8393"),
        Decimal("1776.79"),
    )
    assert (line.employee_count, line.employer_share) == (20, Decimal("50"))
    assert (line.vat_category, line.vat_rate) == ("S", Decimal("12"))
    assert (invoice.line_total, invoice.vat_total, invoice.total) == (
        Decimal("1776.79"),
        Decimal("213.21"),
        Decimal("1990.00"),
    )
    assert line.name == "Bedriftsbillett"  # the buyer's language
    assert (run.status, run.invoices_created, run.problems) == ("done", 1, [])


def test_an_employee_who_left_is_never_billed_for_a_later_month(billing, ticket):
    location = billing.world.location
    stays, leaves_in_march, left_before = orders.employees(location, 3)
    leaves_in_march.end_date = date(2026, 3, 15)
    left_before.end_date = date(2026, 2, 28)
    for person in (leaves_in_march, left_before):
        person.save()
    orders.ticket_order(
        location, [stays, leaves_in_march, left_before], ticket, start=date(2026, 2, 1)
    )

    run_month(billing.no, MARCH)
    run_month(billing.no, APRIL)

    billed = BilledItem.objects.values_list("employee_id", "period")
    assert sorted(billed) == sorted(
        [(stays.pk, MARCH), (leaves_in_march.pk, MARCH), (stays.pk, APRIL)]
    )


def test_a_cancelled_ticket_is_not_billed_from_its_end(billing, ticket):
    location = billing.world.location
    orders.ticket_order(location, orders.employees(location, 2), ticket, start=MARCH, end=APRIL)
    run_month(billing.no, MARCH)
    run_month(billing.no, APRIL)
    assert Invoice.objects.filter(period_start=MARCH).count() == 1
    assert not Invoice.objects.filter(period_start=APRIL).exists()


def test_nothing_is_billed_when_the_employees_pay_it_all(billing, ticket):
    location = billing.world.location
    orders.ticket_order(location, orders.employees(location, 5), ticket, start=MARCH, share="0")
    run = run_month(billing.no)
    assert (run.invoices_created, Invoice.objects.count()) == (0, 0)


def test_membership_fees_per_employee_count_the_employee_list(billing):
    location = billing.world.location
    make_member(location, fee_basis="per_employee_month", fee="10.00")
    people = orders.employees(location, 12)
    people[0].end_date = date(2026, 2, 1)
    people[0].save()

    run_month(billing.no)

    (line,) = only_invoice(billing.world.company).lines.all()
    assert (line.product_code, line.quantity, line.net_amount) == (
        "membership-fee",
        11,
        Decimal("110.00"),
    )
    assert (line.vat_rate, line.employee_count) == (Decimal("25"), 11)


def test_without_an_employee_list_the_fee_counts_the_declared_headcount(billing):
    make_member(billing.world.location, fee_basis="per_employee_month", fee="10.00")
    run_month(billing.no)
    (line,) = only_invoice(billing.world.company).lines.all()
    assert line.quantity == billing.world.location.employee_count  # 120 from the application


def test_a_yearly_fee_is_billed_in_the_month_the_membership_began(billing):
    membership = make_member(billing.world.location, fee_basis="fixed_year", fee="2400.00")
    membership.joined_on = date(2025, 4, 10)
    membership.save()

    run_month(billing.no, MARCH)
    run_month(billing.no, APRIL)

    (line,) = Invoice.objects.get().lines.all()
    assert (line.period_start, line.period_end) == (APRIL, date(2027, 3, 31))
    assert line.net_amount == Decimal("2400.00")


def test_a_one_off_product_is_billed_once_in_its_month(billing):
    location = billing.world.location
    orders.product_order(location, national("event"), start=MARCH)
    orders.product_order(location, national("ebike-leasing"), start=MARCH, quantity=2)
    run_month(billing.no, MARCH)
    run_month(billing.no, APRIL)
    march, april = Invoice.objects.order_by("period_start")
    assert sorted(march.lines.values_list("product_code", "net_amount")) == [
        ("ebike-leasing", Decimal("900.00")),
        ("event", Decimal("5000.00")),
    ]
    assert list(april.lines.values_list("product_code", flat=True)) == ["ebike-leasing"]


def test_running_a_month_again_bills_only_what_is_new(billing, ticket):
    location = billing.world.location
    orders.ticket_order(location, orders.employees(location, 3), ticket, start=MARCH)
    first = run_month(billing.no)
    again = run_month(billing.no)
    assert (first.pk, Invoice.objects.count()) == (again.pk, 1)

    orders.ticket_order(location, orders.employees(location, 2, prefix="Late"), ticket, start=MARCH)
    run_month(billing.no)

    late = Invoice.objects.order_by("sequence").last()
    assert late.lines.get().quantity == 2
    assert numbers(billing.no) == [1, 2]
    assert BilledItem.objects.count() == 5


def test_a_company_can_have_one_invoice_per_location(billing, ticket):
    national_company = billing.national
    fredrikstad = national_company.locations.create(region=billing.no, name="Fredrikstad")
    for location in (billing.national_no, fredrikstad):
        orders.ticket_order(location, orders.employees(location, 2), ticket, start=MARCH)

    run_month(billing.no)
    combined = only_invoice(national_company)
    assert sorted(combined.lines.values_list("location_name", flat=True)) == [
        "Fredrikstad",
        "Sarpsborg",
    ]

    BillingSettings.objects.create(organisation=national_company, invoice_per_location=True)
    orders.ticket_order(location, orders.employees(location, 1, prefix="New"), ticket, start=APRIL)
    orders.ticket_order(
        billing.national_no,
        orders.employees(billing.national_no, 1, prefix="N"),
        ticket,
        start=APRIL,
    )
    run_month(billing.no, APRIL)
    april = Invoice.objects.filter(organisation=national_company, period_start__gte=APRIL)
    assert sorted(april.values_list("location__name", flat=True)) == ["Fredrikstad", "Sarpsborg"]


def test_a_missing_price_stops_that_company_and_says_why(billing):
    location = billing.world.location
    orders.product_order(location, national("bike-check"), start=MARCH)  # no price in Norway
    orders.ticket_order(
        billing.national_no,
        orders.employees(billing.national_no, 1),
        national("company-ticket"),
        start=MARCH,
    )
    run = run_month(billing.no)
    assert list(Invoice.objects.values_list("organisation__name", flat=True)) == [
        "Nordvei Logistikk AS"
    ]
    assert run.problems[0]["organisation"] == "Fredrikstad Fisk AS"
    assert "Bike check" in run.problems[0]["message"] or "Sykkelsjekk" in run.problems[0]["message"]

    set_price(billing.no, national("bike-check"), "900.00")
    run_month(billing.no)
    assert Invoice.objects.filter(organisation=billing.world.company).exists()


def test_an_invalid_organisation_number_is_reported_not_invoiced(billing, ticket):
    company = billing.world.company
    company.organisation_number = "923609017"
    company.save()
    orders.ticket_order(
        billing.world.location, orders.employees(billing.world.location, 1), ticket, start=MARCH
    )
    run = run_month(billing.no)
    assert not Invoice.objects.exists()
    assert "923609017" in run.problems[0]["message"]


def test_a_run_needs_the_regions_seller_details(billing, world):
    billing.no.seller_profile.delete()
    with pytest.raises(ValidationError):
        invoice_run_start(actor=world.advisor, region=billing.no, period=MARCH)
    assert not InvoiceRun.objects.exists()


def test_a_run_cannot_be_for_a_month_after_next(billing, world):
    with pytest.raises(ValidationError):
        invoice_run_start(actor=world.advisor, region=billing.no, period=date(2099, 1, 1))
    assert not InvoiceRun.objects.exists()


def test_starting_a_run_makes_drafts_and_issuing_them_issues_and_archives(
    billing, world, ticket, django_capture_on_commit_callbacks
):
    orders.ticket_order(world.location, orders.employees(world.location, 2), ticket, start=MARCH)
    with django_capture_on_commit_callbacks(execute=True):
        run = invoice_run_start(actor=world.advisor, region=billing.no, period=MARCH)
    run.refresh_from_db()
    assert run.status == "review" and run.drafts.count() == 1
    assert not Invoice.objects.exists()  # no number spent on a draft
    with django_capture_on_commit_callbacks(execute=True):
        assert invoice_run_issue(actor=world.advisor, run=run, version=run.plan_version)
    run.refresh_from_db()
    invoice = Invoice.objects.get()
    assert (run.status, run.started_by, invoice.created_by) == (
        "done",
        world.advisor,
        world.advisor,
    )
    assert invoice.document is not None
    assert invoice.document.category == "invoice"
    assert invoice.document.original_filename == f"invoice-{invoice.number}.pdf"


def test_the_run_takes_as_many_queries_for_many_companies_as_for_few(billing):
    """No query per company, per line or per ticket: what varies is rows, not queries."""

    def queries_for(month) -> int:
        with CaptureQueriesContext(connection) as captured:
            run_month(billing.no, month)
        return len(captured)

    many_companies(billing, 2)
    few = queries_for(MARCH)  # 2 invoices, 4 tickets
    many_companies(billing, 20, offset=2)
    many = queries_for(APRIL)  # 22 invoices, 44 tickets
    assert Invoice.objects.filter(period_start=APRIL).count() == 22
    assert many == few
