"""Every invoice and credit note is checked against the Peppol BIS Billing 3.0 rules before it
can be sent: the task worker checks it right after issue, sending checks it when that has not
happened yet, and one that breaks a rule is never sent. Staff see the findings on its page."""

from decimal import Decimal

import pytest
from django.core import mail
from django.db.models import F
from django.urls import reverse

from pendel.catalogue.tests.builders import national
from pendel.core.models import AuditEvent
from pendel.invoicing import services, validation
from pendel.invoicing.models import BillingSettings, Invoice
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.orders.tests import builders as orders

PASSED = "Passed the PEPPOL BIS Billing 3.0 rules (version 3.0.21)"


@pytest.fixture
def invoice(billing):
    location = billing.world.location
    orders.ticket_order(
        location, orders.employees(location, 4), national("company-ticket"), start=MARCH
    )
    run_month(billing.no)
    return Invoice.objects.get()


def break_the_sums(invoice: Invoice) -> Invoice:
    """The stored net total no longer equals the sum of the lines (BR-CO-10)."""
    Invoice.objects.filter(pk=invoice.pk).update(line_total=F("line_total") + Decimal("1.00"))
    return Invoice.objects.get(pk=invoice.pk)


def detail(client, invoice) -> str:
    return client.get(reverse("staff:invoice_detail", args=[invoice.pk])).content.decode()


def test_the_worker_checks_each_new_invoice_and_credit_note(
    billing, django_capture_on_commit_callbacks
):
    location = billing.world.location
    orders.ticket_order(
        location, orders.employees(location, 4), national("company-ticket"), start=MARCH
    )
    with django_capture_on_commit_callbacks(execute=True):
        run_month(billing.no)
    invoice = Invoice.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        credit = services.credit_note_issue(actor=None, invoice=invoice, reason="Feil")
    for checked in Invoice.objects.filter(pk__in=[invoice.pk, credit.pk]):
        assert checked.validation == Invoice.Validation.PASSED
        assert checked.validated_against == "3.0.21" and checked.validated_at is not None
        assert checked.validation_findings == []
        assert checked.document_id is not None  # archived by the same task


def test_a_correct_invoice_passes_and_its_page_says_so(client, world, invoice):
    client.force_login(world.advisor)
    assert "Not checked yet" in detail(client, invoice)
    client.post(reverse("staff:invoice_check", args=[invoice.pk]))
    invoice.refresh_from_db()
    assert invoice.validation == Invoice.Validation.PASSED
    page = detail(client, invoice)
    assert PASSED in page
    assert "Send by email" in page


def test_a_broken_invoice_is_not_sent_and_its_findings_show(client, world, invoice):
    broken = break_the_sums(invoice)
    client.force_login(world.advisor)
    before = AuditEvent.objects.count()
    response = client.post(
        reverse("staff:invoice_send", args=[broken.pk]), {"how": "email"}, follow=True
    )
    page = response.content.decode()
    assert f"{broken.number} cannot be sent: it breaks 2 rules of PEPPOL BIS Billing 3.0" in page
    assert mail.outbox == []
    assert AuditEvent.objects.count() == before
    broken.refresh_from_db()
    assert (broken.status, broken.sent_at, broken.validation) == ("issued", None, "failed")
    assert "BR-CO-10" in page and "BR-CO-15" in page
    assert "Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount" in page
    assert "/Invoice[1]/cac:LegalMonetaryTotal[1]" in page
    assert "Breaks the PEPPOL BIS Billing 3.0 rules (version 3.0.21)" in page
    assert PASSED not in page
    assert "Send by email" not in page and "Mark as sent" not in page


def test_a_broken_invoice_cannot_be_marked_as_sent(client, world, invoice):
    broken = break_the_sums(invoice)
    client.force_login(world.advisor)
    response = client.post(
        reverse("staff:invoice_send", args=[broken.pk]), {"how": "elsewhere"}, follow=True
    )
    assert "cannot be sent" in response.content.decode()
    assert "The invoice is marked as sent." not in response.content.decode()
    broken.refresh_from_db()
    assert (broken.status, broken.sent_at) == ("issued", None)


def test_the_send_task_does_not_mail_a_broken_invoice(invoice):
    broken = break_the_sums(invoice)
    assert services.invoice_deliver(invoice_id=broken.pk) is False
    assert mail.outbox == []
    broken.refresh_from_db()
    assert (broken.status, broken.validation) == ("issued", "failed")
    assert AuditEvent.objects.filter(action="invoice.send_refused", object_id=str(broken.pk))


def test_sending_a_run_leaves_out_what_breaks_the_rules(
    billing, world, client, django_capture_on_commit_callbacks
):
    ticket = national("company-ticket")
    second = billing.national.locations.create(region=billing.no, name="Fredrikstad")
    BillingSettings.objects.create(organisation=billing.national, invoice_per_location=True)
    for location in (world.location, billing.national_no, second):
        orders.ticket_order(location, orders.employees(location, 2), ticket, start=MARCH)
    run_month(billing.no)
    good = Invoice.objects.get(organisation=world.company)
    checked = Invoice.objects.get(location=billing.national_no)
    unchecked = Invoice.objects.get(location=second)
    services.invoice_validate(invoice_id=break_the_sums(checked).pk)
    break_the_sums(unchecked)  # not checked yet: the send task checks it
    client.force_login(world.advisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:invoice_run_send", args=[good.run_id]), follow=True)
    assert [message.to for message in mail.outbox] == [[good.buyer["email"]]]
    for one, expected in ((good, "sent"), (checked, "issued"), (unchecked, "issued")):
        one.refresh_from_db()
        assert one.status == expected
    assert (good.validation, checked.validation, unchecked.validation) == (
        "passed",
        "failed",
        "failed",
    )
    page = response.content.decode()
    assert "1 invoice breaks the PEPPOL BIS Billing 3.0 rules" in page
    assert page.count("Breaks the rules") == 1  # the one checked before; the list marks it
    listed = client.get(reverse("staff:invoice_list")).content.decode()
    assert listed.count("Breaks the rules") == 2


def test_an_invoice_is_checked_again_when_the_rules_change(invoice, monkeypatch):
    services.invoice_validate(invoice_id=invoice.pk)
    calls = []
    real = validation.validate
    monkeypatch.setattr(
        "pendel.invoicing.checks.validate", lambda xml: calls.append(1) or real(xml)
    )
    services.invoice_ensure_sendable(invoice)
    assert calls == []  # checked against these rules already
    Invoice.objects.filter(pk=invoice.pk).update(validated_against="3.0.20")
    break_the_sums(invoice)
    with pytest.raises(Exception, match="cannot be sent"):
        services.invoice_ensure_sendable(invoice)
    assert calls == [1]
    invoice.refresh_from_db()
    assert (invoice.validation, invoice.validated_against) == ("failed", "3.0.21")


def test_warnings_show_and_do_not_block(client, world, invoice):
    warning = {"flag": "warning", "rule": "NO-R-002", "text": "Foretaksregisteret", "location": ""}
    Invoice.objects.filter(pk=invoice.pk).update(
        validation=Invoice.Validation.PASSED,
        validation_findings=[warning],
        validated_against="3.0.21",
    )
    client.force_login(world.advisor)
    page = detail(client, invoice)
    assert PASSED in page and "NO-R-002" in page and "Warning" in page
    assert "Send by email" in page


def test_the_outsider_gets_404_and_checks_nothing(client, world, invoice):
    broken = break_the_sums(invoice)
    client.force_login(world.other_advisor)
    assert client.get(reverse("staff:invoice_detail", args=[broken.pk])).status_code == 404
    assert client.post(reverse("staff:invoice_check", args=[broken.pk])).status_code == 404
    broken.refresh_from_db()
    assert (broken.validation, broken.validation_findings) == ("pending", [])
