"""The ticket hand-off to the ticketing system: CSV and JSON, for staff and for a machine
with its region's key."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from pendel.catalogue.tests.builders import national
from pendel.core.tests.assertions import assert_private_download
from pendel.orders.handoff import handoff_key_create, handoff_rows
from pendel.orders.models import HandoffKey
from pendel.orders.tests.builders import employees, ticket_order

MARCH = date(2026, 3, 1)


@pytest.fixture
def tickets(shop):
    people = employees(shop.location, 3)
    people[2].end_date = date(2026, 2, 20)
    people[2].save()
    ticket_order(shop.location, people, national("company-ticket"), start=MARCH, share="75")
    ticket_order(
        shop.other_location,
        employees(shop.other_location, 1),
        national("company-ticket"),
        start=MARCH,
    )
    return people


def test_the_rows_are_the_tickets_billed_that_month_with_the_employees_part(shop, tickets):
    rows = handoff_rows(shop.region, MARCH)
    assert [row["first_name"] for row in rows] == [
        "Ansatt0",
        "Ansatt1",
    ]  # the third left in February
    row = rows[0]
    assert (row["valid_from"], row["valid_to"], row["month"]) == (
        "2026-03-01",
        "2026-03-31",
        "2026-03",
    )
    assert (row["monthly_price"], row["employee_pays"], row["currency"]) == (
        "199.00",
        "49.75",
        "NOK",
    )
    assert (row["employer_share_percent"], row["employee_share_percent"]) == ("75.00", "25.00")
    assert row["organisation_number"] == shop.company.organisation_number


def test_staff_download_the_csv(client, shop, tickets):
    client.force_login(shop.advisor)
    response = client.get(reverse("staff:ticket_handoff_csv", args=[shop.region.slug, "2026-03"]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert_private_download(response, filename=f"tickets-{shop.region.slug}-2026-03.csv")
    assert len(rows) == 2 and rows[0]["product_code"] == "company-ticket"


def test_a_machine_reads_the_json_with_its_regions_key(client, shop, tickets):
    _key, raw = handoff_key_create(actor=shop.advisor, region=shop.region, name="Billettsystem")
    url = reverse("staff:ticket_handoff_json", args=[shop.region.slug, "2026-03"])
    response = client.get(url, headers={"Authorization": f"Bearer {raw}"})
    data = response.json()
    assert (data["region"], data["month"], data["currency"]) == ("nedre-glomma", "2026-03", "NOK")
    assert len(data["tickets"]) == 2
    assert HandoffKey.objects.get().last_used_at is not None
    assert raw not in str(HandoffKey.objects.values_list("key_hash", flat=True))


def test_a_key_reads_only_its_own_region(client, shop, tickets):
    _key, raw = handoff_key_create(actor=shop.advisor, region=shop.region, name="Billettsystem")
    url = reverse("staff:ticket_handoff_json", args=[shop.other_region.slug, "2026-03"])
    assert client.get(url, headers={"Authorization": f"Bearer {raw}"}).status_code == 404


def test_a_wrong_or_revoked_key_is_refused(client, shop, tickets):
    key, raw = handoff_key_create(actor=shop.advisor, region=shop.region, name="Billettsystem")
    url = reverse("staff:ticket_handoff_json", args=[shop.region.slug, "2026-03"])
    assert client.get(url, headers={"Authorization": "Bearer pdl_wrong"}).status_code == 401
    client.force_login(shop.advisor)
    client.post(reverse("staff:handoff_key_revoke", args=[key.pk]))
    client.logout()
    assert client.get(url, headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    assert client.get(url).status_code == 302  # no key, no login


def test_the_key_is_shown_once_on_the_page(client, shop):
    client.force_login(shop.advisor)
    client.post(reverse("staff:handoff_key_create", args=[shop.region.slug]), {"name": "Billett"})
    first = client.get(reverse("staff:ticket_handoff")).content.decode()
    second = client.get(reverse("staff:ticket_handoff")).content.decode()
    assert "pdl_" in first and first.count("pdl_") > second.count("pdl_")


@pytest.mark.parametrize("name", ["staff:ticket_handoff_csv", "staff:ticket_handoff_json"])
def test_another_regions_advisor_gets_404(client, shop, tickets, name):
    client.force_login(shop.other_advisor)
    assert client.get(reverse(name, args=[shop.region.slug, "2026-03"])).status_code == 404


def test_another_regions_advisor_cannot_make_or_revoke_our_keys(client, shop):
    key, _raw = handoff_key_create(actor=shop.advisor, region=shop.region, name="Billett")
    client.force_login(shop.other_advisor)
    assert (
        client.post(
            reverse("staff:handoff_key_create", args=[shop.region.slug]), {"name": "Mine"}
        ).status_code
        == 404
    )
    assert client.post(reverse("staff:handoff_key_revoke", args=[key.pk])).status_code == 404
    key.refresh_from_db()
    assert key.is_active and HandoffKey.objects.count() == 1
    page = client.get(reverse("staff:ticket_handoff")).content.decode()
    assert "Billett" not in page


def test_a_month_that_is_not_one_is_404(client, shop):
    client.force_login(shop.advisor)
    url = reverse("staff:ticket_handoff_csv", args=[shop.region.slug, "2026-13"])
    assert client.get(url).status_code == 404
