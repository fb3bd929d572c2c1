"""The audit trail: who did what to which row, written in the same transaction as the change
(DESIGN.md, habit 4).

One way to write it: `audit_record(actor=…, action=…, target=…)` saves one event;
`audit_event(…)` builds one unsaved, and `audit_record_many(events)` saves many in one bulk
insert (an import writes thousands).

Each app names its actions in a TextChoices enum in its own `audit.py` and registers it with
`register_actions(Enum, sentences={…})`. The enum's label is the human sentence; where the
event's `changes` make a better one, a function builds it. Sentences are built when read, so
each reader sees them in their own language. Core imports no app: it discovers the apps'
`audit.py` modules when Django starts (see CoreConfig.ready).
"""

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import NamedTuple

from babel.dates import format_date
from django.db import models
from django.utils import formats
from django.utils.translation import gettext

from pendel.core.models import AuditEvent
from pendel.core.money import babel_locale

Sentence = Callable[[dict], str]

_LABELS: dict[str, str] = {}
_SENTENCES: dict[str, Sentence] = {}


class Target(NamedTuple):
    """What an event is about, when there is no model instance at hand (a bulk update by id)."""

    type: str
    id: object


def register_actions(actions: type[models.TextChoices], sentences: Mapping | None = None):
    """Make an app's actions known; `sentences` maps some of them to a function of the
    event's changes that returns the sentence (the label is used otherwise)."""
    for action in actions:
        _LABELS[action.value] = action.label
    for action, sentence in (sentences or {}).items():
        _SENTENCES[str(action)] = sentence
    return actions


def _target(target: models.Model | Target) -> Target:
    if isinstance(target, Target):
        return Target(target.type, str(target.id))
    return Target(target._meta.model_name, str(target.pk))


def audit_event(
    *,
    actor,
    action: str,
    target: models.Model | Target,
    region_id: int | None = None,
    changes: dict | None = None,
) -> AuditEvent:
    """An unsaved event. Refuses an action no app has registered, so every event has a
    sentence."""
    if str(action) not in _LABELS:
        raise ValueError(f"Unknown audit action {action!r}: register it in the app's audit.py")
    object_type, object_id = _target(target)
    return AuditEvent(
        actor=actor,
        action=str(action),
        object_type=object_type,
        object_id=object_id,
        region_id=region_id,
        changes=changes or {},
    )


def audit_record(**kwargs) -> AuditEvent:
    """Write one event (same arguments as audit_event)."""
    event = audit_event(**kwargs)
    event.save()
    return event


def audit_record_many(events: Iterable[AuditEvent], *, batch_size: int | None = None) -> list:
    """Write many events built with audit_event in one bulk insert (one per batch, when a
    batch size is given)."""
    return AuditEvent.objects.bulk_create(events, batch_size=batch_size)


def audit_sentence(event: AuditEvent) -> str:
    """The event as a sentence in the active language. An event written before its action
    had a sentence, or whose changes lack a value, falls back to the action's label."""
    sentence = _SENTENCES.get(event.action)
    if sentence is not None:
        try:
            return sentence(event.changes or {})
        except (KeyError, TypeError, ValueError):
            pass
    if event.action in _LABELS:
        return str(_LABELS[event.action])
    return gettext("Change recorded (%(action)s).") % {"action": event.action}


def date_text(value: str | date | None) -> str:
    """A stored ISO date in the reader's format, e.g. "2 October 2026"."""
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return formats.date_format(day, "DATE_FORMAT")


def month_text(value: str | date | None) -> str:
    """A stored ISO month (its first day) in the reader's words, e.g. "November 2026"."""
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return format_date(day, "LLLL y", locale=babel_locale())
