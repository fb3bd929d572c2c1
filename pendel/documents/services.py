"""Writes to the document archive. Other apps store the files they make (invoices,
reports) with document_store_generated()."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext

from pendel.accounts.models import User
from pendel.companies.models import Location, Organisation
from pendel.core.audit import audit_record
from pendel.core.tasks import enqueue_after_commit
from pendel.documents.audit import DocumentsAction
from pendel.documents.files import file_check, original_filename
from pendel.documents.models import Document
from pendel.documents.tasks import document_file_purge
from pendel.regions.models import Region


@transaction.atomic
def document_upload(
    *,
    actor: User | None,
    organisation: Organisation,
    location: Location | None,
    region: Region,
    title: str,
    category: str,
    visibility: str,
    file,
) -> Document:
    """Check the file and where it is filed, store it, and record who uploaded it.

    Nothing is written (no row, no file) when the file or its filing is refused."""
    name = original_filename(file.name)
    document = Document(
        organisation=organisation,
        location=location,
        region=region,
        title=title.strip() or PurePosixPath(name).stem[:200],
        category=category,
        visibility=visibility,
        original_filename=name,
        content_type=file_check(file),
        size=file.size,
        uploaded_by=actor,
    )
    document.full_clean(exclude=["file"])
    if location is None:
        _check_company_in_region(organisation=organisation, region=region)
    document.file = file
    _save_new(document)
    return document


def document_store_generated(
    *,
    organisation: Organisation,
    region: Region,
    title: str,
    category: str,
    filename: str,
    content: bytes,
    actor: User | None = None,
    location: Location | None = None,
    visibility: str = Document.Visibility.SHARED,
    retained_until=None,
) -> Document:
    """Archive a file Pendel made (an invoice PDF, a report); same checks as an upload.
    `retained_until`: the last day the law keeps it (an issued invoice); no deleting before."""
    document = document_upload(
        actor=actor,
        organisation=organisation,
        location=location,
        region=region,
        title=title,
        category=category,
        visibility=visibility,
        file=ContentFile(content, name=filename),
    )
    if retained_until is not None:
        Document.objects.filter(pk=document.pk).update(retained_until=retained_until)
        document.retained_until = retained_until
    return document


@transaction.atomic
def document_delete(*, actor: User, document: Document) -> Document:
    """Take the document out of the archive. The row stays as a record; the file itself
    is removed from storage after commit, by a task that retries if storage is down.

    Refused while the law keeps the file (an issued invoice, see retained_until)."""
    now = timezone.now()
    today = timezone.localdate(now)
    current = Document.objects.select_for_update().get(pk=document.pk)
    if current.is_retained(today):
        raise ValidationError(retention_message(current), code="retained")
    claimed = Document.objects.filter(pk=document.pk, deleted_at__isnull=True).update(
        deleted_at=now, deleted_by=actor
    )
    if claimed != 1:  # deleted by someone else a moment ago: nothing left to do
        return document
    document.deleted_at, document.deleted_by = now, actor
    audit_record(
        actor=actor,
        action=DocumentsAction.DELETED,
        target=document,
        region_id=document.region_id,
        changes={"title": document.title, "filename": document.original_filename},
    )
    enqueue_after_commit(document_file_purge, document_id=document.pk)
    return document


def retention_message(document: Document) -> str:
    return gettext(
        "This is an issued invoice. Bookkeeping law keeps it until %(date)s; it cannot be "
        "deleted before then."
    ) % {"date": formats.date_format(document.retained_until, "DATE_FORMAT")}


def _check_company_in_region(*, organisation: Organisation, region: Region) -> None:
    # A company-wide document is filed under one of the regions the company is in.
    if not organisation.locations.filter(region=region).exists():
        raise ValidationError({"region": gettext("The company has no location in this region.")})


def _save_new(document: Document) -> None:
    """Save the row (which writes the file to storage) and its audit event; if either
    fails, remove the file again so a refused upload leaves nothing behind."""
    try:
        document.save()
        audit_record(
            actor=document.uploaded_by,
            action=DocumentsAction.UPLOADED,
            target=document,
            region_id=document.region_id,
            changes=_upload_changes(document),
        )
    except Exception:
        if document.file.name and document.file._committed:
            document.file.storage.delete(document.file.name)
        raise


def _upload_changes(document: Document) -> dict:
    return {
        "title": document.title,
        "filename": document.original_filename,
        "size": document.size,
        "category": document.category,
        "visibility": document.visibility,
        "organisation_id": document.organisation_id,
        "location_id": document.location_id,
    }
