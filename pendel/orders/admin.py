from django.contrib import admin

from pendel.orders.models import HandoffKey, Order, Ticket


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["organisation", "location", "product", "start_month", "end_month", "quantity"]
    list_filter = ["product"]
    raw_id_fields = ["organisation", "location", "ordered_by", "cancelled_by"]


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = ["employee", "order", "start_month", "end_month", "end_reason"]
    raw_id_fields = ["order", "employee"]


@admin.register(HandoffKey)
class HandoffKeyAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["key_hash", "prefix"]
