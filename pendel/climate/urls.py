"""URL patterns per portal; config/urls.py mounts them."""

from django.urls import path

from pendel.climate.views import company, staff

staff_patterns = [
    path("climate/factors/", staff.factor_set_list, name="climate_factor_set_list"),
    path("climate/factors/import/", staff.factor_set_import, name="climate_factor_set_import"),
    path("climate/factors/<int:pk>/", staff.factor_set_detail, name="climate_factor_set_detail"),
    path("climate/regions/<slug:slug>/", staff.region_settings, name="climate_region_settings"),
    path("climate/surveys/<int:pk>/", staff.wave_emissions_page, name="climate_wave_emissions"),
]
company_patterns = [
    path("climate/", company.emissions_index, name="climate_emissions"),
    path("climate/surveys/<int:pk>/", company.wave_emissions_page, name="climate_wave_emissions"),
]
