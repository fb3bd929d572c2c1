"""Background work of invoicing. Tasks take ids and are safe to run twice."""

from pendel.core.tasks import retrying
from pendel.invoicing import services


@retrying
def invoice_run_task(*, run_id: int) -> None:
    services.invoice_run_process(run_id=run_id)


@retrying
def invoice_archive_task(*, invoice_ids: list[int]) -> None:
    """Check each new invoice against the Peppol rules, and file its PDF."""
    for invoice_id in invoice_ids:
        services.invoice_validate(invoice_id=invoice_id)
        services.invoice_archive(invoice_id=invoice_id)


@retrying
def invoice_send_task(*, invoice_id: int) -> None:
    services.invoice_deliver(invoice_id=invoice_id)
