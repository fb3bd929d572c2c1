"""An organisation's logo: set from an upload (re-encoded, pendel/core/logos.py) or
removed, each with an audit event. The public pages show it only where the membership
allows it (Membership.logo_consent)."""

from django.db import transaction

from pendel.companies.audit import CompaniesAction
from pendel.companies.models import Organisation
from pendel.core.audit import audit_record
from pendel.core.logos import logo_delete_after_commit, logo_from_upload


@transaction.atomic
def organisation_logo_set(*, organisation: Organisation, upload, actor, region_id=None) -> str:
    """Check and re-encode the upload, then store it as the logo. A refused file raises
    ValidationError before anything is stored. Returns the stored name."""
    content = logo_from_upload(upload)
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    old = current.logo.name
    current.logo.save(f"{current.pk}.png", content, save=False)
    current.save(update_fields=["logo", "updated_at"])
    logo_delete_after_commit(Organisation._meta.get_field("logo"), old)
    audit_record(
        actor=actor,
        action=CompaniesAction.LOGO_UPLOADED,
        target=current,
        region_id=region_id,
        changes={"organisation": current.name},
    )
    organisation.logo = current.logo
    return current.logo.name


@transaction.atomic
def organisation_logo_remove(*, organisation: Organisation, actor, region_id=None) -> bool:
    """Remove the logo (the public pages stop showing it at once); False when there was none."""
    current = Organisation.objects.select_for_update().get(pk=organisation.pk)
    old = current.logo.name
    if not old:
        return False
    current.logo = ""
    current.save(update_fields=["logo", "updated_at"])
    logo_delete_after_commit(Organisation._meta.get_field("logo"), old)
    audit_record(
        actor=actor,
        action=CompaniesAction.LOGO_REMOVED,
        target=current,
        region_id=region_id,
        changes={"organisation": current.name},
    )
    organisation.logo = current.logo
    return True
