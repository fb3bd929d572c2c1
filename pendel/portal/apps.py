from importlib import import_module

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "pendel.portal"
    label = "portal"

    def ready(self):
        # The staff member page (companies) shows a summary of what the apps above it hold.
        companies = import_module("pendel.companies.selectors")
        summary = import_module(f"{self.name}.member_summary")
        companies.member_summary_register(summary.member_summary)
