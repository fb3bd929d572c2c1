"""The monthly invoice run of a region: started by staff (or a scheduler), planned by a
task into drafts that staff review, then issued by a second task when staff say so
(`run_tasks.py`, through `pendel/invoicing/runs.py`)."""

import logging
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from pendel.core.audit import audit_record
from pendel.core.dates import add_months, current_month, month_label, today_in
from pendel.core.forms import confirmation_digest
from pendel.core.tasks import enqueue_after_commit
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.billing import plan_region_month
from pendel.invoicing.issuing import seller_snapshot
from pendel.invoicing.models import DraftInvoice, InvoiceRun
from pendel.invoicing.review import unconfirmed_rates
from pendel.invoicing.run_tasks import invoice_run_issue_task, invoice_run_task

logger = logging.getLogger(__name__)


def _check_period(region, period: date, in_advance: bool) -> None:
    latest = add_months(current_month(region.time_zone), 1)
    if period > latest:
        raise ValidationError(
            gettext("Invoice %(month)s or an earlier month.") % {"month": month_label(latest)}
        )
    if period > today_in(region.time_zone) and not in_advance:
        raise ValidationError(
            gettext(
                "%(month)s has not begun yet in %(region)s. If %(region)s invoices in "
                "advance, tick the box that says so and start the run again."
            )
            % {"month": month_label(period), "region": region.programme_name}
        )


@dataclass(frozen=True)
class RunPreview:
    """What starting the run will do, shown before staff confirm it."""

    region: object
    period: date
    in_advance: bool
    customers: int  # draft invoices the plan makes now
    locations: int
    problems: int
    existing: InvoiceRun | None

    @property
    def digest(self) -> str:
        run = self.existing
        state = (
            (run.pk, run.status, run.plan_version, run.planned_at, run.finished_at) if run else None
        )
        return confirmation_digest(
            "invoice-run",
            self.region.pk,
            self.period,
            self.in_advance,
            self.customers,
            self.locations,
            state,
        )


def invoice_run_preview(*, region, period: date, in_advance: bool = False) -> RunPreview:
    """The month's plan counted as the run would make it (nothing is written), after the
    same checks as the start: seller details, and a month not begun needs `in_advance`."""
    seller_snapshot(region)
    _check_period(region, period, in_advance)
    plan = plan_region_month(region, period)
    return RunPreview(
        region=region,
        period=period,
        in_advance=in_advance,
        customers=len(plan.drafts),
        locations=len(plan.locations),
        problems=len(plan.problems),
        existing=InvoiceRun.objects.filter(region=region, period=period).first(),
    )


@transaction.atomic
def invoice_run_start(*, actor, region, period: date, in_advance: bool = False) -> InvoiceRun:
    """Start (or start again) the region's run for the month: it makes drafts to review
    and issues nothing. Starting again makes the drafts anew from what is not invoiced yet;
    a month that has not begun needs `in_advance`, which the audit trail records."""
    seller_snapshot(region)  # refuses at once when the seller details are missing
    _check_period(region, period, in_advance)
    run, created = InvoiceRun.objects.select_for_update().get_or_create(
        region=region, period=period, defaults={"started_by": actor, "in_advance": in_advance}
    )
    if not created:
        if run.status == InvoiceRun.Status.ISSUING and not run.error:
            raise ValidationError(
                gettext("The run is issuing its invoices now. Wait until it is done.")
            )
        InvoiceRun.objects.filter(pk=run.pk).update(
            status=InvoiceRun.Status.QUEUED,
            error="",
            started_by=actor,
            finished_at=None,
            in_advance=in_advance,
        )
        run.refresh_from_db()
    audit_record(
        actor=actor,
        action=InvoicingAction.RUN_STARTED,
        target=run,
        region_id=region.pk,
        changes={"period": period.isoformat(), "again": not created, "in_advance": in_advance},
    )
    enqueue_after_commit(invoice_run_task, run_id=run.pk)
    return run


def _locked_in_review(run: InvoiceRun, version: int) -> InvoiceRun | None:
    locked = InvoiceRun.objects.select_for_update().get(pk=run.pk)
    if locked.status != InvoiceRun.Status.REVIEW or locked.plan_version != version:
        return None
    return locked


@transaction.atomic
def invoice_run_issue(*, actor, run: InvoiceRun, version: int) -> bool:
    """Ask for the reviewed drafts (version `version` of them) to be issued. True when
    this call asked; False when the drafts were issued, are being issued, or were made
    again since (a second click, a retry, a page left open): nothing happens twice.
    Refused when no draft can be issued."""
    locked = _locked_in_review(run, version)
    if locked is None:
        return False
    drafts = list(locked.drafts.values_list("tax_classes", "validation"))
    unconfirmed = unconfirmed_rates(locked.region.country_id, locked.period)
    ready = [
        classes
        for classes, validation in drafts
        if validation != DraftInvoice.Check.FAILED and not any(c in unconfirmed for c in classes)
    ]
    if not ready:
        raise ValidationError(
            gettext(
                "No draft can be issued: each waits for a VAT rate or breaks the e-invoice rules."
            )
        )
    InvoiceRun.objects.filter(pk=locked.pk).update(
        status=InvoiceRun.Status.ISSUING,
        error="",
        finished_at=None,
        units_done=0,
        issued_by=actor,
    )
    audit_record(
        actor=actor,
        action=InvoicingAction.RUN_ISSUE_REQUESTED,
        target=locked,
        region_id=locked.region_id,
        changes={"version": version, "drafts": len(drafts), "ready": len(ready)},
    )
    enqueue_after_commit(invoice_run_issue_task, run_id=locked.pk)
    return True


@transaction.atomic
def invoice_run_discard(*, actor, run: InvoiceRun, version: int) -> bool:
    """Throw the drafts away; nothing was numbered, so nothing is lost. False when they
    were issued or made again meanwhile."""
    locked = _locked_in_review(run, version)
    if locked is None:
        return False
    count = locked.drafts.count()
    locked.drafts.all().delete()
    InvoiceRun.objects.filter(pk=locked.pk).update(status=InvoiceRun.Status.DISCARDED)
    audit_record(
        actor=actor,
        action=InvoicingAction.RUN_DRAFTS_DISCARDED,
        target=locked,
        region_id=locked.region_id,
        changes={"version": version, "drafts": count},
    )
    return True
