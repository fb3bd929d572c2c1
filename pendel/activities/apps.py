from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "pendel.activities"
    label = "activities"
