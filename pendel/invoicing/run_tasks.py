"""The invoice run's task. It is apart from `tasks.py` because the run issues invoices,
and issuing queues the archive task there."""

from pendel.core.leases import leased
from pendel.core.tasks import retrying
from pendel.invoicing.models import InvoiceRun
from pendel.invoicing.runs import invoice_run_abandon, invoice_run_process


@retrying
@leased(InvoiceRun, "run_id", on_give_up=invoice_run_abandon)
def invoice_run_task(*, run_id: int) -> None:
    invoice_run_process(run_id=run_id)
