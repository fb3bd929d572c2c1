"""Ordering and cancelling company tickets and other products, and ending the tickets of
employees who leave."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pendel.catalogue.tests.builders import national
from pendel.core.dates import add_months
from pendel.orders.models import Order, Ticket
from pendel.orders.services import (
    order_cancel,
    order_create,
    ticket_cancel,
    ticket_order_create,
    tickets_end_for_employees,
)
from pendel.orders.tests.builders import employees


def order(world, people, month, share="50"):
    return ticket_order_create(
        actor=world.contact,
        location=world.location,
        product=national("company-ticket"),
        employee_ids=[p.pk for p in people],
        start_month=month,
        employer_share=Decimal(share),
    )


def test_a_ticket_for_each_chosen_employee_from_the_month(shop, this_month):
    people = employees(shop.location, 3)
    result = order(shop, people[:2], this_month)
    assert (result.created, result.skipped) == (2, 0)
    assert result.order.employer_share == Decimal("50")
    assert result.order.employee_share == Decimal("50")
    tickets = Ticket.objects.filter(order=result.order)
    assert {t.employee_id for t in tickets} == {people[0].pk, people[1].pk}
    assert {t.start_month for t in tickets} == {this_month}


def test_employees_who_have_a_ticket_are_skipped(shop, this_month):
    people = employees(shop.location, 3)
    order(shop, people[:1], this_month)
    result = order(shop, people, add_months(this_month, 1))
    assert (result.created, result.skipped) == (2, 1)
    with pytest.raises(ValidationError):
        order(shop, people[:1], add_months(this_month, 2))
    assert Ticket.objects.count() == 3


def test_refused_orders_change_nothing(shop, this_month):
    people = employees(shop.location, 2)
    other = employees(shop.other_location, 1)
    left = employees(shop.location, 1, prefix="Left")[0]
    left.end_date = date(2020, 1, 1)
    left.save()
    for bad in (
        lambda: order(shop, people, add_months(this_month, -1)),  # a month gone by
        lambda: order(shop, people, this_month, share="120"),
        lambda: order(shop, other, this_month),  # someone of another company
        lambda: order(shop, [left], this_month),  # someone who has left
    ):
        with pytest.raises(ValidationError):
            bad()
    assert not Order.objects.exists() and not Ticket.objects.exists()


def test_a_product_the_region_does_not_offer_cannot_be_ordered(shop, this_month):
    with pytest.raises(ValidationError):
        order_create(
            actor=shop.contact,
            location=shop.location,
            product=national("bike-check"),
            start_month=this_month,
            quantity=1,
        )
    assert not Order.objects.exists()


def test_a_one_off_product_is_for_one_month_a_monthly_one_until_cancelled(shop, this_month):
    event = order_create(
        actor=shop.contact,
        location=shop.location,
        product=national("event"),
        start_month=this_month,
        quantity=1,
        note="Frokost 12. mars",
    )
    leasing = order_create(
        actor=shop.contact,
        location=shop.location,
        product=national("ebike-leasing"),
        start_month=this_month,
        quantity=4,
    )
    assert event.end_month == add_months(this_month, 1)
    assert leasing.end_month is None
    order_cancel(actor=shop.contact, order=leasing, from_month=add_months(this_month, 3))
    leasing.refresh_from_db()
    assert leasing.last_month == add_months(this_month, 2)


def test_cancelling_an_order_ends_its_tickets(shop, this_month):
    result = order(shop, employees(shop.location, 2), this_month)
    order_cancel(actor=shop.contact, order=result.order, from_month=add_months(this_month, 1))
    assert set(Ticket.objects.values_list("end_month", "end_reason")) == {
        (add_months(this_month, 1), "cancelled")
    }


def test_a_ticket_cancelled_before_it_starts_is_void(shop, this_month):
    start = add_months(this_month, 2)
    result = order(shop, employees(shop.location, 1), start)
    ticket = result.order.tickets.get()
    ticket_cancel(actor=shop.contact, ticket=ticket, from_month=this_month)
    ticket.refresh_from_db()
    assert ticket.is_void and ticket.end_month == start


def test_a_month_gone_by_cannot_be_cancelled(shop, this_month):
    result = order(shop, employees(shop.location, 1), this_month)
    ticket = result.order.tickets.get()
    with pytest.raises(ValidationError):
        ticket_cancel(actor=shop.contact, ticket=ticket, from_month=add_months(this_month, -1))
    ticket.refresh_from_db()
    assert ticket.end_month is None


def test_an_employee_who_leaves_keeps_the_ticket_to_the_end_of_that_month(shop):
    people = employees(shop.location, 3)
    march, may = date(2026, 3, 1), date(2026, 5, 1)
    orders = Order.objects.create(
        organisation=shop.company,
        location=shop.location,
        product=national("company-ticket"),
        start_month=march,
    )
    now = Ticket.objects.create(order=orders, employee=people[0], start_month=march)
    later = Ticket.objects.create(order=orders, employee=people[1], start_month=may)
    stays = Ticket.objects.create(order=orders, employee=people[2], start_month=march)

    count = tickets_end_for_employees(
        employee_ids=[people[0].pk, people[1].pk], on=date(2026, 3, 15)
    )
    again = tickets_end_for_employees(
        employee_ids=[people[0].pk, people[1].pk], on=date(2026, 3, 15)
    )

    for ticket in (now, later, stays):
        ticket.refresh_from_db()
    assert (count, again) == (2, 0)
    assert (now.end_month, now.end_reason) == (date(2026, 4, 1), "left")
    assert later.is_void
    assert stays.end_month is None
