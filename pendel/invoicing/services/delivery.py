"""Asking for invoices to be mailed; the mail itself is sent by a task, through
`pendel/invoicing/delivery.py`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from pendel.core.models import AuditEvent
from pendel.core.tasks import enqueue_after_commit
from pendel.invoicing.models import Invoice, InvoiceRun
from pendel.invoicing.tasks import invoice_send_task


@transaction.atomic
def invoice_send(*, actor, invoice: Invoice) -> None:
    """Mail the invoice to the company's invoice address, after commit, by a task."""
    if not invoice.buyer.get("email"):
        raise ValidationError(
            gettext("The company has no invoice email address. Add it to the company first.")
        )
    AuditEvent.objects.create(
        actor=actor,
        action="invoice.send_requested",
        object_type="invoice",
        object_id=str(invoice.pk),
        region_id=invoice.region_id,
        changes={"to": invoice.buyer["email"]},
    )
    enqueue_after_commit(invoice_send_task, invoice_id=invoice.pk)


@transaction.atomic
def invoice_run_send(*, actor, run: InvoiceRun) -> int:
    """Mail every invoice of the run that is issued and not sent, to those with an invoice
    address; returns how many. The others are left for staff to send another way."""
    invoice_ids = list(
        run.invoices.filter(status=Invoice.Status.ISSUED, sent_at__isnull=True)
        .exclude(buyer__email="")
        .values_list("pk", flat=True)
    )
    AuditEvent.objects.create(
        actor=actor,
        action="invoice_run.send_requested",
        object_type="invoicerun",
        object_id=str(run.pk),
        region_id=run.region_id,
        changes={"invoices": len(invoice_ids)},
    )
    for invoice_id in invoice_ids:
        enqueue_after_commit(invoice_send_task, invoice_id=invoice_id)
    return len(invoice_ids)
