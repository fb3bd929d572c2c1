"""Taking a row under a lock for the rest of the transaction (DESIGN.md, "Writes are safe
under concurrency"): an invoice counter, an event whose places are given out.

PostgreSQL: SELECT … FOR UPDATE on the row; the second transaction waits, then reads what
the first committed (READ COMMITTED takes a new snapshot per statement).
SQLite: SELECT … FOR UPDATE does not exist, but the project opens every transaction with
BEGIN IMMEDIATE (settings.py), which takes the database's write lock at once; the second
writer waits for the first to commit (the busy timeout), which serialises the same way."""

from django.db import transaction
from django.db.models import Model, QuerySet


def row_lock(queryset: QuerySet, **lookup) -> Model:
    """The one row of `queryset` matching `lookup`, locked until the surrounding transaction
    ends (DoesNotExist when there is none). Outside a transaction a lock would end at once:
    that is a mistake in the caller, not a lock."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("A row is locked inside the transaction that changes it.")
    return queryset.select_for_update().get(**lookup)
