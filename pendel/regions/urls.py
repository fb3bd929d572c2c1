from django.urls import path

from pendel.regions.views import public, staff

staff_patterns = [
    path("regions/", staff.region_list, name="region_list"),
    path("region-switch/", staff.region_choose, name="region_choose"),
    path("regions/<slug:slug>/edit/", staff.region_edit, name="region_edit"),
]
public_patterns = [
    path("brand.css", public.brand_stylesheet, name="brand_css"),
    path("brand/<slug:slug>/logo.png", public.region_logo, name="region_logo"),
]
