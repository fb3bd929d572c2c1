"""The PDFs already archived for issued invoices are kept as bookkeeping law says (the
periods as pendel/invoicing/retention.py had them on 2026-12-03: NO 5, SE 7, NL 7 years
from the end of the year of issue)."""

from datetime import date

from django.db import migrations

YEARS = {"NO": 5, "SE": 7, "NL": 7}


def forwards(apps, schema_editor):
    Invoice = apps.get_model("invoicing", "Invoice")
    Document = apps.get_model("documents", "Document")
    rows = Invoice.objects.filter(document__isnull=False).values_list(
        "document_id", "region__country_id", "issue_date"
    )
    until: dict[int, date] = {}
    for document_id, country, issued in rows.iterator():
        keep = date(issued.year + YEARS.get(country, 7), 12, 31)
        until[document_id] = max(keep, until.get(document_id, keep))
    documents = list(Document.objects.filter(pk__in=until))
    for document in documents:
        document.retained_until = until[document.pk]
    Document.objects.bulk_update(documents, ["retained_until"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("invoicing", "0004_invoice_run_review"),
        ("documents", "0002_document_retained_until"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
