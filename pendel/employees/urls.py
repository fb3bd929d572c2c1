"""URL patterns per portal; config/urls.py mounts them."""

from django.urls import path

from pendel.employees.views import company, staff

staff_patterns = [
    path(
        "locations/<int:location_id>/employees/",
        staff.employee_list,
        name="employee_list",
    ),
    path(
        "locations/<int:location_id>/employees/export/",
        staff.employee_export,
        name="employee_export",
    ),
    path(
        "locations/<int:location_id>/employees/<int:pk>/data/",
        staff.employee_data_export,
        name="employee_data_export",
    ),
]
company_patterns = [
    path("employees/", company.employee_list, name="employee_list"),
    path("employees/new/", company.employee_create, name="employee_create"),
    path("employees/export/", company.employee_export, name="employee_export"),
    path("employees/<int:pk>/data/", company.employee_data_export, name="employee_data_export"),
]
