"""Gapless invoice numbers per region (DESIGN.md, "Invoices").

A region's counter row is taken under a lock inside the transaction that issues the
invoices, and moved on in that same transaction. If anything fails, the transaction rolls
back and the numbers were never taken: no gaps. Two issuers (two runs, a run and a credit
note, a retried task) queue on the row, so no number is given twice.

The lock is pendel/core/locks.py's (FOR UPDATE on PostgreSQL, the IMMEDIATE transaction's
write lock on SQLite).
"""

from django.db import transaction

from pendel.core.locks import row_lock
from pendel.invoicing.models import InvoiceCounter


def counter_lock(region_id: int) -> InvoiceCounter:
    """The region's counter, locked until the surrounding transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Invoice numbers are taken inside the issuing transaction.")
    InvoiceCounter.objects.bulk_create([InvoiceCounter(region_id=region_id)], ignore_conflicts=True)
    return row_lock(InvoiceCounter.objects, region_id=region_id)


def counter_take(counter: InvoiceCounter, count: int) -> list[int]:
    """The next `count` numbers, in order; the counter row moves on in the same
    transaction."""
    first = counter.last_number + 1
    counter.last_number += count
    counter.save(update_fields=["last_number"])
    return list(range(first, first + count))


def invoice_number(prefix: str, sequence: int) -> str:
    return f"{prefix}{sequence:06d}"
