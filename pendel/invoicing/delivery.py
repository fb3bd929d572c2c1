"""Getting an invoice to the company: by mail with its PDF and its e-invoice (UBL XML)
attached, and into the document archive. The tasks call this module; it queues nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from pendel.core.audit import audit_record
from pendel.core.mail import mail_message, mail_render, mail_theme
from pendel.documents.models import Document
from pendel.documents.services import document_store_generated
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.checks import invoice_ensure_sendable
from pendel.invoicing.models import Invoice
from pendel.invoicing.pdf import invoice_pdf
from pendel.invoicing.retention import invoice_retained_until
from pendel.invoicing.routes import invoice_mail_recipients
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
            retained_until=invoice_retained_until(invoice),
        )
        invoice.document = document
        invoice.save(update_fields=["document"])
    return invoice


def invoice_deliver(*, invoice_id: int) -> bool:
    """Send the mail unless the invoice has been sent already or breaks the Peppol rules;
    True when it was sent now."""
    invoice = Invoice.objects.select_related("region", "organisation__invoice_contact").get(
        pk=invoice_id
    )
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
    context = {"invoice": invoice, "title": document_title(invoice)}
    subject, body = mail_render("invoicing/emails/invoice", context, invoice.language)
    recipients = invoice_mail_recipients(invoice)
    if not recipients:
        return False
    message = mail_message(
        to=recipients,
        subject=subject,
        body=body,
        language=invoice.language,
        theme=mail_theme(invoice.region),
        reply_to=[invoice.seller["email"]] if invoice.seller.get("email") else None,
    )
    message.attach(document_filename(invoice, "pdf"), invoice_pdf(invoice), "application/pdf")
    message.attach(document_filename(invoice, "xml"), invoice_xml(invoice), "application/xml")
    message.send()
    return invoice_mark_sent(actor=None, invoice=invoice)


def invoice_mark_sent(*, actor, invoice: Invoice) -> bool:
    """Note that the invoice went out (by Pendel's mail or another channel). Only an
    issued invoice becomes sent; True when this call changed it. Refused when it breaks
    the Peppol rules."""
    invoice_ensure_sendable(invoice)
    now = timezone.now()
    with transaction.atomic():
        changed = Invoice.objects.filter(pk=invoice.pk, sent_at__isnull=True).update(sent_at=now)
        Invoice.objects.filter(pk=invoice.pk, status=Invoice.Status.ISSUED).update(
            status=Invoice.Status.SENT
        )
        if changed:
            audit_record(
                actor=actor,
                action=InvoicingAction.SENT,
                target=invoice,
                region_id=invoice.region_id,
                changes={},
            )
    return bool(changed)
