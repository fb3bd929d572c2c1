"""URL patterns per portal; config/urls.py mounts them. The names are the employees
pages' own."""

from django.urls import path

from pendel.people import views

staff_patterns = [
    path(
        "locations/<int:location_id>/employees/<int:pk>/erase/",
        views.staff_employee_erase,
        name="employee_erase",
    ),
]
company_patterns = [
    path(
        "employees/import/<int:pk>/", views.employee_import_confirm, name="employee_import_confirm"
    ),
    path("employees/<int:pk>/edit/", views.employee_edit, name="employee_edit"),
    path("employees/<int:pk>/end/", views.employee_end, name="employee_end"),
    path("employees/<int:pk>/erase/", views.employee_erase, name="employee_erase"),
]
