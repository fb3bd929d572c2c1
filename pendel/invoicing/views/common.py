"""What the staff and company invoice pages share: the detail page's data and the files."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone

from pendel.core.cells import spreadsheet_text
from pendel.invoicing.models import BilledItem, Invoice
from pendel.invoicing.pdf import invoice_pdf
from pendel.invoicing.services.delivery import document_filename
from pendel.invoicing.totals import VatSubtotal
from pendel.invoicing.ubl import invoice_xml


def add_errors(form, error) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def detail_context(invoice: Invoice) -> dict:
    return {
        "invoice": invoice,
        "lines": invoice.lines.order_by("position"),
        "vat": [VatSubtotal.from_json(data) for data in invoice.vat_breakdown],
        "payments": invoice.payments.select_related("created_by"),
        "credit_notes": invoice.credit_notes.order_by("sequence"),
        "today": timezone.localdate(),
    }


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def pdf_response(invoice: Invoice) -> HttpResponse:
    return _file(invoice_pdf(invoice), "application/pdf", document_filename(invoice, "pdf"))


def xml_response(invoice: Invoice) -> HttpResponse:
    return _file(invoice_xml(invoice), "application/xml", document_filename(invoice, "xml"))


SPECIFICATION_COLUMNS = [
    "line",
    "product",
    "period",
    "location",
    "employee_reference",
    "first_name",
    "last_name",
    "email",
]


def specification_response(invoice: Invoice) -> HttpResponse:
    """Which employees each ticket line billed, for the company's payroll (the taxable
    benefit is reported per employee)."""
    items = (
        BilledItem.objects.filter(line__invoice=invoice, employee__isnull=False)
        .select_related("line", "employee")
        .order_by("line__position", "employee__last_name", "employee__first_name", "id")
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(SPECIFICATION_COLUMNS)
    for item in items:
        employee = item.employee
        writer.writerow(
            [
                item.line.position,
                spreadsheet_text(item.line.name),
                item.period.strftime("%Y-%m"),
                spreadsheet_text(item.line.location_name),
                employee.pk,
                spreadsheet_text(employee.first_name),
                spreadsheet_text(employee.last_name),
                spreadsheet_text(employee.email),
            ]
        )
    name = document_filename(invoice, "csv").replace(".csv", "-employees.csv")
    return _file(buffer.getvalue().encode("utf-8"), "text/csv; charset=utf-8", name)
