"""Names in the ticket hand-off CSV are text, never formulas, when the file is opened in a
spreadsheet; the JSON for machines keeps them as they are."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from pendel.catalogue.tests.builders import national
from pendel.orders.handoff import handoff_csv, handoff_rows
from pendel.orders.tests.builders import employees, ticket_order

MARCH = date(2026, 3, 1)
DANGEROUS = ['=HYPERLINK("http://evil.example")', "+1", "-1", "@SUM(1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_names_that_look_like_formulas_are_text_in_the_csv(client, shop, value):
    person = employees(shop.location, 1)[0]
    person.first_name, person.last_name, person.phone = value, value, "+4791234567"
    person.save()
    shop.location.name = value
    shop.location.save()
    shop.company.name = value
    shop.company.save()
    ticket_order(shop.location, [person], national("company-ticket"), start=MARCH)
    client.force_login(shop.advisor)

    response = client.get(reverse("staff:ticket_handoff_csv", args=[shop.region.slug, "2026-03"]))

    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    for column in ("first_name", "last_name", "location", "organisation"):
        assert row[column] == "'" + value
    assert row["phone"] == "'+4791234567"  # a spreadsheet would read "+47…" as a formula
    assert handoff_rows(shop.region, MARCH)[0]["first_name"] == value  # the JSON's rows


def test_a_phone_that_is_not_a_number_is_guarded(shop):
    person = employees(shop.location, 1)[0]
    person.phone = "=1+1"
    person.save()
    ticket_order(shop.location, [person], national("company-ticket"), start=MARCH)
    row = next(csv.DictReader(io.StringIO(handoff_csv(handoff_rows(shop.region, MARCH)))))
    assert row["phone"] == "'=1+1"
