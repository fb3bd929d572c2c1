"""Writes for companies: memberships, contact persons, advisor notes, applications."""

from pendel.companies.services.applications import (
    application_approve,
    application_confirm,
    application_confirmation_valid,
    application_reject,
    application_submit,
)
from pendel.companies.services.billing import (
    invoice_contact_candidates,
    organisation_billing_update,
    organisation_invoice_contact_set,
)
from pendel.companies.services.contacts import (
    contact_invitation_accept,
    contact_invitation_for,
    contact_invite,
    contact_set_primary,
)
from pendel.companies.services.logos import organisation_logo_remove, organisation_logo_set
from pendel.companies.services.memberships import (
    membership_assign_advisor,
    membership_transition,
    membership_update_terms,
    note_create,
    note_mark_done,
)

__all__ = [
    "organisation_logo_remove",
    "organisation_logo_set",
    "application_approve",
    "application_confirm",
    "application_confirmation_valid",
    "application_reject",
    "application_submit",
    "contact_invitation_accept",
    "contact_invitation_for",
    "contact_invite",
    "contact_set_primary",
    "invoice_contact_candidates",
    "organisation_billing_update",
    "organisation_invoice_contact_set",
    "membership_assign_advisor",
    "membership_transition",
    "membership_update_terms",
    "note_create",
    "note_mark_done",
]
