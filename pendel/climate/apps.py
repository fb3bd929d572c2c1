from django.apps import AppConfig


class ClimateConfig(AppConfig):
    name = "pendel.climate"
    label = "climate"
