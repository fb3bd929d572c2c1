"""Credit notes: the whole invoice or part of it, referring to the invoice they correct."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import translation
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
from pendel.invoicing.totals import line_amount, totals_for

ZERO = Decimal("0")


def credited_quantities(invoice: Invoice) -> dict[int, Decimal]:
    """Line id -> the quantity credit notes have credited so far."""
    rows = (
        InvoiceLine.objects.filter(credited_line__invoice=invoice)
        .values("credited_line_id")
        .annotate(quantity=Sum("quantity"))
        .values_list("credited_line_id", "quantity")
    )
    return dict(rows)


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


def _credit_lines(invoice: Invoice, wanted: dict[int, Decimal]) -> list[InvoiceLine]:
    lines = []
    for line in invoice.lines.filter(pk__in=wanted).order_by("position"):
        quantity = wanted[line.pk]
        with translation.override(invoice.language):
            description = _credit_description(line, quantity)
        lines.append(
            InvoiceLine(
                position=len(lines) + 1,
                product_id=line.product_id,
                product_code=line.product_code,
                name=line.name,
                description=description,
                location_name=line.location_name,
                period_start=line.period_start,
                period_end=line.period_end,
                quantity=quantity,
                unit_code=line.unit_code,
                unit_price=line.unit_price,
                net_amount=line_amount(quantity, line.unit_price),
                vat_category=line.vat_category,
                vat_rate=line.vat_rate,
                vat_exemption_reason=line.vat_exemption_reason,
                vat_rate_confirmed=line.vat_rate_confirmed,
                employee_count=line.employee_count if quantity == line.quantity else None,
                employer_share=line.employer_share,
                credited_line=line,
            )
        )
    return lines


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
    lines = _credit_lines(invoice, wanted)
    totals = totals_for(lines)
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


def _update_credited(invoice: Invoice, credit: Invoice) -> None:
    invoice.credited_total += credit.total
    fields = ["credited_total"]
    if all(quantity <= 0 for quantity in remaining_quantities(invoice).values()):
        invoice.status = Invoice.Status.CREDITED
        fields.append("status")
    invoice.save(update_fields=fields)
