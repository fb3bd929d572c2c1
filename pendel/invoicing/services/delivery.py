"""Asking for invoices to be mailed; the mail itself is sent by a task, through
`pendel/invoicing/delivery.py`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext

from pendel.core.audit import audit_record
from pendel.core.tasks import enqueue_after_commit
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.checks import invoice_ensure_sendable
from pendel.invoicing.models import Invoice, InvoiceRun
from pendel.invoicing.routes import invoice_mail_recipients
from pendel.invoicing.tasks import invoice_send_task


def invoice_send(*, actor, invoice: Invoice) -> None:
    """Mail the invoice to the company's invoice address, after commit, by a task. Refused
    when it breaks the Peppol rules (checked first, outside the transaction, so that the
    findings are kept when it is refused)."""
    invoice_ensure_sendable(invoice)
    recipients = invoice_mail_recipients(invoice)
    if not recipients:
        raise ValidationError(
            gettext(
                "The company has no invoice email address. Add one under Billing details on "
                "the member page."
            )
        )
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=InvoicingAction.SEND_REQUESTED,
            target=invoice,
            region_id=invoice.region_id,
            changes={"to": ", ".join(recipients)},
        )
        enqueue_after_commit(invoice_send_task, invoice_id=invoice.pk)


@transaction.atomic
def invoice_run_send(*, actor, run: InvoiceRun) -> int:
    """Mail every invoice of the run that is issued and not sent, to those with an invoice
    address; returns how many. The others are left for staff to send another way, and
    those that break the Peppol rules are not sent (the task checks those not checked yet)."""
    invoice_ids = list(
        run.invoices.filter(status=Invoice.Status.ISSUED, sent_at__isnull=True)
        .filter(
            ~Q(buyer__email="")
            | ~Q(organisation__invoice_email="")
            | Q(organisation__invoice_contact__isnull=False)
        )
        .exclude(validation=Invoice.Validation.FAILED)
        .values_list("pk", flat=True)
    )
    audit_record(
        actor=actor,
        action=InvoicingAction.RUN_SEND_REQUESTED,
        target=run,
        region_id=run.region_id,
        changes={"invoices": len(invoice_ids)},
    )
    for invoice_id in invoice_ids:
        enqueue_after_commit(invoice_send_task, invoice_id=invoice_id)
    return len(invoice_ids)
