"""What the staff and company invoice pages share: the detail page's data and the files."""

import io

from django.http import HttpResponse

from pendel.core.dates import region_today
from pendel.core.downloads import file_response
from pendel.core.spreadsheets import CsvWriter
from pendel.invoicing.delivery import document_filename
from pendel.invoicing.models import BilledItem, Invoice
from pendel.invoicing.pdf import invoice_pdf
from pendel.invoicing.totals import VatSubtotal
from pendel.invoicing.ubl import invoice_xml


def detail_context(invoice: Invoice) -> dict:
    return {
        "invoice": invoice,
        "lines": invoice.lines.order_by("position"),
        "vat": [VatSubtotal.from_json(data) for data in invoice.vat_breakdown],
        "payments": invoice.payments.select_related("created_by"),
        "credit_notes": invoice.credit_notes.order_by("sequence"),
        "today": region_today(invoice.region),
    }


def pdf_response(invoice: Invoice) -> HttpResponse:
    filename = document_filename(invoice, "pdf")
    return file_response(invoice_pdf(invoice), filename=filename, content_type="application/pdf")


def xml_response(invoice: Invoice) -> HttpResponse:
    filename = document_filename(invoice, "xml")
    return file_response(invoice_xml(invoice), filename=filename, content_type="application/xml")


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
    writer = CsvWriter(buffer)
    writer.writerow(SPECIFICATION_COLUMNS)
    for item in items:
        employee = item.employee
        writer.writerow(
            [
                item.line.position,
                item.line.name,
                item.period.strftime("%Y-%m"),
                item.line.location_name,
                employee.pk,
                employee.first_name,
                employee.last_name,
                employee.email,
            ]
        )
    name = document_filename(invoice, "csv").replace(".csv", "-employees.csv")
    content = buffer.getvalue().encode("utf-8")
    return file_response(content, filename=name, content_type="text/csv; charset=utf-8")
