"""Credit control: payments received. (Marking an invoice sent is in `delivery.py`.)"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from pendel.core.audit import audit_record
from pendel.core.dates import region_today
from pendel.core.money import format_money
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.models import Invoice, Payment


def _audit(*, actor, action: str, invoice: Invoice, changes: dict) -> None:
    audit_record(
        actor=actor, action=action, target=invoice, region_id=invoice.region_id, changes=changes
    )


@transaction.atomic
def payment_record(
    *, actor, invoice: Invoice, amount: Decimal, received_on: date, reference: str = ""
) -> Payment:
    """Money received. When nothing is left to pay, the invoice is paid."""
    invoice = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if invoice.is_credit_note:
        raise ValidationError(gettext("Payments are recorded on invoices, not credit notes."))
    if invoice.status == Invoice.Status.CREDITED or invoice.outstanding <= 0:
        raise ValidationError(gettext("Nothing is left to pay on this invoice."))
    if amount <= 0:
        raise ValidationError({"amount": gettext("Give an amount above zero.")})
    if amount > invoice.outstanding:
        raise ValidationError(
            {
                "amount": gettext("Only %(amount)s is left to pay.")
                % {"amount": format_money(invoice.outstanding, invoice.currency)}
            }
        )
    if received_on > region_today(invoice.region):
        raise ValidationError({"received_on": gettext("The date is in the future.")})
    payment = Payment.objects.create(
        invoice=invoice,
        amount=amount,
        received_on=received_on,
        reference=reference.strip(),
        created_by=actor,
    )
    invoice.paid_total += amount
    fields = ["paid_total"]
    if invoice.outstanding <= 0:
        invoice.status, invoice.paid_at = Invoice.Status.PAID, timezone.now()
        fields += ["status", "paid_at"]
    invoice.save(update_fields=fields)
    _audit(
        actor=actor,
        action=InvoicingAction.PAYMENT,
        invoice=invoice,
        changes={"amount": str(amount), "received_on": received_on.isoformat()},
    )
    return payment
