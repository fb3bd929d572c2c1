"""Orders only where they belong: ordering needs an active (or qualified) membership, the
page says why not otherwise, and an order shows its price and monthly total before it is
placed. A location that is only approved is not billed for tickets."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pendel.catalogue.tests.builders import national
from pendel.companies.models import Membership, MembershipStatus
from pendel.core.dates import month_value
from pendel.orders.models import Order, Ticket
from pendel.orders.services import order_create, ticket_order_create
from pendel.orders.tests.builders import employees


def _set_status(location, status):
    Membership.objects.filter(location=location).update(status=status)


def _ticket_data(this_month, share="60"):
    return {
        "product": national("company-ticket").pk,
        "all_employees": "on",
        "start_month": month_value(this_month),
        "employer_share": share,
    }


@pytest.mark.parametrize("status", [MembershipStatus.APPLIED, MembershipStatus.APPROVED])
def test_a_location_that_is_not_active_yet_cannot_order(shop, this_month, status):
    _set_status(shop.location, status)
    people = employees(shop.location, 2)
    with pytest.raises(ValidationError) as refused:
        ticket_order_create(
            actor=shop.contact,
            location=shop.location,
            product=national("company-ticket"),
            employee_ids=[p.pk for p in people],
            start_month=this_month,
            employer_share=Decimal("100"),
        )
    assert "membership is active" in str(refused.value)
    with pytest.raises(ValidationError):
        order_create(
            actor=shop.contact,
            location=shop.location,
            product=national("event"),
            start_month=this_month,
            quantity=1,
        )
    assert not Order.objects.exists() and not Ticket.objects.exists()


def test_a_location_without_membership_or_with_an_ended_one_cannot_order(shop, this_month):
    _set_status(shop.location, MembershipStatus.ENDED)
    people = employees(shop.location, 1)
    with pytest.raises(ValidationError, match="not a member"):
        ticket_order_create(
            actor=shop.contact,
            location=shop.location,
            product=national("company-ticket"),
            employee_ids=[people[0].pk],
            start_month=this_month,
            employer_share=Decimal("100"),
        )


def test_a_qualified_member_can_order(shop, this_month):
    _set_status(shop.location, MembershipStatus.QUALIFIED)
    people = employees(shop.location, 1)
    result = ticket_order_create(
        actor=shop.contact,
        location=shop.location,
        product=national("company-ticket"),
        employee_ids=[people[0].pk],
        start_month=this_month,
        employer_share=Decimal("100"),
    )
    assert result.created == 1


def test_the_order_page_says_why_an_approved_location_cannot_order(client, shop, this_month):
    _set_status(shop.location, MembershipStatus.APPROVED)
    employees(shop.location, 2)
    client.force_login(shop.contact)
    url = reverse("company:ticket_order")
    page = client.get(url).content.decode()
    assert "agreement has not been" in page
    assert "Show price" not in page  # no form to fill in
    response = client.post(url, {**_ticket_data(this_month), "confirm": "x"})
    assert response.status_code == 200
    assert not Order.objects.exists()


def test_the_price_and_monthly_total_are_shown_before_the_order_is_placed(client, shop, this_month):
    employees(shop.location, 3)
    client.force_login(shop.contact)
    url = reverse("company:ticket_order")
    summary = client.post(url, _ticket_data(this_month))
    page = summary.content.decode()
    assert summary.status_code == 200
    assert not Order.objects.exists()  # nothing is ordered by asking for the price
    preview = summary.context["preview"]
    # 199.00 incl. 12 % VAT = 177.6786 excl.; the employer pays 60 % of it for 3 people.
    assert preview.unit_net == Decimal("177.6786")
    assert preview.quantity == 3
    assert preview.total_net == Decimal("319.82")
    assert "Monthly total" in page and "319.82" in page
    # Changing the share after seeing the price shows the new price instead of ordering.
    changed = client.post(url, {**_ticket_data(this_month, "100"), "confirm": preview.digest})
    assert changed.status_code == 200 and not Order.objects.exists()
    placed = client.post(
        url, {**_ticket_data(this_month, "100"), "confirm": changed.context["preview"].digest}
    )
    assert placed.status_code == 302
    assert Order.objects.get().employer_share == Decimal("100")


def test_the_product_order_page_lists_locations_that_cannot_order(client, shop):
    _set_status(shop.location, MembershipStatus.APPLIED)
    client.force_login(shop.contact)
    page = client.get(reverse("company:order_create")).content.decode()
    assert "not approved yet" in page
