from django.contrib import admin

from pendel.regions.models import Country, Region


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["code", "currency", "default_language", "time_zone"]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["programme_name", "name", "transport_authority", "country", "is_active"]
    list_filter = ["country", "is_active"]
    search_fields = ["name", "programme_name", "transport_authority"]
    prepopulated_fields = {"slug": ["name"]}
