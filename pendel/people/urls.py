"""URL patterns per portal; config/urls.py mounts them. The names are the employees
pages' own."""

from django.urls import path

from pendel.people import imports, views

staff_patterns = [
    path(
        "locations/<int:location_id>/employees/<int:pk>/erase/",
        views.staff_employee_erase,
        name="employee_erase",
    ),
    path(
        "locations/<int:location_id>/employees/import/",
        imports.staff_employee_import,
        name="employee_import",
    ),
    path(
        "locations/<int:location_id>/employees/import/<int:pk>/",
        imports.staff_employee_import_confirm,
        name="employee_import_confirm",
    ),
    path(
        "locations/<int:location_id>/employees/import/<int:pk>/discard/",
        imports.staff_employee_import_discard,
        name="employee_import_discard",
    ),
    path(
        "locations/<int:location_id>/employees/import/<int:pk>/rows-to-fix/",
        imports.staff_employee_import_bad_rows,
        name="employee_import_bad_rows",
    ),
]
company_patterns = [
    path("employees/import/", imports.company_employee_import, name="employee_import"),
    path(
        "employees/import/<int:pk>/",
        imports.company_employee_import_confirm,
        name="employee_import_confirm",
    ),
    path(
        "employees/import/<int:pk>/discard/",
        imports.company_employee_import_discard,
        name="employee_import_discard",
    ),
    path(
        "employees/import/<int:pk>/rows-to-fix/",
        imports.company_employee_import_bad_rows,
        name="employee_import_bad_rows",
    ),
    path("employees/<int:pk>/edit/", views.employee_edit, name="employee_edit"),
    path("employees/<int:pk>/end/", views.employee_end, name="employee_end"),
    path("employees/<int:pk>/erase/", views.employee_erase, name="employee_erase"),
]
