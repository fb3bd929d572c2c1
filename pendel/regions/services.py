"""A programme's logo: set from an upload (checked and re-encoded by pendel/core/logos.py,
as members' logos are) or removed, each with an audit event. The logo is public, like the
programme's colour: the shell header, the programme's pages and its PDF reports show it."""

from django.db import transaction

from pendel.core.audit import audit_record
from pendel.core.logos import logo_delete_after_commit, logo_from_upload
from pendel.regions.audit import RegionsAction
from pendel.regions.models import Region


@transaction.atomic
def region_logo_set(*, region: Region, upload, actor) -> str:
    """Check and re-encode the upload, then store it as the logo. A refused file raises
    ValidationError before anything is stored. Returns the stored name."""
    content = logo_from_upload(upload)
    current = Region.objects.select_for_update().get(pk=region.pk)
    old = current.logo.name
    current.logo.save(f"{current.pk}.png", content, save=False)
    current.save(update_fields=["logo"])
    logo_delete_after_commit(Region._meta.get_field("logo"), old)
    audit_record(
        actor=actor,
        action=RegionsAction.LOGO_UPLOADED,
        target=current,
        region_id=current.pk,
        changes={"programme": current.programme_name},
    )
    region.logo = current.logo
    return current.logo.name


@transaction.atomic
def region_logo_remove(*, region: Region, actor) -> bool:
    """Remove the logo (the programme's name shows instead); False when there was none."""
    current = Region.objects.select_for_update().get(pk=region.pk)
    old = current.logo.name
    if not old:
        return False
    current.logo = ""
    current.save(update_fields=["logo"])
    logo_delete_after_commit(Region._meta.get_field("logo"), old)
    audit_record(
        actor=actor,
        action=RegionsAction.LOGO_REMOVED,
        target=current,
        region_id=current.pk,
        changes={"programme": current.programme_name},
    )
    region.logo = current.logo
    return True
