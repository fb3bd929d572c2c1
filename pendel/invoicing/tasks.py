"""Background work of invoicing. Tasks take ids and are safe to run twice. The run task,
which queues these, is in `run_tasks.py`."""

from django.utils.translation import gettext, ngettext

from pendel.core.audit import month_text
from pendel.core.leases import lease_renew, leased
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying
from pendel.invoicing.checks import invoice_validate
from pendel.invoicing.delivery import invoice_archive, invoice_deliver
from pendel.invoicing.models import Invoice, InvoiceRun


@retrying
@leased(Invoice, lambda kwargs: kwargs["invoice_ids"][0])
def invoice_archive_task(*, invoice_ids: list[int]) -> None:
    """Check each new invoice against the Peppol rules, and file its PDF. Part of the
    invoice run: a worker that died here, the sweep queues the rest again."""
    for invoice_id in invoice_ids:
        lease_renew()
        invoice_validate(invoice_id=invoice_id)
        invoice_archive(invoice_id=invoice_id)


@retrying
def invoice_send_task(*, invoice_id: int) -> None:
    invoice_deliver(invoice_id=invoice_id)


def _describe_run(kwargs: list[dict]) -> list[str]:
    runs = InvoiceRun.objects.filter(pk__in={args["run_id"] for args in kwargs})
    runs = {run.pk: run for run in runs.select_related("region")}
    return [
        gettext("Invoice run for %(region)s, %(month)s")
        % {
            "region": runs[args["run_id"]].region.name,
            "month": month_text(runs[args["run_id"]].period),
        }
        if args["run_id"] in runs
        else gettext("Invoice run")
        for args in kwargs
    ]


def _describe_run_issue(kwargs: list[dict]) -> list[str]:
    runs = InvoiceRun.objects.filter(pk__in={args["run_id"] for args in kwargs})
    runs = {run.pk: run for run in runs.select_related("region")}
    return [
        gettext("Issuing the reviewed invoices of %(region)s, %(month)s")
        % {
            "region": runs[args["run_id"]].region.name,
            "month": month_text(runs[args["run_id"]].period),
        }
        if args["run_id"] in runs
        else gettext("Issuing reviewed invoices")
        for args in kwargs
    ]


def _describe_archive(kwargs: list[dict]) -> list[str]:
    return [
        ngettext("Archiving %(count)s invoice as PDF", "Archiving %(count)s invoices as PDF", count)
        % {"count": count}
        for count in (len(args["invoice_ids"]) for args in kwargs)
    ]


def _describe_send(kwargs: list[dict]) -> list[str]:
    invoices = Invoice.objects.filter(pk__in={args["invoice_id"] for args in kwargs})
    invoices = {invoice.pk: invoice for invoice in invoices.select_related("organisation")}
    return [
        gettext("Sending invoice %(number)s to %(company)s")
        % {"number": invoice.number, "company": invoice.organisation.name}
        if (invoice := invoices.get(args["invoice_id"]))
        else gettext("Sending an invoice")
        for args in kwargs
    ]


# The run task lives in run_tasks.py (it queues the tasks here), so it is named by its path.
describe_task("pendel.invoicing.run_tasks.invoice_run_task", _describe_run)
describe_task("pendel.invoicing.run_tasks.invoice_run_issue_task", _describe_run_issue)
describe_task(invoice_archive_task, _describe_archive)
describe_task(invoice_send_task, _describe_send)
