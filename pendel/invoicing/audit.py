"""What the audit trail records about invoices (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import date_text, month_text, register_actions


class InvoicingAction(models.TextChoices):
    RUN_STARTED = "invoice_run.started", _("Invoice run started.")
    RUN_ISSUE_REQUESTED = "invoice_run.issue_requested", _("Reviewed drafts to be issued.")
    RUN_DRAFTS_DISCARDED = "invoice_run.drafts_discarded", _("Drafts of the run discarded.")
    RUN_SEND_REQUESTED = "invoice_run.send_requested", _("Invoices of the run to be sent.")
    ISSUED = "invoice.issued", _("Invoice issued.")
    CREDITED = "invoice.credited", _("Invoice credited.")
    PAYMENT = "invoice.payment", _("Payment recorded.")
    SEND_REQUESTED = "invoice.send_requested", _("Invoice to be sent.")
    SENT = "invoice.sent", _("Invoice sent.")
    SEND_REFUSED = "invoice.send_refused", _("Invoice not sent: it breaks the e-invoice rules.")
    SELLER_PROFILE_SAVED = "seller_profile.saved", _("Seller details saved.")
    BILLING_SETTINGS_SAVED = "billing_settings.saved", _("Billing settings saved.")


def _run_started(changes: dict) -> str:
    month = {"month": month_text(changes["period"])}
    if changes.get("in_advance"):
        return (
            gettext(
                "Invoice run for %(month)s started; staff confirmed they invoice it in advance."
            )
            % month
        )
    return gettext("Invoice run for %(month)s started.") % month


def _run_issue(changes: dict) -> str:
    count = changes["ready"]
    return ngettext(
        "%(count)s reviewed draft to be issued.", "%(count)s reviewed drafts to be issued.", count
    ) % {"count": count}


def _run_discard(changes: dict) -> str:
    count = changes["drafts"]
    return ngettext("%(count)s draft discarded.", "%(count)s drafts discarded.", count) % {
        "count": count
    }


def _run_send(changes: dict) -> str:
    count = changes["invoices"]
    return ngettext("%(count)s invoice to be sent.", "%(count)s invoices to be sent.", count) % {
        "count": count
    }


register_actions(
    InvoicingAction,
    sentences={
        InvoicingAction.RUN_STARTED: _run_started,
        InvoicingAction.RUN_SEND_REQUESTED: _run_send,
        InvoicingAction.RUN_ISSUE_REQUESTED: _run_issue,
        InvoicingAction.RUN_DRAFTS_DISCARDED: _run_discard,
        InvoicingAction.ISSUED: lambda changes: (
            gettext("Invoice %(number)s issued.") % {"number": changes["number"]}
        ),
        InvoicingAction.CREDITED: lambda changes: (
            gettext("Credited by credit note %(number)s.") % {"number": changes["credit_note"]}
        ),
        InvoicingAction.PAYMENT: lambda changes: (
            gettext("Payment received on %(date)s.") % {"date": date_text(changes["received_on"])}
        ),
        InvoicingAction.SEND_REQUESTED: lambda changes: (
            gettext("Invoice to be sent to %(email)s.") % {"email": changes["to"]}
        ),
    },
)
