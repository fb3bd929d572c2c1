"""The invoice run's task. It is apart from `tasks.py` because the run issues invoices,
and issuing queues the archive task there."""

from pendel.core.tasks import retrying
from pendel.invoicing.runs import invoice_run_process


@retrying
def invoice_run_task(*, run_id: int) -> None:
    invoice_run_process(run_id=run_id)
