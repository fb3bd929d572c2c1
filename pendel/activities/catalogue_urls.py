"""The activity catalogue and the region's rules for plans (back office)."""

from django.urls import path

from pendel.activities import catalogue_views as views

staff_patterns = [
    path("activities/catalogue/", views.activity_type_list, name="activity_type_list"),
    path("activities/catalogue/new/", views.activity_type_create, name="activity_type_create"),
    path(
        "activities/catalogue/regions/<slug:slug>/new/",
        views.region_activity_type_create,
        name="region_activity_type_create",
    ),
    path(
        "activities/catalogue/<int:pk>/edit/", views.activity_type_edit, name="activity_type_edit"
    ),
    path(
        "activities/catalogue/<int:pk>/remove/",
        views.activity_type_remove,
        name="activity_type_remove",
    ),
    path("activities/rules/<slug:slug>/", views.activity_rules, name="activity_rules"),
]
