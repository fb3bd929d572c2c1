"""Background work through the Django Tasks API, with retries.

django-tasks runs a task once; `retrying` re-enqueues a failed attempt later (up to
TASK_MAX_ATTEMPTS), so every attempt stays visible on the staff task page. Tasks take ids
and must be safe to run twice.

Imports run one way: a service imports the tasks it queues; a task calls functions in
modules that queue nothing of that task module. Where a task's work queues another task of
the same app (a reminder run queues mail batches), the first task lives in a second module
above that work (`surveys/due_tasks.py`, `invoicing/run_tasks.py`).
"""

import functools
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from pendel.core.mail import MailTheme, mail_message
from pendel.core.task_descriptions import describe_task

logger = logging.getLogger(__name__)


def retrying(func):
    """Give a task function an `attempt` keyword and re-enqueue it when it raises."""

    @functools.wraps(func)
    def wrapper(*args, attempt: int = 1, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception:
            if attempt < settings.TASK_MAX_ATTEMPTS:
                delay = timedelta(seconds=settings.TASK_RETRY_SECONDS * 2 ** (attempt - 1))
                logger.warning("%s failed (attempt %s), retrying", func.__name__, attempt)
                wrapper.task.using(run_after=timezone.now() + delay).enqueue(
                    *args, attempt=attempt + 1, **kwargs
                )
            raise

    wrapper.task = task()(wrapper)
    return wrapper.task


@retrying
def send_email(
    *, to: list[str], subject: str, body: str, language: str = "", theme: dict | None = None
) -> None:
    """Send a rendered mail; `theme` is a `MailTheme.as_dict()` (Pendel's neutral one
    without it), so the HTML alternative is made here, in `language`."""
    mail_message(
        to=to,
        subject=subject,
        body=body,
        language=language,
        theme=MailTheme(**theme) if theme else None,
    ).send()


def supports_defer(task) -> bool:
    return task.get_backend().supports_defer


def enqueue_at(task, when: datetime, **kwargs) -> None:
    """Run at `when` where the backend can wait; otherwise (the tests' immediate backend)
    at once."""
    if when > timezone.now() and supports_defer(task):
        task.using(run_after=when).enqueue(**kwargs)
    else:
        task.enqueue(**kwargs)


def schedule(task, when: datetime, **kwargs) -> None:
    """Run at `when`. A backend that cannot wait gets only what is due already; a catch-up
    run (such as `surveys_run_due`) queues the rest when it is due."""
    if supports_defer(task) and when > timezone.now():
        task.using(run_after=when).enqueue(**kwargs)
    elif when <= timezone.now():
        task.enqueue(**kwargs)


def enqueue_after_commit(task, **kwargs) -> None:
    """Queue the task once the current transaction commits (at once outside one), so the
    worker never reads rows that are not there yet."""
    transaction.on_commit(lambda: task.enqueue(**kwargs))


describe_task(
    send_email,
    lambda kwargs: [
        gettext("Sending the email “%(subject)s”") % {"subject": args.get("subject", "")}
        for args in kwargs
    ],
)
