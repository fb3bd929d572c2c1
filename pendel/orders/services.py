"""Every write to orders and tickets, each in one transaction with its AuditEvent.

Other apps call `tickets_end_for_employees()` when employees leave.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils.translation import gettext

from pendel.catalogue.models import Product
from pendel.catalogue.pricing import Quote, missing_price_reason, quote_for
from pendel.catalogue.selectors import offered_products
from pendel.companies.models import Membership, MembershipStatus
from pendel.core.audit import Target, audit_event, audit_record, audit_record_many
from pendel.core.dates import add_months, current_month, month_after, month_label
from pendel.core.forms import confirmation_digest
from pendel.employees.models import Employee
from pendel.orders.audit import OrdersAction
from pendel.orders.models import Order, Ticket


@dataclass(frozen=True)
class TicketOrderResult:
    order: Order
    created: int
    skipped: int  # chosen employees who already had a ticket from that month


def _audit(*, actor, action: str, obj, region_id, changes: dict) -> None:
    audit_record(actor=actor, action=action, target=obj, region_id=region_id, changes=changes)


# A location orders, and is billed for tickets and orders, only while it is a member.
ORDERING_STATUSES = (MembershipStatus.ACTIVE, MembershipStatus.QUALIFIED)
CENT = Decimal("0.01")
UNIT_PRICE = Decimal("0.0001")


def ordering_problem(location, *, lock: bool = False) -> str:
    """Why the location cannot order now, in words for its contact person; "" if it can."""
    memberships = Membership.objects.filter(location=location).exclude(
        status=MembershipStatus.ENDED
    )
    if lock:
        memberships = memberships.select_for_update()
    return _membership_problem(location, memberships.first())


def ordering_problems(locations) -> list[str]:
    """Why each of the locations that cannot order cannot, in one query."""
    open_memberships = {
        membership.location_id: membership
        for membership in Membership.objects.filter(location__in=locations).exclude(
            status=MembershipStatus.ENDED
        )
    }
    problems = [_membership_problem(loc, open_memberships.get(loc.pk)) for loc in locations]
    return [problem for problem in problems if problem]


def _membership_problem(location, membership) -> str:
    names = {"location": location.name}
    if membership is None:
        return (
            gettext(
                "%(location)s is not a member of the programme, so it cannot order. "
                "Apply for membership first."
            )
            % names
        )
    if membership.status == MembershipStatus.APPLIED:
        return (
            gettext(
                "The membership of %(location)s has been applied for but not approved yet. "
                "You can order once the agreement is signed and the membership is active."
            )
            % names
        )
    if membership.status == MembershipStatus.APPROVED:
        return (
            gettext(
                "The membership of %(location)s is approved, but the agreement has not been "
                "signed yet. You can order once the programme has the signed agreement and the "
                "membership is active."
            )
            % names
        )
    return ""


def _check_orderable(*, location, product: Product, start_month: date) -> None:
    region = location.region
    problem = ordering_problem(location, lock=True)
    if problem:
        raise ValidationError(problem, code="membership")
    if not offered_products(region, orderable_only=True).filter(pk=product.pk).exists():
        raise ValidationError(gettext("This product is not offered in your region."))
    if start_month < current_month(region.time_zone):
        raise ValidationError(
            {"start_month": gettext("Choose this month or a later one.")}, code="past"
        )
    if quote_for(region, product, start_month) is None:
        raise ValidationError(missing_price_reason(region, product, start_month))


def _check_share(employer_share: Decimal) -> None:
    if not Decimal("0") <= employer_share <= Decimal("100"):
        raise ValidationError({"employer_share": gettext("Give a share from 0 to 100 %.")})


def _ticket_candidates(location, employee_ids, start_month: date) -> tuple[list[int], int]:
    """Employees of the location still employed in the month who have no ticket from it."""
    chosen = set(employee_ids)
    eligible = set(
        Employee.objects.active(on=start_month)
        .filter(location=location, pk__in=chosen)
        .values_list("pk", flat=True)
    )
    if chosen - eligible:
        raise ValidationError(
            {"employees": gettext("Choose employees of this location who still work there.")}
        )
    taken = set(
        Ticket.objects.filter(employee_id__in=eligible)
        .filter(Q(end_month__isnull=True) | Q(end_month__gt=start_month))
        .exclude(end_month=F("start_month"))  # void: cancelled before it began
        .values_list("employee_id", flat=True)
    )
    return sorted(eligible - taken), len(taken)


@dataclass(frozen=True)
class OrderPreview:
    """What an order will cost, shown before it is placed."""

    currency: str
    quantity: int
    unit_net: Decimal  # price per unit excluding VAT
    unit_gross: Decimal  # including VAT
    employer_unit_net: Decimal  # the employer's part of one unit, excluding VAT
    total_net: Decimal  # the employer's total for the month (or once), excluding VAT
    total_gross: Decimal
    vat_rate: Decimal
    monthly: bool
    skipped: int = 0  # chosen employees who already have a ticket
    digest: str = ""  # what the summary was made of, so the order placed is the one shown


def _preview(quote: Quote, *, currency, quantity, share, monthly, skipped, digest) -> OrderPreview:
    employer_unit = (quote.net * share / 100).quantize(UNIT_PRICE, ROUND_HALF_UP)
    total_net = (employer_unit * quantity).quantize(CENT, ROUND_HALF_UP)
    vat = (total_net * quote.vat.rate / 100).quantize(CENT, ROUND_HALF_UP)
    return OrderPreview(
        currency=currency,
        quantity=quantity,
        unit_net=quote.net,
        unit_gross=quote.gross,
        employer_unit_net=employer_unit,
        total_net=total_net,
        total_gross=total_net + vat,
        vat_rate=quote.vat.rate,
        monthly=monthly,
        skipped=skipped,
        digest=digest,
    )


def ticket_order_preview(
    *, location, product: Product, employee_ids, start_month: date, employer_share: Decimal
) -> OrderPreview:
    """The price and the employer's monthly total of a ticket order; refused, like the
    order itself, when it could not be placed."""
    _check_share(employer_share)
    with transaction.atomic():
        _check_orderable(location=location, product=product, start_month=start_month)
    candidates, skipped = _ticket_candidates(location, employee_ids, start_month)
    if not candidates:
        raise ValidationError(gettext("Every chosen employee already has a ticket."))
    quote = quote_for(location.region, product, start_month)
    digest = confirmation_digest(location.pk, product.pk, start_month, employer_share, *candidates)
    return _preview(
        quote,
        currency=location.region.currency,
        quantity=len(candidates),
        share=employer_share,
        monthly=True,
        skipped=skipped,
        digest=digest,
    )


def order_preview(
    *, location, product: Product, start_month: date, quantity: int, note: str = ""
) -> OrderPreview:
    if quantity < 1:
        raise ValidationError({"quantity": gettext("Order at least one.")})
    with transaction.atomic():
        _check_orderable(location=location, product=product, start_month=start_month)
    quote = quote_for(location.region, product, start_month)
    digest = confirmation_digest(location.pk, product.pk, start_month, quantity, note.strip())
    return _preview(
        quote,
        currency=location.region.currency,
        quantity=quantity,
        share=Decimal(100),
        monthly=product.is_monthly,
        skipped=0,
        digest=digest,
    )


@transaction.atomic
def ticket_order_create(
    *,
    actor,
    location,
    product: Product,
    employee_ids,
    start_month: date,
    employer_share: Decimal,
) -> TicketOrderResult:
    """Order a personal company ticket from `start_month` for each chosen employee; the
    employer pays `employer_share` % and the employee the rest."""
    if not product.is_ticket:
        raise ValidationError(gettext("This product is not a company ticket."))
    _check_share(employer_share)
    _check_orderable(location=location, product=product, start_month=start_month)
    employee_ids, skipped = _ticket_candidates(location, employee_ids, start_month)
    if not employee_ids:
        raise ValidationError(gettext("Every chosen employee already has a ticket."))
    order = Order.objects.create(
        organisation_id=location.organisation_id,
        location=location,
        product=product,
        start_month=start_month,
        quantity=len(employee_ids),
        employer_share=employer_share,
        ordered_by=actor,
    )
    tickets = [Ticket(order=order, employee_id=pk, start_month=start_month) for pk in employee_ids]
    try:
        with transaction.atomic():
            Ticket.objects.bulk_create(tickets)
    except IntegrityError as error:  # a colleague ordered for the same person a moment ago
        raise ValidationError(gettext("Every chosen employee already has a ticket.")) from error
    changes = {
        "product": product.code,
        "start_month": start_month.isoformat(),
        "tickets": len(tickets),
        "employer_share": str(employer_share),
    }
    _audit(
        actor=actor,
        action=OrdersAction.ORDER_CREATED,
        obj=order,
        region_id=location.region_id,
        changes=changes,
    )
    return TicketOrderResult(order=order, created=len(tickets), skipped=skipped)


@transaction.atomic
def order_create(
    *, actor, location, product: Product, start_month: date, quantity: int, note: str = ""
) -> Order:
    """Order another product: every month from `start_month` (e-bike leasing) or once, in
    that month (an event)."""
    if product.is_ticket or product.kind == Product.Kind.MEMBERSHIP_FEE:
        raise ValidationError(gettext("This product cannot be ordered here."))
    if quantity < 1:
        raise ValidationError({"quantity": gettext("Order at least one.")})
    _check_orderable(location=location, product=product, start_month=start_month)
    order = Order.objects.create(
        organisation_id=location.organisation_id,
        location=location,
        product=product,
        start_month=start_month,
        end_month=None if product.is_monthly else add_months(start_month, 1),
        quantity=quantity,
        note=note.strip(),
        ordered_by=actor,
    )
    changes = {
        "product": product.code,
        "start_month": start_month.isoformat(),
        "quantity": quantity,
    }
    _audit(
        actor=actor,
        action=OrdersAction.ORDER_CREATED,
        obj=order,
        region_id=location.region_id,
        changes=changes,
    )
    return order


def _end_from(start_month: date, from_month: date) -> date:
    return max(start_month, from_month)


def _check_cancel_month(region, from_month: date) -> None:
    if from_month < current_month(region.time_zone):
        raise ValidationError(
            {
                "from_month": gettext(
                    "Months that have begun cannot be cancelled here; ask the programme "
                    "for a credit note."
                )
            }
        )


@transaction.atomic
def order_cancel(*, actor, order: Order, from_month: date) -> Order:
    """Stop the order, and its tickets, from a month on."""
    order = (
        Order.objects.select_for_update(of=("self",))
        .select_related("location__region")
        .get(pk=order.pk)
    )
    region = order.location.region
    _check_cancel_month(region, from_month)
    if order.end_month is not None and order.end_month <= from_month:
        raise ValidationError(
            gettext("The order already ends before %(month)s.") % {"month": month_label(from_month)}
        )
    order.end_month = _end_from(order.start_month, from_month)
    order.cancelled_by = actor
    order.save(update_fields=["end_month", "cancelled_by", "updated_at"])
    ended = _end_tickets(
        Ticket.objects.filter(order=order), cutoff=from_month, reason=Ticket.EndReason.CANCELLED
    )
    changes = {"from_month": from_month.isoformat(), "tickets_ended": ended}
    _audit(
        actor=actor,
        action=OrdersAction.ORDER_CANCELLED,
        obj=order,
        region_id=region.pk,
        changes=changes,
    )
    return order


@transaction.atomic
def ticket_cancel(*, actor, ticket: Ticket, from_month: date) -> Ticket:
    """Stop one employee's ticket from a month on."""
    region = ticket.order.location.region
    _check_cancel_month(region, from_month)
    if ticket.end_month is not None and ticket.end_month <= from_month:
        raise ValidationError(
            gettext("The ticket already ends before %(month)s.")
            % {"month": month_label(from_month)}
        )
    _end_tickets(
        Ticket.objects.filter(pk=ticket.pk), cutoff=from_month, reason=Ticket.EndReason.CANCELLED
    )
    ticket.refresh_from_db()
    changes = {"from_month": from_month.isoformat(), "employee_id": ticket.employee_id}
    _audit(
        actor=actor,
        action=OrdersAction.TICKET_CANCELLED,
        obj=ticket,
        region_id=region.pk,
        changes=changes,
    )
    return ticket


def _running_at(tickets, cutoff: date):
    """Tickets that would still run in or after the cutoff month (void ones never run)."""
    return tickets.filter(Q(end_month__isnull=True) | Q(end_month__gt=cutoff)).exclude(
        end_month=F("start_month")
    )


def _end_tickets(tickets, *, cutoff: date, reason: str) -> int:
    """End every ticket still running at `cutoff` (a month): those that would only start
    later are voided (end = start); the others end at the cutoff. Returns how many."""
    running = _running_at(tickets, cutoff)
    voided = running.filter(start_month__gte=cutoff).update(
        end_month=F("start_month"), end_reason=reason
    )
    ended = running.filter(start_month__lt=cutoff).update(end_month=cutoff, end_reason=reason)
    return voided + ended


@transaction.atomic
def tickets_end_for_employees(*, employee_ids, on: date, actor=None) -> int:
    """Employees who leave on `on` keep their ticket to the end of that month and no
    longer. For the employees app to call when it ends employees; safe to call twice.
    Returns how many tickets were ended."""
    employee_ids = list(employee_ids)
    tickets = Ticket.objects.filter(employee_id__in=employee_ids)
    cutoff = month_after(on)
    affected = list(
        _running_at(tickets, cutoff).values_list("pk", "employee_id", "order__location__region_id")
    )
    count = _end_tickets(tickets, cutoff=cutoff, reason=Ticket.EndReason.LEFT)
    audit_record_many(
        audit_event(
            actor=actor,
            action=OrdersAction.TICKET_ENDED,
            target=Target("ticket", pk),
            region_id=region_id,
            changes={"employee_id": employee_id, "left_on": on.isoformat()},
        )
        for pk, employee_id, region_id in affected
    )
    return count
