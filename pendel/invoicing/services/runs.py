"""The monthly invoice run of a region: started by staff (or a scheduler), done by a task
(`run_tasks.py`) through `pendel/invoicing/runs.py`."""

import logging
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from pendel.core.audit import audit_record
from pendel.core.dates import add_months, current_month, month_label
from pendel.core.tasks import enqueue_after_commit
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.issuing import seller_snapshot
from pendel.invoicing.models import InvoiceRun
from pendel.invoicing.run_tasks import invoice_run_task

logger = logging.getLogger(__name__)


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
    enqueue_after_commit(invoice_run_task, run_id=run.pk)
    return run
