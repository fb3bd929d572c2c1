from django.apps import AppConfig


class CompaniesConfig(AppConfig):
    name = "pendel.companies"
    label = "companies"
