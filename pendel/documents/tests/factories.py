from django.core.files.uploadedfile import SimpleUploadedFile

from pendel.documents.models import Document
from pendel.documents.services import document_upload
from pendel.documents.tests.samples import PDF


def make_document(
    *,
    actor,
    location,
    title: str,
    visibility: str = Document.Visibility.SHARED,
    whole_company: bool = False,
    category: str = Document.Category.AGREEMENT,
    filename: str = "avtale.pdf",
    content: bytes = PDF,
) -> Document:
    """A document uploaded the way the pages do it, through the service."""
    return document_upload(
        actor=actor,
        organisation=location.organisation,
        location=None if whole_company else location,
        region=location.region,
        title=title,
        category=category,
        visibility=visibility,
        file=SimpleUploadedFile(filename, content),
    )


def stored_files(media) -> list[str]:
    if not media.exists():
        return []
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())
