from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "pendel.portal"
    label = "portal"
