"""Reads of orders and tickets, always through the actor's scope (or, for the invoice run
and the ticket hand-off, for one region)."""

from datetime import date

from django.db.models import Q, QuerySet
from django.http import Http404

from pendel.accounts.access import Scope
from pendel.companies.selectors import locations_for
from pendel.orders.models import HandoffKey, Order, Ticket
from pendel.regions.selectors import regions_for


def orders_for(scope: Scope) -> QuerySet[Order]:
    return Order.objects.filter(location__in=locations_for(scope).values("id")).select_related(
        "product", "location__region__country", "organisation", "ordered_by"
    )


def order_get_for(scope: Scope, pk) -> Order:
    order = orders_for(scope).filter(pk=pk).first()
    if order is None:
        raise Http404
    return order


def tickets_for(scope: Scope) -> QuerySet[Ticket]:
    return Ticket.objects.filter(
        order__location__in=locations_for(scope).values("id")
    ).select_related("employee", "order__product", "order__location__region")


def ticket_get_for(scope: Scope, pk) -> Ticket:
    ticket = tickets_for(scope).filter(pk=pk).first()
    if ticket is None:
        raise Http404
    return ticket


def still_employed_in(month: date) -> Q:
    """The ticket's employee works there in the month: not erased, and not left before it
    (an employee who leaves on 15 March keeps March, never April)."""
    return Q(employee__erased_at__isnull=True) & (
        Q(employee__end_date__isnull=True) | Q(employee__end_date__gte=month)
    )


def billable_tickets(month: date) -> QuerySet[Ticket]:
    """Tickets that count in a month: running in it, for someone still employed in it."""
    return Ticket.objects.running_in(month).filter(still_employed_in(month))


def handoff_tickets(region, month: date) -> QuerySet[Ticket]:
    return (
        billable_tickets(month)
        .filter(order__location__region=region)
        .select_related("employee", "order__location__organisation", "order__product")
        .order_by("order__location__organisation__name", "employee__last_name", "id")
    )


def handoff_keys_for(scope: Scope) -> QuerySet[HandoffKey]:
    return HandoffKey.objects.filter(region__in=regions_for(scope)).select_related(
        "region", "created_by"
    )


def handoff_key_get_for(scope: Scope, pk) -> HandoffKey:
    key = handoff_keys_for(scope).filter(pk=pk).first()
    if key is None:
        raise Http404
    return key
