from importlib import import_module

from django.apps import AppConfig


class InvoicingConfig(AppConfig):
    name = "pendel.invoicing"
    label = "invoicing"

    def ready(self):
        # The price form shows what a new price changes: running orders and issued invoices.
        catalogue = import_module("pendel.catalogue.selectors")
        invoicing = import_module(f"{self.name}.selectors")
        catalogue.price_change_effect_register(invoicing.price_change_effect)
