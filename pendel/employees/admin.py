from django.contrib import admin

from pendel.employees.models import Employee, EmployeeImport


@admin.register(Employee)
class EmployeeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "email", "location", "department", "age_group", "end_date"]
    list_filter = ["location__region", "age_group"]
    search_fields = ["first_name", "last_name", "email", "location__name"]
    list_select_related = ["location__organisation"]
    raw_id_fields = ["location"]
    readonly_fields = ["erased_at", "created_at", "updated_at"]


@admin.register(EmployeeImport)
class EmployeeImportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "location", "status", "row_count", "added", "changed", "ended"]
    list_filter = ["status"]
    list_select_related = ["location__organisation"]
    readonly_fields = [f.name for f in EmployeeImport._meta.fields]

    def has_add_permission(self, request):
        return False
