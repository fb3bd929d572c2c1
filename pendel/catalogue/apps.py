from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "pendel.catalogue"
    label = "catalogue"
