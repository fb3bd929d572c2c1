"""An organisation's billing data and its invoice contact. Issued invoices keep the buyer
they were issued with; what changes here applies to the invoices issued from now on."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pendel.accounts.models import Role, User
from pendel.companies.audit import CompaniesAction
from pendel.companies.models import BILLING_FIELDS, Organisation
from pendel.core.audit import audit_record


def invoice_contact_candidates(organisation: Organisation):
    """Who may be the invoice contact: the organisation's contact persons, in any region."""
    return (
        User.objects.filter(
            is_active=True,
            roles__kind=Role.Kind.CONTACT_PERSON,
            roles__location__organisation=organisation,
        )
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def _locked(organisation: Organisation) -> Organisation:
    return Organisation.objects.select_for_update().get(pk=organisation.pk)


@transaction.atomic
def organisation_billing_update(
    *, organisation: Organisation, actor, data: dict, region_id: int | None = None
) -> Organisation:
    """Save the billing fields that changed and note old and new values in the audit trail.
    Saving the same values again changes and records nothing."""
    current = _locked(organisation)
    changes = {
        name: [getattr(current, name), data[name]]
        for name in BILLING_FIELDS
        if name in data and getattr(current, name) != data[name]
    }
    if not changes:
        return current
    for name, (_old, new) in changes.items():
        setattr(current, name, new)
    current.save(update_fields=[*changes, "updated_at"])
    audit_record(
        actor=actor,
        action=CompaniesAction.BILLING_CHANGED,
        target=current,
        region_id=region_id,
        changes={"organisation": current.name, "fields": changes},
    )
    return current


@transaction.atomic
def organisation_invoice_contact_set(
    *, organisation: Organisation, actor, user: User | None
) -> Organisation:
    """Name (or remove, with None) the invoice contact: one of the organisation's contact
    persons, who then sees all its invoices in every region and receives them by mail."""
    current = _locked(organisation)
    if user is not None and not invoice_contact_candidates(current).filter(pk=user.pk).exists():
        raise ValidationError(_("The invoice contact must be a contact person of the company."))
    if current.invoice_contact_id == (user.pk if user else None):
        return current
    old = current.invoice_contact.email if current.invoice_contact_id else ""
    current.invoice_contact = user
    current.save(update_fields=["invoice_contact", "updated_at"])
    audit_record(
        actor=actor,
        action=CompaniesAction.INVOICE_CONTACT_CHANGED,
        target=current,
        changes={"organisation": current.name, "from": old, "to": user.email if user else ""},
    )
    return current
