"""Read-only views of invoicing for the superuser: issued invoices never change, so the
admin shows them and changes nothing (writes go through the services)."""

from django.contrib import admin

from pendel.invoicing.models import BillingSettings, Invoice, InvoiceRun, SellerProfile


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invoice)
class InvoiceAdmin(ReadOnlyAdmin):
    list_display = [
        "number",
        "kind",
        "organisation",
        "region",
        "issue_date",
        "total",
        "status",
        "validation",
    ]
    list_filter = ["region", "kind", "status", "validation"]
    search_fields = ["number", "organisation__name"]


@admin.register(InvoiceRun)
class InvoiceRunAdmin(ReadOnlyAdmin):
    list_display = ["region", "period", "status", "invoices_created", "attempts"]


admin.site.register([SellerProfile, BillingSettings])
