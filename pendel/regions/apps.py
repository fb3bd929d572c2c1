from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "pendel.regions"
    label = "regions"
