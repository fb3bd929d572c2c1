"""Min side: a contact person's documents."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from pendel.accounts.access import contact_person_required, request_scope
from pendel.companies.selectors import locations_for
from pendel.documents.forms import CompanyDocumentUploadForm
from pendel.documents.models import Document
from pendel.documents.selectors import document_get_for, documents_for
from pendel.documents.views.common import document_file_response, upload_from_form


@contact_person_required
def document_list(request):
    documents = documents_for(request_scope(request))
    page = Paginator(documents, 50).get_page(request.GET.get("page"))
    return render(request, "documents/company/document_list.html", {"page": page})


@contact_person_required
def document_upload(request):
    """Contact persons share documents with their region; they cannot file internal ones."""
    locations = locations_for(request_scope(request))
    form = CompanyDocumentUploadForm(
        request.POST or None, request.FILES or None, locations=locations
    )
    posted = request.method == "POST" and form.is_valid()
    if posted and upload_from_form(request, form, visibility=Document.Visibility.SHARED):
        return redirect("company:document_list")
    return render(request, "documents/company/document_upload.html", {"form": form})


@contact_person_required
def document_download(request, pk: int):
    return document_file_response(document_get_for(request_scope(request), pk))
