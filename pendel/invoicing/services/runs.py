"""The monthly invoice run of a region: started by staff (or a scheduler), done by a task."""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from pendel.catalogue.months import add_months, current_month, month_label, today_in
from pendel.core.audit import audit_record
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.billing import plan_region_month
from pendel.invoicing.issuing import issue_drafts, seller_snapshot
from pendel.invoicing.models import InvoiceRun

logger = logging.getLogger(__name__)

# Invoices issued per transaction: big enough to be fast, small enough that the counter's
# lock is never held for long and the page can show progress.
CHUNK = 250


@transaction.atomic
def invoice_run_start(*, actor, region, period: date) -> InvoiceRun:
    """Start (or start again) the region's run for the month. Running it again is safe:
    it invoices only what is not invoiced yet."""
    seller_snapshot(region)  # refuses at once when the seller details are missing
    latest = add_months(current_month(region.time_zone), 1)
    if period > latest:
        raise ValidationError(
            gettext("Invoice %(month)s or an earlier month.") % {"month": month_label(latest)}
        )
    run, created = InvoiceRun.objects.get_or_create(
        region=region, period=period, defaults={"started_by": actor}
    )
    if not created:
        InvoiceRun.objects.filter(pk=run.pk).update(
            status=InvoiceRun.Status.QUEUED, error="", started_by=actor, finished_at=None
        )
        run.refresh_from_db()
    audit_record(
        actor=actor,
        action=InvoicingAction.RUN_STARTED,
        target=run,
        region_id=region.pk,
        changes={"period": period.isoformat(), "again": not created},
    )
    transaction.on_commit(lambda: _enqueue(run.pk))
    return run


def _enqueue(run_id: int) -> None:
    from pendel.invoicing.tasks import invoice_run_task  # tasks import the services

    invoice_run_task.enqueue(run_id=run_id)


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def invoice_run_process(*, run_id: int) -> InvoiceRun:
    """Plan the month, then issue the drafts chunk by chunk. Each chunk commits on its own,
    so a failure keeps what was issued (gapless) and a retry carries on from there."""
    run = InvoiceRun.objects.select_related("region__country").get(pk=run_id)
    runs = InvoiceRun.objects.filter(pk=run_id)
    runs.update(status=InvoiceRun.Status.RUNNING, attempts=F("attempts") + 1, error="")
    try:
        seller = seller_snapshot(run.region)
        plan = plan_region_month(run.region, run.period)
        runs.update(units_total=len(plan.drafts), units_done=0, problems=plan.problems)
        issue_date = today_in(run.region.time_zone)
        for chunk in _chunks(plan.drafts, CHUNK):
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
