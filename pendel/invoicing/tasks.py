"""Background work of invoicing. Tasks take ids and are safe to run twice. The run task,
which queues these, is in `run_tasks.py`."""

from pendel.core.tasks import retrying
from pendel.invoicing.delivery import invoice_archive, invoice_deliver


@retrying
def invoice_archive_task(*, invoice_ids: list[int]) -> None:
    for invoice_id in invoice_ids:
        invoice_archive(invoice_id=invoice_id)


@retrying
def invoice_send_task(*, invoice_id: int) -> None:
    invoice_deliver(invoice_id=invoice_id)
