"""Read-mostly admin for superusers. Invitations and responses are left out on purpose:
tokens are keys, and answers are seen only as protected results."""

from django.contrib import admin

from pendel.surveys.models import Question, SurveySettings, TemplateVersion, Wave


@admin.register(SurveySettings)
class SurveySettingsAdmin(admin.ModelAdmin):
    list_display = [
        "region",
        "baseline_threshold",
        "follow_up_threshold",
        "min_group_size",
        "count_non_respondents_as_drive_alone",
    ]
    readonly_fields = ["updated_at", "updated_by"]


class QuestionInline(admin.TabularInline):
    model = Question
    fields = ["step", "position", "code", "kind", "required"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(TemplateVersion)
class TemplateVersionAdmin(admin.ModelAdmin):
    list_display = ["number", "status", "published_at"]
    readonly_fields = ["status", "published_at", "published_by"]
    inlines = [QuestionInline]


@admin.register(Wave)
class WaveAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "opens_on", "closes_on", "dispatched_at", "closed_at"]
    list_filter = ["kind", "location__region"]
    list_select_related = ["location__organisation"]
    readonly_fields = [field.name for field in Wave._meta.fields]

    def has_add_permission(self, request):
        return False
