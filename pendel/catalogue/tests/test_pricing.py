"""Prices per region and date, in the region's currency, with the VAT of the day."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from pendel.catalogue.models import Price
from pendel.catalogue.pricing import missing_price_reason, quote_for
from pendel.catalogue.services import annual_pass_set, price_set
from pendel.catalogue.tests.builders import annual_pass, national, offer


def test_a_consumer_price_with_vat_becomes_a_net_unit_price(seeded):
    ticket = offer(seeded.region, "company-ticket", "199.00", includes_vat=True)
    quote = quote_for(seeded.region, ticket, date(2026, 3, 1))
    assert (quote.net, quote.gross, quote.vat.rate) == (
        Decimal("177.6786"),
        Decimal("199.00"),
        Decimal("12"),
    )
    assert quote.vat.confirmed


def test_the_national_proposal_is_the_annual_pass_divided_by_twelve(seeded):
    ticket = offer(seeded.region, "company-ticket", basis=Price.Basis.ANNUAL_PASS)
    annual_pass(seeded.region, "9600.00")
    quote = quote_for(seeded.region, ticket, date(2026, 3, 1))
    assert quote.gross == Decimal("800.00")  # 9 600 / 12, VAT included
    assert quote.net == Decimal("714.2857")


def test_a_price_without_vat_is_net_and_gets_the_standard_rate(seeded):
    event = offer(seeded.other_region, "event", "1250.00")
    quote = quote_for(seeded.other_region, event, date(2026, 3, 1))
    assert (quote.net, quote.gross, quote.vat.rate) == (
        Decimal("1250.0000"),
        Decimal("1512.50"),
        Decimal("21"),
    )
    assert not quote.vat.confirmed


def test_a_new_price_applies_from_its_day_and_ends_the_old_one(seeded):
    ticket = offer(seeded.region, "company-ticket", "199.00", includes_vat=True)
    price_set(
        actor=seeded.advisor,
        region=seeded.region,
        product=ticket,
        basis="fixed",
        amount=Decimal("249.00"),
        includes_vat=True,
        valid_from=date(2026, 7, 1),
    )
    assert quote_for(seeded.region, ticket, date(2026, 6, 30)).gross == Decimal("199.00")
    assert quote_for(seeded.region, ticket, date(2026, 7, 1)).gross == Decimal("249.00")
    old = Price.objects.get(amount=Decimal("199.00"))
    assert old.valid_to == date(2026, 6, 30)


def test_a_price_before_a_later_one_is_refused_and_changes_nothing(seeded):
    ticket = offer(seeded.region, "company-ticket")
    price_set(
        actor=seeded.advisor,
        region=seeded.region,
        product=ticket,
        basis="fixed",
        amount=Decimal("250"),
        includes_vat=False,
        valid_from=date(2026, 7, 1),
    )
    with pytest.raises(ValidationError):
        price_set(
            actor=seeded.advisor,
            region=seeded.region,
            product=ticket,
            basis="fixed",
            amount=Decimal("150"),
            includes_vat=False,
            valid_from=date(2026, 1, 1),
        )
    assert list(Price.objects.values_list("amount", flat=True)) == [Decimal("250.00")]


def test_only_the_ticket_can_follow_the_annual_pass(seeded):
    with pytest.raises(ValidationError):
        price_set(
            actor=seeded.advisor,
            region=seeded.region,
            product=national("event"),
            basis="annual_pass",
            amount=None,
            includes_vat=True,
            valid_from=date(2026, 1, 1),
        )
    assert not Price.objects.exists()


def test_an_annual_pass_price_ends_the_one_before(seeded):
    annual_pass_set(
        actor=seeded.advisor,
        region=seeded.region,
        amount=Decimal("9000"),
        valid_from=date(2026, 1, 1),
    )
    annual_pass_set(
        actor=seeded.advisor,
        region=seeded.region,
        amount=Decimal("9600"),
        valid_from=date(2026, 8, 1),
    )
    first = seeded.region.annual_pass_prices.get(amount=9000)
    assert first.valid_to == date(2026, 7, 31)


def test_why_there_is_no_price(seeded):
    event = national("event")
    assert quote_for(seeded.region, event, date(2026, 3, 1)) is None
    assert "No price" in missing_price_reason(seeded.region, event, date(2026, 3, 1))
    ticket = offer(seeded.region, "company-ticket", basis=Price.Basis.ANNUAL_PASS)
    assert "annual pass" in missing_price_reason(seeded.region, ticket, date(2026, 3, 1))
