from importlib import import_module

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default = True
    name = "pendel.accounts"
    label = "accounts"

    def ready(self):
        # The audit trail of logins, failures and lock-outs (receivers connect on import).
        import_module(f"{self.name}.signals")


class PendelAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on a site that also asks for the second factor."""

    default = False  # named in INSTALLED_APPS; AccountsConfig is this module's default
    default_site = "pendel.accounts.admin_site.AdminSite"
