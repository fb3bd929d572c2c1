"""Work on the stored files themselves, for the tasks: it queues nothing, so the tasks can
import it and the services can import the tasks."""

from pendel.documents.models import Document


def document_purge_file(*, document: Document) -> None:
    """Remove a deleted document's file from storage. Safe to run twice."""
    if not document.is_deleted or not document.file.name:
        return
    document.file.storage.delete(document.file.name)
    Document.objects.filter(pk=document.pk).update(file="")
    document.file.name = ""
