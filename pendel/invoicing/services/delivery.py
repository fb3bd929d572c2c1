"""Getting an invoice to the company: by mail with its PDF and its e-invoice (UBL XML)
attached, and into the document archive."""

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from pendel.core.audit import audit_record
from pendel.documents.models import Document
from pendel.documents.services import document_store_generated
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.models import Invoice, InvoiceRun
from pendel.invoicing.pdf import invoice_pdf
from pendel.invoicing.services.checks import invoice_ensure_sendable
from pendel.invoicing.services.payments import invoice_mark_sent
from pendel.invoicing.ubl import invoice_xml


def document_filename(invoice: Invoice, extension: str) -> str:
    kind = "credit-note" if invoice.is_credit_note else "invoice"
    return f"{kind}-{invoice.number}.{extension}".replace("/", "-")


def document_title(invoice: Invoice) -> str:
    with translation.override(invoice.language):
        if invoice.is_credit_note:
            return gettext("Credit note %(number)s") % {"number": invoice.number}
        return gettext("Invoice %(number)s") % {"number": invoice.number}


def invoice_archive(*, invoice_id: int) -> Invoice:
    """File the invoice's PDF in the document archive, once. Safe to run twice."""
    with transaction.atomic():
        invoice = (
            Invoice.objects.select_for_update(of=("self",))
            .select_related("organisation", "location", "region")
            .get(pk=invoice_id)
        )
        if invoice.document_id:
            return invoice
        document = document_store_generated(
            organisation=invoice.organisation,
            region=invoice.region,
            location=invoice.location,
            title=document_title(invoice),
            category=Document.Category.INVOICE,
            filename=document_filename(invoice, "pdf"),
            content=invoice_pdf(invoice),
        )
        invoice.document = document
        invoice.save(update_fields=["document"])
    return invoice


def invoice_send(*, actor, invoice: Invoice) -> None:
    """Mail the invoice to the company's invoice address, after commit, by a task. Refused
    when it breaks the Peppol rules (checked first, outside the transaction, so that the
    findings are kept when it is refused)."""
    invoice_ensure_sendable(invoice)
    if not invoice.buyer.get("email"):
        raise ValidationError(
            gettext("The company has no invoice email address. Add it to the company first.")
        )
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=InvoicingAction.SEND_REQUESTED,
            target=invoice,
            region_id=invoice.region_id,
            changes={"to": invoice.buyer["email"]},
        )
        transaction.on_commit(lambda: _send_later(invoice.pk))


@transaction.atomic
def invoice_run_send(*, actor, run: InvoiceRun) -> int:
    """Mail every invoice of the run that is issued and not sent, to those with an invoice
    address; returns how many. The others are left for staff to send another way, and
    those that break the Peppol rules are not sent (the task checks those not checked yet)."""
    invoice_ids = list(
        run.invoices.filter(status=Invoice.Status.ISSUED, sent_at__isnull=True)
        .exclude(buyer__email="")
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
        transaction.on_commit(lambda invoice_id=invoice_id: _send_later(invoice_id))
    return len(invoice_ids)


def _send_later(invoice_id: int) -> None:
    from pendel.invoicing.tasks import invoice_send_task  # tasks import the services

    invoice_send_task.enqueue(invoice_id=invoice_id)


def invoice_deliver(*, invoice_id: int) -> bool:
    """Send the mail unless the invoice has been sent already or breaks the Peppol rules;
    True when it was sent now."""
    invoice = Invoice.objects.select_related("region").get(pk=invoice_id)
    if invoice.sent_at is not None:
        return False
    try:
        invoice_ensure_sendable(invoice)
    except ValidationError:
        audit_record(
            actor=None,
            action=InvoicingAction.SEND_REFUSED,
            target=invoice,
            region_id=invoice.region_id,
            changes={"reason": "peppol"},
        )
        return False
    with translation.override(invoice.language):
        context = {"invoice": invoice, "title": document_title(invoice)}
        subject = render_to_string("invoicing/emails/invoice_subject.txt", context).strip()
        body = render_to_string("invoicing/emails/invoice_body.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[invoice.buyer["email"]])
    if invoice.seller.get("email"):
        message.reply_to = [invoice.seller["email"]]
    message.attach(document_filename(invoice, "pdf"), invoice_pdf(invoice), "application/pdf")
    message.attach(document_filename(invoice, "xml"), invoice_xml(invoice), "application/xml")
    message.send()
    return invoice_mark_sent(actor=None, invoice=invoice)
