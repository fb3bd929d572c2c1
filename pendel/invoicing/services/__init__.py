"""Every write to invoicing. Re-exported here: `from pendel.invoicing import services`."""

from pendel.invoicing.checks import (
    findings_of,
    invoice_ensure_sendable,
    invoice_validate,
)
from pendel.invoicing.delivery import invoice_archive, invoice_deliver, invoice_mark_sent
from pendel.invoicing.runs import invoice_run_issue_process, invoice_run_plan_process
from pendel.invoicing.services.credit import credit_note_issue, remaining_quantities
from pendel.invoicing.services.delivery import invoice_run_send, invoice_send
from pendel.invoicing.services.payments import payment_record
from pendel.invoicing.services.runs import (
    invoice_run_discard,
    invoice_run_issue,
    invoice_run_preview,
    invoice_run_start,
)
from pendel.invoicing.services.setup import billing_settings_save, seller_profile_save

__all__ = [
    "billing_settings_save",
    "credit_note_issue",
    "findings_of",
    "invoice_archive",
    "invoice_deliver",
    "invoice_ensure_sendable",
    "invoice_mark_sent",
    "invoice_run_discard",
    "invoice_run_issue",
    "invoice_run_issue_process",
    "invoice_run_plan_process",
    "invoice_run_send",
    "invoice_run_preview",
    "invoice_run_start",
    "invoice_send",
    "invoice_validate",
    "payment_record",
    "remaining_quantities",
    "seller_profile_save",
]
