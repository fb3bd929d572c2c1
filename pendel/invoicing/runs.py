"""Doing a region's monthly invoice run, for its task: plan the month, issue the drafts
chunk by chunk. It imports no task that queues it, so the run task can import it."""

import logging

from django.db.models import F
from django.utils import timezone

from pendel.core.dates import today_in
from pendel.core.leases import lease_renew
from pendel.invoicing.billing import plan_region_month
from pendel.invoicing.issuing import issue_drafts, seller_snapshot
from pendel.invoicing.models import InvoiceRun

logger = logging.getLogger(__name__)

# Invoices issued per transaction: big enough to be fast, small enough that the counter's
# lock is never held for long and the page can show progress.
CHUNK = 250


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def invoice_run_process(*, run_id: int) -> InvoiceRun:
    """Plan the month, then issue the drafts chunk by chunk. Each chunk commits on its own,
    so a failure keeps what was issued (gapless) and a retry carries on from there; so does
    the task that takes the run over when its worker died (its lease is renewed per chunk).
    Carrying on, the progress goes on from where it was ("500 of 1003" on to 1003)."""
    run = InvoiceRun.objects.select_related("region__country").get(pk=run_id)
    runs = InvoiceRun.objects.filter(pk=run_id)
    carry_on = run.status != InvoiceRun.Status.QUEUED
    runs.update(status=InvoiceRun.Status.RUNNING, attempts=F("attempts") + 1, error="")
    try:
        seller = seller_snapshot(run.region)
        plan = plan_region_month(run.region, run.period)
        done = run.units_done if carry_on else 0
        runs.update(units_total=done + len(plan.drafts), units_done=done, problems=plan.problems)
        issue_date = today_in(run.region.time_zone)
        for chunk in _chunks(plan.drafts, CHUNK):
            lease_renew()
            issue_drafts(
                run=run,
                drafts=chunk,
                plan=plan,
                seller=seller,
                issue_date=issue_date,
                actor=run.started_by,
            )
    except Exception as error:
        logger.exception("Invoice run %s failed", run_id)
        runs.update(status=InvoiceRun.Status.FAILED, error=f"{type(error).__name__}: {error}")
        raise
    runs.update(status=InvoiceRun.Status.DONE, finished_at=timezone.now())
    run.refresh_from_db()
    return run


def invoice_run_abandon(run_id: int) -> None:
    """The run's worker died again and again: stop it as failed, for staff to look at (the
    run's page says why, from its lease)."""
    InvoiceRun.objects.filter(pk=run_id, status=InvoiceRun.Status.RUNNING).update(
        status=InvoiceRun.Status.FAILED
    )
