from django.contrib import admin

from pendel.companies.forms import LocationForm
from pendel.companies.models import Location, Organisation


class LocationInline(admin.TabularInline):
    model = Location
    form = LocationForm
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation_number", "country"]
    list_filter = ["country"]
    search_fields = ["name", "organisation_number"]
    raw_id_fields = ["invoice_contact"]
    inlines = [LocationInline]


@admin.register(Location)
class LocationAdmin(admin.ModelAdmin):
    form = LocationForm
    list_display = ["name", "organisation", "region", "municipality", "employee_count"]
    list_filter = ["region"]
    search_fields = ["name", "organisation__name", "municipality"]
