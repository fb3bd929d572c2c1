"""Bench: a monthly invoice run for 3,000 organisations with 200,000 company tickets.

    python bench/bench_invoicing.py                       # a throwaway SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pendel_bench_invoicing \\
        python bench/bench_invoicing.py                   # PostgreSQL (the database is emptied)

Builds one Norwegian region with 3,000 member organisations (3,300 locations, a tenth of
them with two), 200,000 employees with a company ticket each (half paid in full by the
employer, half 50 %), a fee per employee per month, an event for every tenth location; then
times the month's run (plan + issue: numbers, lines, billed items), the UBL XML of every
invoice rendered from the stored invoice and checked for well-formedness, the run started
again (finds everything done), and the PDF + archive step and the Peppol BIS Billing 3.0
check for a sample (in production the task worker does both after the run). Prints
figures; the target is a run with XML under two minutes.
"""

import os
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ORGANISATIONS = int(os.environ.get("BENCH_ORGANISATIONS", "3000"))
TICKETS = int(os.environ.get("BENCH_TICKETS", "200000"))
PDF_SAMPLE = int(os.environ.get("BENCH_PDF_SAMPLE", "200"))
MONTH = date(2026, 3, 1)

if "DATABASE_URL" not in os.environ:
    os.environ["PENDEL_VAR_DIR"] = tempfile.mkdtemp(prefix="pendel-bench-invoicing-")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="pendel-bench-media-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from pendel.catalogue.tests import builders as catalogue  # noqa: E402
from pendel.companies.identifiers import no_check_digit  # noqa: E402
from pendel.companies.models import Location, Membership, Organisation  # noqa: E402
from pendel.employees.models import Employee  # noqa: E402
from pendel.invoicing.models import Invoice, InvoiceLine, InvoiceRun  # noqa: E402
from pendel.invoicing.services import (  # noqa: E402
    invoice_archive,
    invoice_run_issue_process,
    invoice_run_plan_process,
    invoice_validate,
)
from pendel.invoicing.tests.builders import make_seller  # noqa: E402
from pendel.invoicing.ubl import invoice_xml  # noqa: E402
from pendel.invoicing.validation import validator  # noqa: E402
from pendel.orders.models import Order, Ticket  # noqa: E402
from pendel.regions.models import Country, Region  # noqa: E402


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed(label: str, func, figures: dict):
    counter = QueryCounter()
    start = time.perf_counter()
    with connection.execute_wrapper(counter):
        result = func()
    seconds = time.perf_counter() - start
    figures[label] = (seconds, counter.count)
    print(f"  {label:<44} {seconds:8.2f} s  {counter.count:7d} queries", flush=True)
    return result


def organisation_numbers(count: int) -> list[str]:
    numbers, base = [], 91000000
    while len(numbers) < count:
        check = no_check_digit(str(base))
        if check is not None:
            numbers.append(f"{base}{check}")
        base += 1
    return numbers


def fresh_database() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    name = settings.DATABASES["default"]["NAME"]
    if connection.vendor == "postgresql":
        if "bench" not in str(name):
            sys.exit(f"Refusing to empty {name}: use a database whose name contains 'bench'.")
        call_command("flush", verbosity=0, interactive=False)


def build() -> Region:
    norway = Country.objects.create(
        code="NO", currency="NOK", default_language="nb", time_zone="Europe/Oslo"
    )
    region = Region.objects.create(
        slug="bench",
        name="Bench",
        programme_name="HjemJobbHjem Bench",
        transport_authority="Bench kollektivtrafikk",
        country=norway,
        time_zone="Europe/Oslo",
        default_language="nb",
    )
    catalogue.seed()
    make_seller(region)
    ticket = catalogue.offer(region, "company-ticket", "199.00", includes_vat=True)
    event = catalogue.offer(region, "event", "5000.00")
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bedrift {index:05d} AS",
            country=norway,
            organisation_number=number,
            vat_number=f"NO{number}MVA",
            invoice_street="Storgata 1",
            invoice_postcode="1606",
            invoice_city="Fredrikstad",
            invoice_email=f"faktura{index}@bench.example",
            invoice_reference=f"REF-{index}",
        )
        for index, number in enumerate(organisation_numbers(ORGANISATIONS))
    )
    locations = Location.objects.bulk_create(
        Location(organisation=org, region=region, name=f"Sted {n}", employee_count=50)
        for org in organisations
        for n in range(2 if org.pk % 10 == 0 else 1)
    )
    Membership.objects.bulk_create(
        Membership(
            location=location,
            status="active",
            fee_basis="per_employee_month",
            fee_amount=Decimal("10.00"),
            joined_on=date(2025, 1, 1),
        )
        for location in locations
    )
    per_location = [TICKETS // len(locations)] * len(locations)
    for index in range(TICKETS - sum(per_location)):
        per_location[index] += 1
    employees = Employee.objects.bulk_create(
        (
            Employee(location=location, first_name=f"Ansatt{n}", last_name=f"L{location.pk}")
            for location, count in zip(locations, per_location, strict=True)
            for n in range(count)
        ),
        batch_size=5000,
    )
    orders = Order.objects.bulk_create(
        Order(
            organisation_id=location.organisation_id,
            location=location,
            product=ticket,
            start_month=MONTH,
            quantity=count,
            employer_share=Decimal("100") if index % 2 else Decimal("50"),
        )
        for index, (location, count) in enumerate(zip(locations, per_location, strict=True))
    )
    Order.objects.bulk_create(
        Order(
            organisation_id=location.organisation_id,
            location=location,
            product=event,
            start_month=MONTH,
            end_month=date(2026, 4, 1),
        )
        for location in locations[::10]
    )
    order_of = {order.location_id: order for order in orders}
    Ticket.objects.bulk_create(
        (
            Ticket(order=order_of[employee.location_id], employee=employee, start_month=MONTH)
            for employee in employees
        ),
        batch_size=5000,
    )
    return region


def render_all_xml() -> int:
    size = 0
    invoices = Invoice.objects.prefetch_related("lines").order_by("sequence")
    for invoice in invoices.iterator(chunk_size=500):
        xml = invoice_xml(invoice)
        ElementTree.fromstring(xml)  # well-formed
        size += len(xml)
    return size


def main() -> None:
    print(f"Database: {connection.vendor} ({settings.DATABASES['default']['NAME']})")
    figures: dict = {}
    timed("migrate", fresh_database, figures)
    region = timed(f"build {ORGANISATIONS} organisations, {TICKETS} tickets", build, figures)
    run = InvoiceRun.objects.create(region=region, period=MONTH)
    run = timed(
        "invoice run: drafts to review (plan + e-invoice check of each draft)",
        lambda: invoice_run_plan_process(run_id=run.pk),
        figures,
    )
    InvoiceRun.objects.filter(pk=run.pk).update(status=InvoiceRun.Status.ISSUING)
    run = timed(
        "invoice run: issue the reviewed drafts (plan again + issue)",
        lambda: invoice_run_issue_process(run_id=run.pk),
        figures,
    )
    size = timed("UBL XML of every invoice", render_all_xml, figures)
    InvoiceRun.objects.filter(pk=run.pk).update(status=InvoiceRun.Status.QUEUED)
    timed(
        "the run started again (nothing new)",
        lambda: invoice_run_plan_process(run_id=run.pk),
        figures,
    )
    sample = list(Invoice.objects.order_by("sequence").values_list("pk", flat=True)[:PDF_SAMPLE])
    timed(
        f"PDF + archive, {len(sample)} invoices",
        lambda: [invoice_archive(invoice_id=pk) for pk in sample],
        figures,
    )
    timed("compile the Peppol rules (once per process)", validator, figures)
    timed(
        f"Peppol check, {len(sample)} invoices",
        lambda: [invoice_validate(invoice_id=pk) for pk in sample],
        figures,
    )
    failed = Invoice.objects.filter(pk__in=sample).exclude(validation="passed").count()
    assert failed == 0, f"{failed} invoices do not pass the Peppol rules"
    invoices = Invoice.objects.count()
    lines = InvoiceLine.objects.count()
    numbers = list(Invoice.objects.order_by("sequence").values_list("sequence", flat=True))
    assert numbers == list(range(1, invoices + 1)), "numbers must be gapless"
    assert run.problems == [], run.problems
    run_seconds = figures["invoice run (plan + issue)"][0]
    xml_seconds = figures["UBL XML of every invoice"][0]
    pdf_seconds = figures[f"PDF + archive, {len(sample)} invoices"][0]
    check_seconds = figures[f"Peppol check, {len(sample)} invoices"][0]
    print(f"\n  invoices: {invoices}, lines: {lines}, XML: {size / 1e6:.1f} MB")
    print(f"  run + XML: {run_seconds + xml_seconds:.1f} s (target < 120 s)")
    if sample:
        per_pdf = pdf_seconds / len(sample)
        print(
            f"  PDF + archive: {per_pdf * 1000:.1f} ms per invoice, "
            f"about {per_pdf * invoices:.0f} s for all {invoices} in the task worker"
        )
        per_check = check_seconds / len(sample)
        print(
            f"  Peppol check: {per_check * 1000:.1f} ms per invoice, "
            f"about {per_check * invoices:.0f} s for all {invoices} in the task worker"
        )


if __name__ == "__main__":
    main()
