"""Reads of invoices and runs, always through the actor's scope.

Region staff see the invoices of their regions. A contact person sees their own
organisation's invoices for their locations: the ones made for one of those locations,
and the ones made for all the organisation's locations in a region where they have one.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q, QuerySet
from django.http import Http404

from pendel.accounts.access import Scope
from pendel.companies.models import Location
from pendel.core.dates import region_today
from pendel.invoicing.models import Invoice, InvoiceRun
from pendel.orders.models import Order
from pendel.orders.selectors import billable_tickets
from pendel.regions.selectors import regions_for

PRICE_EFFECT_LISTED = 20


def invoices_for(scope: Scope) -> QuerySet[Invoice]:
    invoices = Invoice.objects.select_related(
        "region__country", "organisation", "location", "credited_invoice"
    )
    if scope.all_regions:
        return invoices
    if scope.region_ids:
        return invoices.filter(region_id__in=scope.region_ids)
    if scope.organisation_id is None:
        return invoices.none()
    if scope.all_invoices:  # the invoice contact: every invoice of the organisation
        return invoices.filter(organisation_id=scope.organisation_id)
    regions = Location.objects.filter(pk__in=scope.location_ids).values("region_id")
    return invoices.filter(organisation_id=scope.organisation_id).filter(
        Q(location_id__in=scope.location_ids) | Q(location__isnull=True, region_id__in=regions)
    )


def invoice_get_for(scope: Scope, pk) -> Invoice:
    invoice = invoices_for(scope).filter(pk=pk).first()
    if invoice is None:
        raise Http404
    return invoice


def invoices_filtered(
    scope: Scope, *, region=None, status: str = "", kind: str = "", q: str = "", today: date
) -> QuerySet[Invoice]:
    invoices = invoices_for(scope)
    if region is not None:
        invoices = invoices.filter(region=region)
    if status == "overdue":
        invoices = overdue(invoices, today)
    elif status == "partly_credited":
        invoices = invoices.filter(
            kind=Invoice.Kind.INVOICE,
            status__in=[Invoice.Status.ISSUED, Invoice.Status.SENT],
            credited_total__gt=0,
            credited_total__lt=F("total"),
        )
    elif status:
        invoices = invoices.filter(status=status)
    if kind:
        invoices = invoices.filter(kind=kind)
    for word in q.split()[:3]:
        invoices = invoices.filter(
            Q(number__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(organisation__organisation_number__icontains=word)
        )
    return invoices


OWED = Q(kind=Invoice.Kind.INVOICE, status__in=[Invoice.Status.ISSUED, Invoice.Status.SENT])


def overdue(invoices: QuerySet[Invoice], today: date) -> QuerySet[Invoice]:
    """Invoices past their due date with money still owed."""
    return invoices.filter(OWED, due_date__lt=today).order_by("due_date", "sequence")


def overdue_for(scope: Scope, *, region=None, q: str = "") -> QuerySet[Invoice]:
    """The overdue invoices of the actor's regions (or of one of them), each region's by its
    own today, with what is left to pay as `owed` (to sort by)."""
    regions = [region] if region is not None else regions_for(scope)
    past_due = Q(pk__in=[])
    for each in regions:
        past_due |= Q(region=each, due_date__lt=region_today(each))
    invoices = invoices_filtered(scope, region=region, q=q, today=date.min)
    owed = F("total") - F("credited_total") - F("paid_total")
    return (
        invoices.filter(OWED).filter(past_due).annotate(owed=owed).order_by("due_date", "sequence")
    )


def runs_for(scope: Scope) -> QuerySet[InvoiceRun]:
    return InvoiceRun.objects.filter(region__in=regions_for(scope)).select_related(
        "region__country", "started_by"
    )


def run_get_for(scope: Scope, pk) -> InvoiceRun:
    run = runs_for(scope).filter(pk=pk).first()
    if run is None:
        raise Http404
    return run


@dataclass(frozen=True)
class PriceChangeEffect:
    """What a new price from `month` on changes: the months still to invoice bill the
    running tickets and orders at it; invoices already issued for those months keep theirs."""

    month: date
    tickets: int  # tickets of the product running in the month, to be billed at the new price
    orders: int  # orders of the product running in the month
    locations: int
    issued_invoices: int  # issued for the month or later with the product: not changed
    issued_numbers: list[str]


def price_change_effect(region, product, month: date) -> PriceChangeEffect:
    tickets = billable_tickets(month).filter(order__location__region=region, order__product=product)
    orders = Order.objects.running_in(month).filter(location__region=region, product=product)
    issued = (
        Invoice.objects.filter(
            region=region, period_end__gte=month, lines__product_code=product.code
        )
        .distinct()
        .order_by("number")
    )
    numbers = list(issued.values_list("number", flat=True)[: PRICE_EFFECT_LISTED + 1])
    return PriceChangeEffect(
        month=month,
        tickets=tickets.count(),
        orders=orders.count(),
        locations=orders.values("location_id").distinct().count(),
        issued_invoices=issued.count() if len(numbers) > PRICE_EFFECT_LISTED else len(numbers),
        issued_numbers=numbers[:PRICE_EFFECT_LISTED],
    )
