"""Min side: a contact person's documents."""

from django.shortcuts import redirect, render

from pendel.accounts.access import contact_person_required, request_scope
from pendel.companies.selectors import locations_for
from pendel.core.tables import table_configure, table_render
from pendel.documents.forms import CompanyDocumentUploadForm
from pendel.documents.models import Document
from pendel.documents.selectors import document_get_for, documents_for
from pendel.documents.tables import CompanyDocumentTable
from pendel.documents.views.common import document_file_response, upload_from_form


@contact_person_required
def document_list(request):
    table = table_configure(request, CompanyDocumentTable(documents_for(request_scope(request))))
    return table_render(request, "documents/company/document_list.html", {}, table=table)


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
