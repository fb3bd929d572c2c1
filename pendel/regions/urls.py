from django.urls import path

from pendel.regions.views import public, staff

staff_patterns = [
    path("regions/", staff.region_list, name="region_list"),
]
public_patterns = [
    path("brand.css", public.brand_stylesheet, name="brand_css"),
]
