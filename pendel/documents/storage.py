"""Work on the stored files themselves, for the tasks: it queues nothing, so the tasks can
import it and the services can import the tasks."""

from django.utils import timezone

from pendel.documents.models import Document


def document_purge_file(*, document: Document) -> None:
    """Remove a deleted document's file from storage. Safe to run twice. Never a file the
    law still keeps (document_delete refuses those; this is the second line)."""
    if not document.is_deleted or not document.file.name:
        return
    if document.is_retained(timezone.localdate()):
        return
    document.file.storage.delete(document.file.name)
    Document.objects.filter(pk=document.pk).update(file="")
    document.file.name = ""
