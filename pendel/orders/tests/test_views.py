"""Min side: ordering, seeing and cancelling; the staff order list. Out of scope is 404."""

from decimal import Decimal

import pytest
from django.urls import reverse

from pendel.catalogue.tests.builders import national
from pendel.core.dates import add_months, month_value
from pendel.orders.models import Order, Ticket
from pendel.orders.tests.builders import employees, ticket_order


def place_order(client, url, data):
    """Ask for the price, then place the order from its summary, as a person would."""
    summary = client.post(url, data)
    assert summary.status_code == 200
    digest = summary.context["preview"].digest
    return client.post(url, {**data, "confirm": digest})


@pytest.fixture
def placed(shop, this_month):
    ours = ticket_order(
        shop.location,
        employees(shop.location, 2),
        national("company-ticket"),
        start=this_month,
        share="50",
    )
    theirs = ticket_order(
        shop.other_location,
        employees(shop.other_location, 1),
        national("company-ticket"),
        start=this_month,
    )
    return {"ours": ours, "theirs": theirs}


def test_the_contact_person_orders_tickets_for_all_employees(client, shop, this_month):
    people = employees(shop.location, 3)
    client.force_login(shop.contact)
    url = reverse("company:ticket_order")
    form = client.get(url).content.decode()
    assert "Ansatt0" in form
    data = {
        "product": national("company-ticket").pk,
        "all_employees": "on",
        "start_month": month_value(this_month),
        "employer_share": "60",
    }
    response = place_order(client, url, data)
    assert response.status_code == 302
    assert Ticket.objects.filter(employee__in=people).count() == 3
    assert Order.objects.get().employer_share == Decimal("60")
    page = client.get(response["Location"]).content.decode()
    assert "Ansatt2" in page


def test_an_order_without_employees_is_refused(client, shop, this_month):
    employees(shop.location, 1)
    client.force_login(shop.contact)
    response = client.post(
        reverse("company:ticket_order"),
        {
            "product": national("company-ticket").pk,
            "start_month": month_value(this_month),
            "employer_share": "100",
        },
    )
    assert response.status_code == 200
    assert not Order.objects.exists()


def test_ordering_an_event(client, shop, this_month):
    client.force_login(shop.contact)
    data = {
        "location": shop.location.pk,
        "product": national("event").pk,
        "start_month": month_value(add_months(this_month, 1)),
        "quantity": "1",
        "note": "Frokostmøte",
    }
    response = place_order(client, reverse("company:order_create"), data)
    assert response.status_code == 302
    order = Order.objects.get()
    assert (order.note, order.quantity) == ("Frokostmøte", 1)
    assert "Frokostmøte" in client.get(reverse("company:order_list")).content.decode()


def test_the_contact_person_cancels_a_ticket(client, shop, placed, this_month):
    ticket = placed["ours"].tickets.first()
    client.force_login(shop.contact)
    url = reverse("company:ticket_cancel", args=[ticket.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"from_month": month_value(add_months(this_month, 1))})
    ticket.refresh_from_db()
    assert ticket.end_month == add_months(this_month, 1)


@pytest.mark.parametrize(
    "name,key", [("company:ticket_cancel", "ticket"), ("company:order_cancel", "order")]
)
def test_another_companys_contact_gets_404_and_nothing_changes(
    client, shop, placed, this_month, name, key
):
    order = placed["ours"]
    obj = order.tickets.first() if key == "ticket" else order
    client.force_login(shop.other_contact)
    url = reverse(name, args=[obj.pk])
    assert client.get(url).status_code == 404
    data = {"from_month": month_value(add_months(this_month, 1))}
    assert client.post(url, data).status_code == 404
    assert not Ticket.objects.filter(end_month__isnull=False).exists()
    order.refresh_from_db()
    assert order.end_month is None


def test_a_contact_person_sees_only_their_own_tickets_and_orders(client, shop, placed):
    client.force_login(shop.other_contact)
    tickets = client.get(reverse("company:ticket_list")).content.decode()
    orders = client.get(reverse("company:order_list")).content.decode()
    assert "Ansatt0" in tickets  # their own employee
    assert str(shop.location.name) not in orders
    response = client.get(reverse("company:ticket_list"), {"location": shop.location.pk})
    assert response.status_code == 404


def test_the_staff_order_list_shows_only_the_region(client, shop, placed):
    client.force_login(shop.other_advisor)
    page = client.get(reverse("staff:order_list")).content.decode()
    assert "Twentse Tegels" in page and "Fredrikstad Fisk" not in page
    client.force_login(shop.advisor)
    page = client.get(reverse("staff:order_list"), {"region": shop.region.slug}).content.decode()
    assert "Fredrikstad Fisk" in page


@pytest.mark.parametrize(
    "name",
    [
        "company:ticket_list",
        "company:ticket_order",
        "company:order_list",
        "company:order_create",
        "company:catalogue",
    ],
)
def test_an_advisor_cannot_use_min_side(client, shop, name):
    client.force_login(shop.advisor)
    assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", ["staff:order_list", "staff:ticket_handoff"])
def test_a_contact_person_cannot_use_the_staff_pages(client, shop, name):
    client.force_login(shop.contact)
    assert client.get(reverse(name)).status_code == 404


def test_the_order_pages_open(client, shop, placed):
    client.force_login(shop.contact)
    order = placed["ours"]
    for url in (
        reverse("company:order_create") + f"?product={national('event').pk}",
        reverse("company:order_list"),
        reverse("company:order_cancel", args=[order.pk]),
        reverse("company:ticket_list"),
    ):
        assert client.get(url).status_code == 200
