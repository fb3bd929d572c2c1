from django.apps import AppConfig


class EmployeesConfig(AppConfig):
    name = "pendel.employees"
    label = "employees"
