"""Employees, orders and tickets for tests, written directly (the order rules themselves
are tested through the services in test_ticket_orders.py)."""

from datetime import date
from decimal import Decimal

from pendel.employees.models import Employee
from pendel.orders.models import Order, Ticket


def employees(location, count: int, *, prefix: str = "Ansatt") -> list[Employee]:
    return Employee.objects.bulk_create(
        Employee(
            location=location,
            first_name=f"{prefix}{index}",
            last_name="Test",
            email=f"{prefix.lower()}{index}.{location.pk}@example.com",
        )
        for index in range(count)
    )


def ticket_order(
    location, people, product, *, start: date, share: str = "100", end: date | None = None
) -> Order:
    order = Order.objects.create(
        organisation=location.organisation,
        location=location,
        product=product,
        start_month=start,
        end_month=end,
        quantity=len(people),
        employer_share=Decimal(share),
    )
    Ticket.objects.bulk_create(
        Ticket(order=order, employee=person, start_month=start, end_month=end) for person in people
    )
    return order


def product_order(location, product, *, start: date, quantity: int = 1, end=None) -> Order:
    if end is None and not product.is_monthly:
        end = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return Order.objects.create(
        organisation=location.organisation,
        location=location,
        product=product,
        start_month=start,
        end_month=end,
        quantity=quantity,
    )
