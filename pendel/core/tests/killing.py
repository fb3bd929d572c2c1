"""Simulating a worker that dies in the middle of a task, and the time after it."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone


class WorkerKilled(BaseException):  # noqa: N818
    """The worker died here, as SIGKILL would stop it: nothing of the task runs after it,
    its open transaction rolls back, and nothing releases its lease (a BaseException: no
    `except Exception` of the work, or `retrying`, sees it)."""


def after_the_lease(now: datetime | None = None) -> datetime:
    """A moment after a lease taken now has expired (no sleeping: the sweep takes `now`)."""
    return (now or timezone.now()) + timedelta(seconds=settings.LEASE_SECONDS + 1)
