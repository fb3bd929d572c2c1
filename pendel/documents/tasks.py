from django.utils.translation import gettext

from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying
from pendel.documents.models import Document
from pendel.documents.storage import document_purge_file


@retrying
def document_file_purge(*, document_id: int) -> None:
    """Remove a deleted document's file from storage (retried while storage is down)."""
    document = Document.objects.filter(pk=document_id).first()
    if document is not None:
        document_purge_file(document=document)


describe_task(
    document_file_purge,
    lambda kwargs: [gettext("Removing the file of a deleted document")] * len(kwargs),
)
