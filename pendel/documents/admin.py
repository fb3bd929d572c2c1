from django.contrib import admin

from pendel.documents.models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """For looking up a document. Uploads and deletions go through the staff pages, which
    check the file and record who did it."""

    list_display = [
        "title",
        "organisation",
        "location",
        "region",
        "category",
        "visibility",
        "uploaded_at",
        "uploaded_by",
        "deleted_at",
    ]
    list_filter = ["region", "category", "visibility"]
    search_fields = ["title", "original_filename", "organisation__name"]
    list_select_related = ["organisation", "location__organisation", "region", "uploaded_by"]
    date_hierarchy = "uploaded_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
