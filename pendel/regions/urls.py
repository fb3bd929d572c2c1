from django.urls import path

from pendel.regions.views import staff

staff_patterns = [
    path("regions/", staff.region_list, name="region_list"),
]
