"""The e-invoice check of an invoice or credit note against the Peppol BIS Billing 3.0 rules,
and the rule that nothing breaking them is sent. The task worker checks each invoice right
after it is issued (with its archive copy); sending checks again whenever the rules in force
are newer than the last check, or the invoice has not been checked yet."""

import logging

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import ngettext

from pendel.invoicing.models import Invoice
from pendel.invoicing.ubl import invoice_xml
from pendel.invoicing.validation import PEPPOL_VERSION, Finding, validate

logger = logging.getLogger(__name__)


def invoice_validate(*, invoice_id: int) -> Invoice:
    """Check the invoice's UBL against the rules in force and store the findings, unless it
    was checked against these rules already. Safe to run twice."""
    invoice = Invoice.objects.select_related("credited_invoice").get(pk=invoice_id)
    if invoice.validation != Invoice.Validation.PENDING and (
        invoice.validated_against == PEPPOL_VERSION
    ):
        return invoice
    findings = validate(invoice_xml(invoice))
    fatal = any(finding.is_fatal for finding in findings)
    invoice.validation = Invoice.Validation.FAILED if fatal else Invoice.Validation.PASSED
    invoice.validation_findings = [finding.as_json() for finding in findings]
    invoice.validated_against = PEPPOL_VERSION
    invoice.validated_at = timezone.now()
    invoice.save(
        update_fields=["validation", "validation_findings", "validated_against", "validated_at"]
    )
    if fatal:
        logger.warning("Invoice %s breaks the Peppol rules: %s", invoice.number, findings)
    return invoice


def findings_of(invoice: Invoice) -> list[Finding]:
    """The stored findings, fatal ones first, each group in the order the rules gave them."""
    findings = [Finding.from_json(data) for data in invoice.validation_findings]
    return sorted(findings, key=lambda finding: not finding.is_fatal)


def invoice_ensure_sendable(invoice: Invoice) -> Invoice:
    """The invoice, checked; a ValidationError when it breaks a rule and so cannot be sent."""
    checked = invoice_validate(invoice_id=invoice.pk)
    if checked.breaks_the_rules:
        count = sum(1 for finding in findings_of(checked) if finding.is_fatal)
        raise ValidationError(
            ngettext(
                "%(number)s cannot be sent: it breaks %(count)s rule of PEPPOL BIS Billing "
                "3.0. The finding is shown on its page.",
                "%(number)s cannot be sent: it breaks %(count)s rules of PEPPOL BIS Billing "
                "3.0. The findings are shown on its page.",
                count,
            )
            % {"number": checked.number, "count": count}
        )
    return checked
