"""Background tasks named in words for the coordinator's task list: "Sending the survey
invitations for Engen ASA – Sarpsborg", not `pendel.surveys.tasks.survey_send_mail`.

Each app registers, next to its tasks, a function that turns the keyword arguments of many
queued tasks of one kind into one sentence each: `describe_task(task, describe)`. It gets
them all at once, so that a page of fifty tasks costs one query per kind of task, not one
per task. Core imports no app: the apps' tasks modules are loaded when Django starts (see
CoreConfig.ready). A task nobody described gets a generic text.
"""

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext

logger = logging.getLogger(__name__)

Describe = Callable[[Sequence[dict]], list[str]]

_DESCRIBERS: dict[str, Describe] = {}


def describe_task(task, describe: Describe) -> None:
    """Register how to describe a task (a django-tasks Task or its import path)."""
    _DESCRIBERS[getattr(task, "module_path", None) or str(task)] = describe


@dataclass(frozen=True)
class TaskLine:
    result: object  # a DBTaskResult
    description: str
    attempt: int
    runs_at: datetime | None  # when a waiting task is due, if it waits for a time


def _kwargs(result) -> dict:
    return (result.args_kwargs or {}).get("kwargs") or {}


def _describe_group(path: str, kwargs: list[dict]) -> list[str]:
    describe = _DESCRIBERS.get(path)
    if describe is not None:
        try:
            return describe(kwargs)
        except Exception:  # a task enqueued with arguments of an older shape
            logger.warning("Could not describe the task %s", path, exc_info=True)
    return [gettext("A background task (%(name)s)") % {"name": path.rsplit(".", 1)[-1]}] * len(
        kwargs
    )


def task_lines(results, *, now: datetime) -> list[TaskLine]:
    """The tasks in the order given, each with its description."""
    results = list(results)
    groups: dict[str, list[int]] = defaultdict(list)
    for index, result in enumerate(results):
        groups[result.task_path].append(index)
    descriptions: dict[int, str] = {}
    for path, indexes in groups.items():
        texts = _describe_group(path, [_kwargs(results[i]) for i in indexes])
        descriptions.update(zip(indexes, texts, strict=True))
    return [
        TaskLine(
            result=result,
            description=descriptions[index],
            attempt=int(_kwargs(result).get("attempt") or 1),
            runs_at=_runs_at(result, now),
        )
        for index, result in enumerate(results)
    ]


def _runs_at(result, now: datetime) -> datetime | None:
    """A waiting task's time, when it waits for one (django-tasks-db stores "no time" as
    the year 9999)."""
    run_after = result.run_after
    if result.status != "READY" or run_after is None or run_after.year >= 9999:
        return None
    return run_after if run_after > now else None
