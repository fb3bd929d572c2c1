"""Bookkeeping law keeps issued invoices (Norway 5 years, Sweden 7, the Netherlands 7, from
the end of the year of issue): their archived files cannot be deleted before then, by the
service and so by any page; the delete page says why and until when."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from pendel.catalogue.tests.builders import national
from pendel.documents.models import Document
from pendel.documents.services import document_delete
from pendel.documents.storage import document_purge_file
from pendel.documents.tests.factories import stored_files
from pendel.invoicing.delivery import invoice_archive
from pendel.invoicing.models import Invoice
from pendel.invoicing.retention import retained_until
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.orders.tests import builders as orders


@pytest.fixture
def archived(billing):
    location = billing.world.location
    orders.ticket_order(
        location, orders.employees(location, 2), national("company-ticket"), start=MARCH
    )
    run_month(billing.no)
    invoice = Invoice.objects.get(region=billing.no)
    return invoice_archive(invoice_id=invoice.pk).document


def test_the_periods_of_the_three_bookkeeping_acts():
    issued = date(2026, 3, 31)
    assert retained_until("NO", issued) == date(2031, 12, 31)
    assert retained_until("SE", issued) == date(2033, 12, 31)
    assert retained_until("NL", issued) == date(2033, 12, 31)


def test_the_archived_invoice_is_kept_until_the_end_of_its_period(archived):
    issued = Invoice.objects.get(document=archived).issue_date
    assert archived.retained_until == date(issued.year + 5, 12, 31)


def test_the_service_refuses_to_delete_an_issued_invoice(world, archived, media):
    with pytest.raises(ValidationError, match="Bookkeeping law keeps it until"):
        document_delete(actor=world.advisor, document=archived)
    archived.refresh_from_db()
    assert archived.deleted_at is None
    assert archived.file.name in stored_files(media)


@pytest.mark.parametrize("who", ["advisor", "staff_and_contact"])
def test_staff_are_told_why_and_until_when_and_nothing_is_deleted(client, world, archived, who):
    client.force_login(getattr(world, who))
    url = reverse("staff:document_delete", args=[archived.pk])
    page = client.get(url).content.decode()
    assert "Bookkeeping law keeps it until" in page
    assert str(archived.retained_until.year) in page
    assert ">Delete</button>" not in page  # no delete button
    response = client.post(url)
    assert response.status_code == 200
    assert "cannot be deleted before then" in response.content.decode()
    assert Document.objects.get(pk=archived.pk).deleted_at is None
    listing = client.get(reverse("staff:document_list")).content.decode()
    assert "Kept by law until" in listing


def test_an_outsider_gets_404_and_nothing_changes(client, world, archived, media):
    client.force_login(world.other_advisor)
    response = client.post(reverse("staff:document_delete", args=[archived.pk]))
    assert response.status_code == 404
    assert Document.objects.get(pk=archived.pk).deleted_at is None
    assert archived.file.name in stored_files(media)


def test_after_the_period_the_file_can_be_deleted(
    client, world, archived, django_capture_on_commit_callbacks
):
    yesterday = timezone.localdate() - timedelta(days=1)
    Document.objects.filter(pk=archived.pk).update(retained_until=yesterday)
    client.force_login(world.advisor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("staff:document_delete", args=[archived.pk]))
    assert response.status_code == 302
    assert Document.objects.get(pk=archived.pk).deleted_at is not None


def test_the_file_purge_never_removes_a_file_the_law_keeps(archived, media):

    Document.objects.filter(pk=archived.pk).update(deleted_at=timezone.now())
    archived.refresh_from_db()
    document_purge_file(document=archived)
    assert archived.file.name in stored_files(media)
