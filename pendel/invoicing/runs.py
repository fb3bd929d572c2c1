"""Doing a region's monthly invoice run, for its tasks, in two steps with staff between:

1. `invoice_run_plan_process`: plan the month and store the drafts for review (review.py
   says why they are stored, and how issuing knows they are still what was reviewed);
2. `invoice_run_issue_process`, once staff asked to issue: plan again, issue the drafts
   that are unchanged since the review, have confirmed VAT rates and passed the e-invoice
   check, chunk by chunk, and put whatever is left (changed, new, waiting for a rate, or
   breaking a rule: checked again) back up for review. A draft that breaks a rule is never
   issued: its number would be spent on an invoice that cannot be sent.

Both take only the run's id and are safe to run twice, or at once: what is billed is
recorded under the counter's lock (issuing.py), and a step does nothing unless the run is
in the state it starts from. This module imports no task that queues it."""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from pendel.core.dates import today_in
from pendel.core.leases import lease_renew
from pendel.invoicing.billing import plan_region_month
from pendel.invoicing.issuing import issue_drafts, seller_snapshot
from pendel.invoicing.models import DraftInvoice, InvoiceRun
from pendel.invoicing.review import draft_blocked_by_vat, draft_fingerprint, drafts_make

logger = logging.getLogger(__name__)

# Invoices issued per transaction: big enough to be fast, small enough that the counter's
# lock is never held for long and the page can show progress.
CHUNK = 250
PLANNABLE = (InvoiceRun.Status.QUEUED, InvoiceRun.Status.RUNNING, InvoiceRun.Status.FAILED)


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _drafts_store(run_id: int, made, *, problems, from_statuses, drafts_of_plan: int) -> bool:
    """Replace the run's drafts and open them for review (or finish the run when there is
    none), if the run is still where this step started (another attempt may have moved it
    on). True when stored."""
    with transaction.atomic():
        run = InvoiceRun.objects.select_for_update().get(pk=run_id)
        if run.status not in from_statuses:
            return False
        run.drafts.all().delete()
        for draft in made:
            draft.run_id = run_id
        DraftInvoice.objects.bulk_create(made)
        # Nothing to review (all invoiced, or every company has a problem): done.
        InvoiceRun.objects.filter(pk=run_id).update(
            status=InvoiceRun.Status.REVIEW if made else InvoiceRun.Status.DONE,
            finished_at=None if made else timezone.now(),
            plan_version=F("plan_version") + 1,
            planned_at=timezone.now(),
            problems=problems,
            units_total=drafts_of_plan,
            units_done=0,
            error="",
        )
    return True


def invoice_run_plan_process(*, run_id: int) -> InvoiceRun:
    """Plan the month and store its drafts for review. Issues nothing, takes no number."""
    runs = InvoiceRun.objects.filter(pk=run_id)
    if not runs.filter(status__in=PLANNABLE).update(
        status=InvoiceRun.Status.RUNNING, attempts=F("attempts") + 1, error=""
    ):
        return runs.get()  # issued, issuing or discarded meanwhile: nothing to plan
    run = InvoiceRun.objects.select_related("region__country").get(pk=run_id)
    try:
        seller = seller_snapshot(run.region)
        plan = plan_region_month(run.region, run.period)
        made = drafts_make(
            run,
            plan.drafts,
            plan,
            seller=seller,
            issue_date=today_in(run.region.time_zone),
            reviewed=None,
        )
        _drafts_store(
            run_id,
            made,
            problems=plan.problems,
            from_statuses=(InvoiceRun.Status.RUNNING,),
            drafts_of_plan=len(made),
        )
    except Exception as error:
        logger.exception("Invoice run %s could not be planned", run_id)
        runs.filter(status=InvoiceRun.Status.RUNNING).update(
            status=InvoiceRun.Status.FAILED, error=f"{type(error).__name__}: {error}"
        )
        raise
    return runs.get()


def invoice_run_issue_process(*, run_id: int) -> InvoiceRun:
    """Issue the reviewed drafts. Each chunk commits on its own, so a failure keeps what
    was issued (gapless) and a retry carries on from there: what is issued is billed and
    is not in the plan any more."""
    runs = InvoiceRun.objects.filter(pk=run_id)
    run = InvoiceRun.objects.select_related("region__country").get(pk=run_id)
    if run.status != InvoiceRun.Status.ISSUING:
        return run  # nobody asked to issue, or another attempt finished it
    runs.update(attempts=F("attempts") + 1, error="")
    try:
        seller = seller_snapshot(run.region)
        plan = plan_region_month(run.region, run.period)
        reviewed = dict(run.drafts.values_list("key", "fingerprint"))
        broken = set(
            run.drafts.filter(validation=DraftInvoice.Check.FAILED).values_list("key", flat=True)
        )
        ready, held = [], []
        for draft in plan.drafts:
            unchanged = reviewed.get(draft.key) == draft_fingerprint(draft)
            issuable = not draft_blocked_by_vat(draft) and draft.key not in broken
            (ready if unchanged and issuable else held).append(draft)
        # Taken over after a worker died, the progress carries on from what was issued
        # ("500 of 1003" on to 1003): what is issued is not in the plan any more.
        done = run.units_done
        runs.update(units_total=done + len(ready), units_done=done)
        issue_date = today_in(run.region.time_zone)
        for chunk in _chunks(ready, CHUNK):
            lease_renew()
            issue_drafts(
                run=run,
                drafts=chunk,
                plan=plan,
                seller=seller,
                issue_date=issue_date,
                actor=run.issued_by or run.started_by,
            )
        _issue_finish(run, held, plan, seller=seller, issue_date=issue_date, reviewed=reviewed)
    except Exception as error:
        logger.exception("Invoice run %s failed while issuing", run_id)
        # Still ISSUING: a retry (or a take-over of the task) carries on.
        runs.update(error=f"{type(error).__name__}: {error}")
        raise
    return runs.get()


def _issue_finish(run, held, plan, *, seller, issue_date, reviewed) -> None:
    """Done when nothing is held back; otherwise the held drafts are up for review again."""
    if not held:
        with transaction.atomic():
            locked = InvoiceRun.objects.select_for_update().get(pk=run.pk)
            if locked.status == InvoiceRun.Status.ISSUING:
                locked.drafts.all().delete()
                InvoiceRun.objects.filter(pk=run.pk).update(
                    status=InvoiceRun.Status.DONE,
                    finished_at=timezone.now(),
                    problems=plan.problems,
                )
        return
    made = drafts_make(run, held, plan, seller=seller, issue_date=issue_date, reviewed=reviewed)
    _drafts_store(
        run.pk,
        made,
        problems=plan.problems,
        from_statuses=(InvoiceRun.Status.ISSUING,),
        drafts_of_plan=len(made),
    )


def invoice_run_abandon(run_id: int) -> None:
    """The run's worker died again and again: stop it as failed, for staff to look at (the
    run's page says why, from its lease). What was issued stays issued, without a gap;
    making the drafts again plans only what is left."""
    InvoiceRun.objects.filter(
        pk=run_id, status__in=(InvoiceRun.Status.RUNNING, InvoiceRun.Status.ISSUING)
    ).update(status=InvoiceRun.Status.FAILED)
