"""Background work through the Django Tasks API, with retries.

django-tasks runs a task once; `retrying` re-enqueues a failed attempt later (up to
TASK_MAX_ATTEMPTS), so every attempt stays visible on the staff task page. Tasks take ids
and must be safe to run twice.
"""

import functools
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

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
def send_email(*, to: list[str], subject: str, body: str, html: str = "") -> None:
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


describe_task(
    send_email,
    lambda kwargs: [
        gettext("Sending the email “%(subject)s”") % {"subject": args.get("subject", "")}
        for args in kwargs
    ],
)
