"""The invoice run's tasks. They are apart from `tasks.py` because the run issues invoices,
and issuing queues the archive task there. Each takes only the run's id and is safe to run
twice (runs.py)."""

from pendel.core.tasks import retrying
from pendel.invoicing.runs import invoice_run_issue_process, invoice_run_plan_process


@retrying
def invoice_run_task(*, run_id: int) -> None:
    """Plan the month: drafts for staff to review."""
    invoice_run_plan_process(run_id=run_id)


@retrying
def invoice_run_issue_task(*, run_id: int) -> None:
    """Issue the drafts staff reviewed."""
    invoice_run_issue_process(run_id=run_id)
