"""The test run: the same settings in development mode, with tasks run at once and mail
kept in memory. It needs no environment variables (a fresh clone runs `make test`)."""

import os

# Development mode, whatever the shell exports; the tests of production mode run the real
# settings in a subprocess (pendel/core/tests/test_settings.py).
os.environ["DEBUG"] = "1"

from config.settings import *  # noqa: E402, F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
TASK_RETRY_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
OUTBOX_VISIBLE = False
