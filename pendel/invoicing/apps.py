from django.apps import AppConfig


class InvoicingConfig(AppConfig):
    name = "pendel.invoicing"
    label = "invoicing"
