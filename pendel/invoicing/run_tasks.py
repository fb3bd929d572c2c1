"""The invoice run's tasks. They are apart from `tasks.py` because the run issues invoices,
and issuing queues the archive task there. Each takes only the run's id and is safe to run
twice (runs.py); each holds a lease on the run (pendel.core.leases), so a worker that dies
mid-run is taken over by the sweep."""

from pendel.core.leases import leased
from pendel.core.tasks import retrying
from pendel.invoicing.models import InvoiceRun
from pendel.invoicing.runs import (
    invoice_run_abandon,
    invoice_run_issue_process,
    invoice_run_plan_process,
)


@retrying
@leased(InvoiceRun, "run_id", on_give_up=invoice_run_abandon)
def invoice_run_task(*, run_id: int) -> None:
    """Plan the month: drafts for staff to review."""
    invoice_run_plan_process(run_id=run_id)


@retrying
@leased(InvoiceRun, "run_id", on_give_up=invoice_run_abandon)
def invoice_run_issue_task(*, run_id: int) -> None:
    """Issue the drafts staff reviewed."""
    invoice_run_issue_process(run_id=run_id)
