from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "pendel.surveys"
    label = "surveys"
