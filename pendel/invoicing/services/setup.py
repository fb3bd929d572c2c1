"""Who sells in a region, and how a company wants its invoices."""

from django.db import transaction

from pendel.core.audit import audit_record
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.models import BillingSettings, SellerProfile

SELLER_FIELDS = [
    "legal_name",
    "organisation_number",
    "legal_id_scheme",
    "vat_number",
    "in_business_register",
    "street",
    "postcode",
    "city",
    "email",
    "phone",
    "account_kind",
    "account_number",
    "bic",
    "payment_terms_days",
    "invoice_prefix",
]


def _changes(obj, data: dict) -> dict:
    return {
        name: [str(getattr(obj, name, "")), str(value)]
        for name, value in data.items()
        if getattr(obj, name, None) != value
    }


@transaction.atomic
def seller_profile_save(*, actor, region, data: dict) -> SellerProfile:
    """The region's seller details. Issued invoices keep the details they were issued with."""
    profile = SellerProfile.objects.filter(region=region).first() or SellerProfile(region=region)
    changes = _changes(profile, data)
    for name, value in data.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    audit_record(
        actor=actor,
        action=InvoicingAction.SELLER_PROFILE_SAVED,
        target=profile,
        region_id=region.pk,
        changes=changes,
    )
    return profile


@transaction.atomic
def billing_settings_save(
    *, actor, organisation, invoice_per_location: bool, language: str
) -> BillingSettings:
    settings, _created = BillingSettings.objects.get_or_create(organisation=organisation)
    data = {"invoice_per_location": invoice_per_location, "language": language}
    changes = _changes(settings, data)
    for name, value in data.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    audit_record(
        actor=actor,
        action=InvoicingAction.BILLING_SETTINGS_SAVED,
        target=organisation,
        region_id=None,
        changes=changes,
    )
    return settings
