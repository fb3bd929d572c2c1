from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from pendel.accounts.access import request_scope, staff_required
from pendel.companies.selectors import locations_for, organisations_for
from pendel.core.tables import table_configure, table_render
from pendel.documents import services
from pendel.documents.filters import DocumentFilter
from pendel.documents.forms import StaffDocumentUploadForm
from pendel.documents.selectors import document_get_for, documents_for
from pendel.documents.tables import DocumentTable
from pendel.documents.views.common import document_file_response, upload_from_form


@staff_required
def document_list(request):
    scope = request_scope(request)
    found = DocumentFilter(
        request.GET, queryset=documents_for(scope), organisations=organisations_for(scope)
    )
    table = table_configure(request, DocumentTable(found.qs, today=timezone.localdate()))
    context = {"form": found.form}
    return table_render(request, "documents/staff/document_list.html", context, table=table)


@staff_required
def document_upload(request):
    locations = locations_for(request_scope(request))
    form = StaffDocumentUploadForm(request.POST or None, request.FILES or None, locations=locations)
    posted = request.method == "POST" and form.is_valid()
    if posted and upload_from_form(request, form, visibility=form.cleaned_data["visibility"]):
        return redirect("staff:document_list")
    return render(request, "documents/staff/document_upload.html", {"form": form})


@staff_required
def document_download(request, pk: int):
    return document_file_response(document_get_for(request_scope(request), pk))


@staff_required
def document_delete(request, pk: int):
    """GET asks for confirmation; POST deletes."""
    document = document_get_for(request_scope(request), pk)
    retained = document.is_retained(timezone.localdate())
    if request.method == "POST" and not retained:
        try:
            services.document_delete(actor=request.user, document=document)
        except ValidationError:
            retained = True  # the law keeps it after all (checked again under lock)
        else:
            title = {"title": document.title}
            messages.success(request, _("“%(title)s” has been deleted.") % title)
            return redirect("staff:document_list")
    context = {
        "document": document,
        "retained": services.retention_message(document) if retained else "",
    }
    return render(request, "documents/staff/document_delete.html", context)
