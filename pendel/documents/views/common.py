"""What the staff and company views share: uploading from a form and sending a file."""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from pendel.core.downloads import file_response
from pendel.core.forms import apply_validation_error
from pendel.documents import services
from pendel.documents.forms import DocumentUploadForm
from pendel.documents.models import Document

logger = logging.getLogger(__name__)


def upload_from_form(request, form: DocumentUploadForm, *, visibility: str) -> Document | None:
    """Call the upload service with a valid form; a refusal is shown on the form."""
    data = form.cleaned_data
    try:
        document = services.document_upload(
            actor=request.user,
            **form.filing(),
            title=data["title"],
            category=data["category"],
            visibility=visibility,
            file=data["file"],
        )
    except ValidationError as error:
        apply_validation_error(form, error)
        return None
    messages.success(request, _("“%(title)s” has been uploaded.") % {"title": document.title})
    return document


def document_file_response(document: Document) -> FileResponse:
    """Stream the file as an attachment under its original name. Called only after the
    scope check: files have no public URL."""
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        logger.error("Document %s: file %s is missing from storage", document.pk, document.file)
        raise Http404 from None
    return file_response(
        handle, filename=document.original_filename, content_type=document.content_type
    )
