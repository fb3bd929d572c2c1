from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import audit_sentence
from pendel.core.models import AuditEvent, OutboxMessage


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "sentence", "object_type", "object_id"]
    list_filter = ["action", "object_type"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    @admin.display(description=_("what happened"))
    def sentence(self, event: AuditEvent) -> str:
        return audit_sentence(event)


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "subject"]
    search_fields = ["to", "subject"]
