from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "pendel.documents"
    label = "documents"
