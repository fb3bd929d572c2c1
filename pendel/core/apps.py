from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pendel.core"
    label = "core"
