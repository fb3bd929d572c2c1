"""URL patterns per portal; config/urls.py mounts them."""

from django.urls import path

from pendel.documents.views import company, staff

staff_patterns = [
    path("documents/", staff.document_list, name="document_list"),
    path("documents/upload/", staff.document_upload, name="document_upload"),
    path("documents/<int:pk>/download/", staff.document_download, name="document_download"),
    path("documents/<int:pk>/delete/", staff.document_delete, name="document_delete"),
]
company_patterns = [
    path("documents/", company.document_list, name="document_list"),
    path("documents/upload/", company.document_upload, name="document_upload"),
    path("documents/<int:pk>/download/", company.document_download, name="document_download"),
]
