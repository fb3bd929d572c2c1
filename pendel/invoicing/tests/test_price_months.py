"""Prices change per month: each month is invoiced at the price in force on its first day,
so a price must start on the first of a month; the price form shows what a change affects
(running tickets and orders, invoices already issued) before it is saved."""

import importlib
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pendel.catalogue.models import Price
from pendel.catalogue.pricing import quotes_for
from pendel.catalogue.services import price_set
from pendel.catalogue.tests.builders import national
from pendel.invoicing.models import Invoice
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.orders.tests import builders as orders

APRIL = date(2026, 4, 1)


def _post(client, region, valid_from: str, amount="299.00", **extra):
    data = {
        "form": "price",
        "product": national("company-ticket").pk,
        "basis": "fixed",
        "amount": amount,
        "includes_vat": "on",
        "valid_from": valid_from,
        **extra,
    }
    return client.post(reverse("staff:region_prices", args=[region.slug]), data)


def test_a_price_from_mid_month_is_refused_with_the_reason(client, world, billing):
    client.force_login(world.advisor)
    before = Price.objects.count()
    response = _post(client, billing.no, "2026-04-15")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Prices change per month" in page
    assert Price.objects.count() == before
    with pytest.raises(ValidationError, match="first day of a month"):
        price_set(
            actor=world.advisor,
            region=billing.no,
            product=national("company-ticket"),
            basis="fixed",
            amount=Decimal("299"),
            includes_vat=True,
            valid_from=date(2026, 4, 15),
        )
    assert Price.objects.count() == before


def test_a_new_price_applies_to_its_own_month_and_not_the_month_before(world, billing):
    ticket = national("company-ticket")
    price_set(
        actor=world.advisor,
        region=billing.no,
        product=ticket,
        basis="fixed",
        amount=Decimal("299"),
        includes_vat=True,
        valid_from=APRIL,
    )
    assert quotes_for(billing.no, APRIL)[ticket.pk].gross == Decimal("299.00")
    assert quotes_for(billing.no, MARCH)[ticket.pk].gross == Decimal("199.00")


def test_the_form_shows_what_the_change_affects_before_saving(client, world, billing):
    location = billing.world.location
    orders.ticket_order(
        location, orders.employees(location, 3), national("company-ticket"), start=MARCH
    )
    run_month(billing.no)  # March is invoiced already
    march = Invoice.objects.get(region=billing.no)
    client.force_login(world.advisor)
    before = Price.objects.count()

    summary = _post(client, billing.no, "2026-03-01")
    page = summary.content.decode()
    assert summary.status_code == 200
    assert Price.objects.count() == before  # nothing saved by looking
    effect = summary.context["effect"]["effect"]
    assert (effect.tickets, effect.orders, effect.locations) == (3, 1, 1)
    assert effect.issued_invoices == 1 and march.number in page
    assert "keeps its price" in page

    later = _post(client, billing.no, "2026-04-01").context["effect"]["effect"]
    assert later.issued_invoices == 0 and later.tickets == 3

    # Confirming with other values than those shown shows them again instead of saving.
    stale = summary.context["effect"]["digest"]
    changed = _post(client, billing.no, "2026-03-01", amount="399.00", confirm=stale)
    assert changed.status_code == 200
    assert Price.objects.count() == before
    saved = _post(client, billing.no, "2026-03-01", confirm=stale)
    assert saved.status_code == 302
    assert Price.objects.filter(valid_from=MARCH, amount=Decimal("299.00")).exists()


def _row(pk, start, end=None):
    return SimpleNamespace(pk=pk, valid_from=start, valid_to=end)


def test_the_migration_moves_mid_month_prices_to_the_month_they_first_applied_to():
    migration = importlib.import_module(
        "pendel.catalogue.migrations.0004_prices_change_on_the_first_of_a_month"
    )
    rows = [
        _row(1, date(2025, 1, 1), date(2026, 3, 14)),
        _row(2, date(2026, 3, 15), date(2026, 5, 9)),  # first applied to April
        _row(3, date(2026, 5, 10), date(2026, 5, 19)),  # never in force on a 1st: gone
        _row(4, date(2026, 5, 20)),  # first applied to June
    ]
    saved, deleted = [], []
    migration._snap(rows, saved.extend, deleted.extend)
    assert [row.pk for row in deleted] == [3]
    periods = {row.pk: (row.valid_from, row.valid_to) for row in rows if row not in deleted}
    assert periods == {
        1: (date(2025, 1, 1), date(2026, 3, 31)),
        2: (date(2026, 4, 1), date(2026, 5, 31)),
        4: (date(2026, 6, 1), None),
    }
