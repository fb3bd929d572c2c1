"""How each customer gets its invoices: a Peppol e-invoice to its participant ID, an email
with the PDF and the e-invoice (XML) attached, or no way at all (then staff must add one
before the invoices can be sent)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

PEPPOL, EMAIL, NONE = "peppol", "email", "none"


@dataclass(frozen=True)
class Route:
    kind: str  # PEPPOL, EMAIL or NONE
    address: str  # the participant ID or the email addresses, "" for NONE

    @property
    def label(self) -> str:
        if self.kind == PEPPOL:
            return _("Peppol e-invoice to %(address)s") % {"address": self.address}
        if self.kind == EMAIL:
            return _("Email with PDF and XML to %(address)s") % {"address": self.address}
        return _("No e-invoice route: add a Peppol ID or an invoice email")

    @property
    def missing(self) -> bool:
        return self.kind == NONE


def invoice_recipients(organisation) -> list[str]:
    """Who the invoice mail goes to: the invoice email and the invoice contact, once each.
    Reads organisation.invoice_contact (select_related it when there are many)."""
    recipients = [organisation.invoice_email.strip().lower()] if organisation.invoice_email else []
    contact = organisation.invoice_contact if organisation.invoice_contact_id else None
    if contact is not None and contact.is_active and contact.email:
        email = contact.email.strip().lower()
        if email not in recipients:
            recipients.append(email)
    return recipients


def delivery_route(organisation) -> Route:
    """The way the organisation's invoices reach it. Its Peppol ID first; otherwise email."""
    if organisation.peppol_id:
        return Route(PEPPOL, organisation.peppol_id)
    recipients = invoice_recipients(organisation)
    if recipients:
        return Route(EMAIL, ", ".join(recipients))
    return Route(NONE, "")


def invoice_mail_recipients(invoice) -> list[str]:
    """Where an issued invoice is mailed: the addresses it was issued with, or, when it had
    none, those the organisation has now (so adding an invoice email lets it be sent)."""
    email = invoice.buyer.get("email")
    issued = (invoice.buyer.get("recipients") or [email]) if email else []
    return issued or invoice_recipients(invoice.organisation)
