"""Credit notes: the whole invoice or part of it, referring to the invoice they correct."""

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone, translation
from django.utils.translation import gettext

from pendel.core.audit import audit_record
from pendel.core.dates import today_in
from pendel.core.money import format_number
from pendel.core.tasks import enqueue_after_commit
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.issuing import seller_snapshot
from pendel.invoicing.models import Invoice, InvoiceLine
from pendel.invoicing.numbering import counter_lock, counter_take, invoice_number
from pendel.invoicing.tasks import invoice_archive_task
from pendel.invoicing.totals import (
    Totals,
    VatSubtotal,
    held_vat,
    line_amount,
    totals_for,
    vat_group_key,
)

ZERO = Decimal("0")


def _credited(invoice: Invoice) -> dict[int, tuple[Decimal, Decimal]]:
    """Line id -> (quantity, net amount) credit notes have credited so far."""
    rows = (
        InvoiceLine.objects.filter(credited_line__invoice=invoice)
        .values("credited_line_id")
        .annotate(quantity=Sum("quantity"), net=Sum("net_amount"))
        .values_list("credited_line_id", "quantity", "net")
    )
    return {line_id: (quantity, net) for line_id, quantity, net in rows}


def credited_quantities(invoice: Invoice) -> dict[int, Decimal]:
    """Line id -> the quantity credit notes have credited so far."""
    return {line_id: quantity for line_id, (quantity, _net) in _credited(invoice).items()}


def remaining_quantities(invoice: Invoice) -> dict[int, Decimal]:
    credited = credited_quantities(invoice)
    return {line.pk: line.quantity - credited.get(line.pk, ZERO) for line in invoice.lines.all()}


def _wanted(invoice: Invoice, quantities: dict[int, Decimal] | None) -> dict[int, Decimal]:
    remaining = remaining_quantities(invoice)
    if quantities is None:  # the whole invoice, or what is left of it
        wanted = {pk: q for pk, q in remaining.items() if q > 0}
    else:
        wanted = {pk: Decimal(q) for pk, q in quantities.items() if q}
    if not wanted:
        raise ValidationError(gettext("Choose what to credit."))
    for pk, quantity in wanted.items():
        if pk not in remaining or quantity < 0 or quantity > remaining[pk]:
            raise ValidationError(gettext("A line cannot be credited for more than is left of it."))
    return wanted


def _credit_description(line: InvoiceLine, quantity: Decimal) -> str:
    """The invoiced line's description, saying how much of it a part credit covers."""
    if quantity == line.quantity:
        return line.description
    text = gettext("%(quantity)s of %(total)s credited. %(description)s") % {
        "quantity": format_number(quantity.normalize()),
        "total": format_number(line.quantity.normalize()),
        "description": line.description,
    }
    return text[:300]


@dataclass
class _Credited:
    """An invoice line as far as credit notes have credited it: after this one, if given."""

    quantity: Decimal
    net_amount: Decimal
    unit_price_incl_vat: Decimal | None
    vat_category: str
    vat_rate: Decimal
    vat_exemption_reason: str


def _net_after(line: InvoiceLine, quantity: Decimal) -> Decimal:
    """What `quantity` of the line is worth net, counted from the line's start: the line's
    own amount when all of it is credited."""
    return line.net_amount if quantity == line.quantity else line_amount(quantity, line.unit_price)


def _credit_line(line: InvoiceLine, quantity: Decimal, credited: tuple) -> InvoiceLine:
    """The credit of `quantity` of the line. Its amount is what the line is worth after this
    credit less what earlier credits took, so part credits add up to the line's amount."""
    before_quantity, before_net = credited
    net = _net_after(line, before_quantity + quantity) - before_net
    return InvoiceLine(
        product_id=line.product_id,
        product_code=line.product_code,
        name=line.name,
        description=_credit_description(line, quantity),
        location_name=line.location_name,
        period_start=line.period_start,
        period_end=line.period_end,
        quantity=quantity,
        unit_code=line.unit_code,
        unit_price=line.unit_price,
        unit_price_incl_vat=line.unit_price_incl_vat,
        net_amount=net,
        vat_category=line.vat_category,
        vat_rate=line.vat_rate,
        vat_exemption_reason=line.vat_exemption_reason,
        vat_rate_confirmed=line.vat_rate_confirmed,
        employee_count=line.employee_count if quantity == line.quantity else None,
        employer_share=line.employer_share,
        credited_line=line,
    )


def _credit_lines(invoice: Invoice, wanted: dict[int, Decimal], credited: dict) -> list:
    lines = []
    with translation.override(invoice.language):
        for line in invoice.lines.filter(pk__in=wanted).order_by("position"):
            credit = _credit_line(line, wanted[line.pk], credited.get(line.pk, (ZERO, ZERO)))
            credit.position = len(lines) + 1
            lines.append(credit)
    return lines


def _credited_after(invoice: Invoice, credited: dict, lines: list) -> list[_Credited]:
    """Each invoice line as credited once `lines` are added."""
    now = {line.credited_line_id: line for line in lines}
    state = []
    for line in invoice.lines.all():
        quantity, net = credited.get(line.pk, (ZERO, ZERO))
        if line.pk in now:
            quantity, net = quantity + now[line.pk].quantity, net + now[line.pk].net_amount
        if quantity:
            state.append(
                _Credited(
                    quantity,
                    net,
                    line.unit_price_incl_vat,
                    line.vat_category,
                    line.vat_rate,
                    line.vat_exemption_reason,
                )
            )
    return state


def _earlier_tax(notes) -> dict[tuple, Decimal]:
    taxes: dict[tuple, Decimal] = defaultdict(Decimal)
    for note in notes:
        for data in note.vat_breakdown:
            subtotal = VatSubtotal.from_json(data)
            taxes[vat_group_key(subtotal.category, subtotal.rate)] += subtotal.tax
    return taxes


def _credit_totals(invoice: Invoice, credited: dict, lines: list, rest: bool) -> Totals:
    """The credit note's totals, counted like its lines: what is credited after it, by
    the rules of totals.py, less what earlier credit notes credited. The credit of the rest
    takes exactly what is left of the invoice, so its balance comes to 0.00."""
    notes = list(invoice.credit_notes.all())
    if rest:
        target = {
            vat_group_key(s.category, s.rate): s.tax
            for s in map(VatSubtotal.from_json, invoice.vat_breakdown)
        }
    else:
        after = totals_for(_credited_after(invoice, credited, lines))
        target = {vat_group_key(s.category, s.rate): s.tax for s in after.breakdown}
    earlier = _earlier_tax(notes)
    own = totals_for(lines)
    breakdown, rounding = [], ZERO
    for subtotal in own.breakdown:
        key = vat_group_key(subtotal.category, subtotal.rate)
        wanted = target.get(key, ZERO) - earlier.get(key, ZERO)
        tax, moved = held_vat(wanted, subtotal.taxable, subtotal.rate)
        rounding += moved
        breakdown.append(replace(subtotal, tax=tax))
    line_total = sum((s.taxable for s in breakdown), ZERO)
    vat_total = sum((s.tax for s in breakdown), ZERO)
    if rest:
        left = invoice.total - sum((note.total for note in notes), ZERO)
        rounding = left - line_total - vat_total
    else:
        rounding += after.rounding - sum((note.rounding_amount for note in notes), ZERO)
    return Totals(line_total, vat_total, rounding, line_total + vat_total + rounding, breakdown)


@transaction.atomic
def credit_note_issue(
    *, actor, invoice: Invoice, reason: str, quantities: dict[int, Decimal] | None = None
) -> Invoice:
    """Credit the whole invoice (quantities None) or the given quantities of its lines, at
    the prices, VAT category and rate of the invoice. The credit note takes the next number
    of the region's series under the same lock as invoice runs."""
    counter = counter_lock(invoice.region_id)
    invoice = (
        Invoice.objects.select_for_update(of=("self",)).select_related("region").get(pk=invoice.pk)
    )
    if invoice.is_credit_note:
        raise ValidationError(gettext("A credit note cannot be credited."))
    if not reason.strip():
        raise ValidationError({"reason": gettext("Say why the invoice is credited.")})
    wanted = _wanted(invoice, quantities)
    credited = _credited(invoice)
    lines = _credit_lines(invoice, wanted, credited)
    rest = _is_the_rest(invoice, credited, wanted)
    totals = _credit_totals(invoice, credited, lines, rest)
    (sequence,) = counter_take(counter, 1)
    seller = seller_snapshot(invoice.region)
    with translation.override(invoice.language):
        note = gettext("Credit note for invoice %(number)s: %(reason)s") % {
            "number": invoice.number,
            "reason": reason.strip(),
        }
    credit = Invoice.objects.create(
        region_id=invoice.region_id,
        organisation_id=invoice.organisation_id,
        location_id=invoice.location_id,
        kind=Invoice.Kind.CREDIT_NOTE,
        credited_invoice=invoice,
        sequence=sequence,
        number=invoice_number(seller["prefix"], sequence),
        issue_date=today_in(invoice.region.time_zone),
        period_start=min(line.period_start for line in lines),
        period_end=max(line.period_end for line in lines),
        currency=invoice.currency,
        language=invoice.language,
        seller=seller,
        buyer=invoice.buyer,
        buyer_reference=invoice.buyer_reference,
        payment_reference=invoice.payment_reference,
        line_total=totals.line_total,
        vat_total=totals.vat_total,
        rounding_amount=totals.rounding,
        total=totals.total,
        vat_breakdown=[subtotal.as_json() for subtotal in totals.breakdown],
        note=note[:1000],
        created_by=actor,
    )
    for line in lines:
        line.invoice = credit
    InvoiceLine.objects.bulk_create(lines)
    _update_credited(invoice, credit)
    audit_record(
        actor=actor,
        action=InvoicingAction.CREDITED,
        target=invoice,
        region_id=invoice.region_id,
        changes={"credit_note": credit.number, "total": str(credit.total), "reason": reason},
    )
    enqueue_after_commit(invoice_archive_task, invoice_ids=[credit.pk])
    return credit


def _is_the_rest(invoice: Invoice, credited: dict, wanted: dict) -> bool:
    """Whether, with `wanted`, every line is credited in full."""
    return all(
        credited.get(line.pk, (ZERO, ZERO))[0] + wanted.get(line.pk, ZERO) >= line.quantity
        for line in invoice.lines.all()
    )


def _update_credited(invoice: Invoice, credit: Invoice) -> None:
    """Credited when its whole amount is; settled (paid) when credits and payments together
    leave nothing to pay; otherwise it stays open with what is still owed."""
    invoice.credited_total += credit.total
    fields = ["credited_total"]
    if invoice.credited_total >= invoice.total:
        invoice.status = Invoice.Status.CREDITED
        fields.append("status")
    elif invoice.outstanding <= 0 and invoice.status != Invoice.Status.PAID:
        invoice.status, invoice.paid_at = Invoice.Status.PAID, timezone.now()
        fields += ["status", "paid_at"]
    invoice.save(update_fields=fields)
