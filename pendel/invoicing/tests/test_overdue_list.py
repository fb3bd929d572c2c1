"""The overdue invoices on the shared table: one list over the staff member's regions, each
invoice counted in its own region's days, searchable, sortable, re-rendered alone for htmx."""

from datetime import timedelta
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation

from pendel.catalogue.tests.builders import national
from pendel.core.dates import region_today
from pendel.core.money import format_money
from pendel.invoicing.models import Invoice
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.orders.tests import builders as orders

pytestmark = pytest.mark.django_db


@pytest.fixture
def overdue_invoice(billing):
    location = billing.world.location
    orders.product_order(location, national("event"), start=MARCH)
    run_month(billing.no)
    invoice = Invoice.objects.get()
    days = 12
    Invoice.objects.filter(pk=invoice.pk).update(
        due_date=region_today(location.region) - timedelta(days=days), paid_total=Decimal("1")
    )
    invoice.refresh_from_db()
    return invoice


def test_the_advisor_sees_the_days_overdue_and_what_is_left_to_pay(client, world, overdue_invoice):
    client.force_login(world.advisor)
    response = client.get(reverse("staff:invoice_overdue"))
    page = unescape(response.content.decode())
    row = page[page.index(overdue_invoice.number) :]
    row = row[: row.index("</tr>")]
    assert 'data-label="Days overdue"' in row and ">12<" in row.replace(" ", "")
    assert str(world.company.name) in row
    with translation.override(response["Content-Language"]):
        owed = format_money(overdue_invoice.total - 1, overdue_invoice.currency)
    assert owed in row


def test_another_regions_advisor_sees_none_of_it(client, world, overdue_invoice):
    client.force_login(world.other_advisor)
    page = client.get(reverse("staff:invoice_overdue")).content.decode()
    assert overdue_invoice.number not in page
    assert "No overdue invoices." in page


def test_search_sort_and_the_htmx_partial(client, world, overdue_invoice):
    client.force_login(world.advisor)
    url = reverse("staff:invoice_overdue")
    assert overdue_invoice.number in client.get(url, {"q": world.company.name[:4]}).content.decode()
    assert overdue_invoice.number not in client.get(url, {"q": "nobody-here"}).content.decode()
    sorted_page = client.get(url, {"sort": "-owed"})
    assert sorted_page.status_code == 200
    assert 'aria-sort="descending"' in sorted_page.content.decode()
    partial = client.get(
        url, {"q": "nobody-here"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    body = partial.content.decode()
    assert "<html" not in body and "No overdue invoices." in body
    assert client.get(url, {"sort": "drop table", "page": "x"}).status_code == 200
