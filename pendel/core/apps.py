from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules

from pendel.core.logging import mask_gunicorn_access_log


class CoreConfig(AppConfig):
    name = "pendel.core"
    label = "core"

    def ready(self):
        # Each app names its audit actions in its own audit.py; load them all, so that
        # every event can be written and read as a sentence (pendel.core.audit).
        autodiscover_modules("audit")
        # Likewise each app describes its background tasks in words in its tasks.py
        # (pendel.core.task_descriptions).
        autodiscover_modules("tasks")
        # No survey, invitation or reset link in gunicorn's access log (pendel.core.logging).
        mask_gunicorn_access_log()
