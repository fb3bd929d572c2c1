"""Credit notes (whole or part), payments, sending, and what is overdue."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from pendel.accounts.access import scope_for
from pendel.catalogue.tests.builders import national
from pendel.companies.models import Organisation
from pendel.core.models import AuditEvent
from pendel.invoicing.models import Invoice
from pendel.invoicing.selectors import invoices_for, overdue
from pendel.invoicing.services import (
    credit_note_issue,
    invoice_archive,
    invoice_send,
    payment_record,
    remaining_quantities,
)
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.orders.tests import builders as orders


@pytest.fixture
def invoice(billing):
    location = billing.world.location
    orders.ticket_order(
        location, orders.employees(location, 10), national("company-ticket"), start=MARCH
    )
    orders.product_order(location, national("event"), start=MARCH)
    run_month(billing.no)
    return Invoice.objects.get()


def ticket_line(invoice):
    return invoice.lines.get(product_code="company-ticket")


def test_a_part_credit_credits_some_tickets_at_the_invoiced_price(invoice, world):
    line = ticket_line(invoice)
    credit = credit_note_issue(
        actor=world.advisor, invoice=invoice, reason="To sluttet", quantities={line.pk: 2}
    )
    (credit_line,) = credit.lines.all()
    assert (credit_line.quantity, credit_line.unit_price) == (2, line.unit_price)
    assert credit_line.credited_line == line
    assert (credit.kind, credit.credited_invoice, credit.sequence) == ("credit_note", invoice, 2)
    assert credit.total == Decimal("398.00")  # 2 × 177.6786 = 355.36 + 12 % = 42.64
    invoice.refresh_from_db()
    assert invoice.credited_total == credit.total
    assert invoice.status == "issued"
    assert remaining_quantities(invoice)[line.pk] == 8


def test_crediting_what_is_left_marks_the_invoice_credited(invoice, world):
    line = ticket_line(invoice)
    credit_note_issue(actor=world.advisor, invoice=invoice, reason="Feil", quantities={line.pk: 3})
    rest = credit_note_issue(actor=world.advisor, invoice=invoice, reason="Avsluttet")
    invoice.refresh_from_db()
    assert invoice.status == "credited"
    assert sorted(rest.lines.values_list("quantity", flat=True)) == [1, 7]
    assert invoice.outstanding == 0


def test_crediting_more_than_is_left_is_refused_and_changes_nothing(invoice, world):
    line = ticket_line(invoice)
    with pytest.raises(ValidationError):
        credit_note_issue(
            actor=world.advisor, invoice=invoice, reason="x", quantities={line.pk: 11}
        )
    with pytest.raises(ValidationError):
        credit_note_issue(actor=world.advisor, invoice=invoice, reason=" ")
    assert Invoice.objects.count() == 1
    invoice.refresh_from_db()
    assert (invoice.credited_total, invoice.status) == (0, "issued")


def test_a_credit_note_cannot_be_credited(invoice, world):
    credit = credit_note_issue(actor=world.advisor, invoice=invoice, reason="Feil")
    with pytest.raises(ValidationError):
        credit_note_issue(actor=world.advisor, invoice=credit, reason="Feil")


def test_payments_make_the_invoice_paid(invoice, world):
    half = (invoice.total / 2).quantize(Decimal("0.01"))
    payment_record(actor=world.advisor, invoice=invoice, amount=half, received_on=date(2026, 3, 20))
    invoice.refresh_from_db()
    assert (invoice.status, invoice.outstanding) == ("issued", invoice.total - half)
    payment_record(
        actor=world.advisor,
        invoice=invoice,
        amount=invoice.outstanding,
        received_on=date(2026, 3, 25),
    )
    invoice.refresh_from_db()
    assert (invoice.status, invoice.outstanding) == ("paid", 0)
    assert AuditEvent.objects.filter(action="invoice.payment").count() == 2


def test_paying_more_than_is_owed_is_refused_and_changes_nothing(invoice, world):
    with pytest.raises(ValidationError):
        payment_record(
            actor=world.advisor,
            invoice=invoice,
            amount=invoice.total + 1,
            received_on=date(2026, 3, 20),
        )
    invoice.refresh_from_db()
    assert (invoice.paid_total, invoice.status, invoice.payments.count()) == (0, "issued", 0)


def test_overdue_invoices_are_the_open_ones_past_their_due_date(invoice, world, billing):
    later = invoice.due_date + timedelta(days=1)
    scope = scope_for(world.advisor)
    assert list(overdue(invoices_for(scope), later)) == [invoice]
    assert list(overdue(invoices_for(scope), invoice.due_date)) == []
    assert list(overdue(invoices_for(scope_for(world.other_advisor)), later)) == []
    payment_record(
        actor=world.advisor, invoice=invoice, amount=invoice.total, received_on=timezone.localdate()
    )
    assert list(overdue(invoices_for(scope), later)) == []


def test_sending_mails_the_pdf_and_the_e_invoice_once(
    invoice, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invoice_send(actor=world.advisor, invoice=invoice)
    with django_capture_on_commit_callbacks(execute=True):
        invoice_send(actor=world.advisor, invoice=invoice)  # a second click sends nothing
    (message,) = mail.outbox
    assert message.to == [invoice.buyer["email"]]
    assert invoice.number in message.subject
    names = [name for name, _content, _type in message.attachments]
    assert names == [f"invoice-{invoice.number}.pdf", f"invoice-{invoice.number}.xml"]
    invoice.refresh_from_db()
    assert invoice.status == "sent" and invoice.sent_at is not None


def test_an_invoice_without_an_address_is_not_sent(invoice, world):
    invoice.buyer = {**invoice.buyer, "email": ""}
    invoice.save(update_fields=["buyer"])
    Organisation.objects.filter(pk=invoice.organisation_id).update(invoice_email="")
    invoice.organisation.refresh_from_db()
    with pytest.raises(ValidationError, match="Billing details on the member page"):
        invoice_send(actor=world.advisor, invoice=invoice)
    assert mail.outbox == []


def test_an_invoice_issued_without_an_address_goes_to_the_one_added_since(
    invoice, world, django_capture_on_commit_callbacks
):
    invoice.buyer = {**invoice.buyer, "email": "", "recipients": []}
    invoice.save(update_fields=["buyer"])
    Organisation.objects.filter(pk=invoice.organisation_id).update(
        invoice_email="regnskap@fisk.example.com"
    )
    invoice.organisation.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        invoice_send(actor=world.advisor, invoice=invoice)
    (message,) = mail.outbox
    assert message.to == ["regnskap@fisk.example.com"]


def test_the_archive_gets_the_pdf_once(invoice):
    invoice_archive(invoice_id=invoice.pk)
    invoice_archive(invoice_id=invoice.pk)
    invoice.refresh_from_db()
    document = invoice.document
    assert document.organisation_id == invoice.organisation_id
    assert document.region_id == invoice.region_id
    assert document.visibility == "shared"
    assert document.file.read().startswith(b"%PDF")
    from pendel.documents.models import Document

    assert Document.objects.count() == 1


def test_sending_a_whole_run_mails_each_issued_invoice_with_an_address(
    billing, invoice, world, client, django_capture_on_commit_callbacks
):
    location = billing.national_no
    orders.ticket_order(
        location, orders.employees(location, 1), national("company-ticket"), start=MARCH
    )
    run_month(billing.no)
    other = Invoice.objects.get(organisation=billing.national)
    other.buyer = {**other.buyer, "email": ""}
    other.save(update_fields=["buyer"])
    Organisation.objects.filter(pk=billing.national.pk).update(invoice_email="")
    client.force_login(world.advisor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("staff:invoice_run_send", args=[invoice.run_id]))
    assert [message.to for message in mail.outbox] == [[invoice.buyer["email"]]]
    invoice.refresh_from_db()
    other.refresh_from_db()
    assert (invoice.status, other.status) == ("sent", "issued")


def test_a_payment_received_just_after_midnight_in_oslo_is_not_in_the_future(
    invoice, world, settings
):
    # 00:30 on 1 April in Oslo is still 31 March in UTC, where this server keeps its clock.
    settings.TIME_ZONE = "UTC"
    with freeze_time("2026-03-31T22:30:00Z"):
        assert timezone.localdate() == date(2026, 3, 31)
        payment_record(
            actor=world.advisor, invoice=invoice, amount=Decimal("1"), received_on=date(2026, 4, 1)
        )
        with pytest.raises(ValidationError):
            payment_record(
                actor=world.advisor,
                invoice=invoice,
                amount=Decimal("1"),
                received_on=date(2026, 4, 2),
            )
    assert invoice.payments.get().received_on == date(2026, 4, 1)
