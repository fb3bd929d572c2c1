"""Issue 10, item 10: bad input gets a clear answer and changes nothing, never a 500. Each
case here answered 500 (or was accepted) before: "²" passes str.isdigit() but not int(); a
`next` without a leading "/" was taken for a URL name; a date in the year 9999 overflows the
date arithmetic after it; a 26-digit id overflows the database's integer."""

from datetime import timedelta

import pytest
from django.urls import reverse

from pendel.catalogue.tests import builders as catalogue
from pendel.companies.models import AdvisorNote, Membership
from pendel.core.dates import region_today
from pendel.employees.models import Employee
from pendel.orders.models import Order
from pendel.orders.tests import builders as orders
from pendel.surveys.models import Wave

# Every Min side view that reads ?location= (the seven of the finding).
LOCATION_VIEWS = [
    "company:employee_list",
    "company:employee_create",
    "company:employee_import",
    "company:employee_export",
    "company:ticket_list",
    "company:ticket_order",
    "company:order_create",
]


@pytest.mark.parametrize("name", LOCATION_VIEWS)
@pytest.mark.parametrize("value", ["²", "١", "1" * 26, "-1", "0x1", " 1"])
def test_a_location_that_is_not_an_id_is_not_found(client, world, name, value):
    client.force_login(world.contact)
    assert client.get(reverse(name), {"location": value}).status_code == 404


@pytest.mark.parametrize("name", LOCATION_VIEWS)
def test_the_own_location_by_id_still_opens(client, world, name):
    client.force_login(world.contact)
    assert client.get(reverse(name), {"location": world.location.pk}).status_code == 200


@pytest.mark.parametrize(
    "target", ["staff:home", "foo", "http://evil.example.com/", "//evil.example.com/x"]
)
def test_the_language_form_goes_home_when_next_is_not_a_path_here(client, target):
    response = client.post(reverse("accounts:set_language"), {"language": "en", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_language_form_goes_back_to_the_page_it_came_from(client):
    response = client.post(
        reverse("accounts:set_language"), {"language": "en", "next": "/company/"}
    )
    assert response["Location"] == "/company/"


@pytest.fixture
def note(world):
    membership = Membership.objects.create(location=world.location, status="active")
    today = region_today(world.region)
    return AdvisorNote.objects.create(
        membership=membership,
        author=world.advisor,
        happened_on=today,
        text="Ring",
        follow_up_on=today,
    )


@pytest.mark.parametrize("target", ["foo", "staff:member_list", "https://evil.example.com/"])
def test_marking_a_note_done_with_a_strange_next_goes_to_the_follow_ups(
    client, world, note, target
):
    client.force_login(world.advisor)
    response = client.post(reverse("staff:note_done", args=[note.pk]), {"next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:followups")


FAR = "9999-12-31"


def test_a_wave_closing_in_the_year_9999_is_refused_with_a_message(client, world):
    client.force_login(world.advisor)
    today = region_today(world.region)
    response = client.post(
        reverse("staff:survey_wave_create"),
        {
            "location": world.location.pk,
            "kind": "baseline",
            "opens_on": today.isoformat(),
            "closes_on": FAR,
            "reminder_1_days": "7",
        },
    )
    assert response.status_code == 200
    assert "Give a date between" in response.content.decode()
    assert not Wave.objects.exists()


def test_a_wave_opening_in_the_year_9999_is_refused(client, world):
    client.force_login(world.advisor)
    response = client.post(
        reverse("staff:survey_wave_create"),
        {"location": world.location.pk, "kind": "baseline", "opens_on": FAR, "closes_on": FAR},
    )
    assert response.status_code == 200
    assert not Wave.objects.exists()


def test_an_employee_ending_in_the_year_9999_is_refused(client, world):
    kari = Employee.objects.create(location=world.location, first_name="Kari", last_name="N")
    client.force_login(world.contact)
    response = client.post(reverse("company:employee_end", args=[kari.pk]), {"end_date": FAR})
    assert response.status_code == 200
    assert "Give a date between" in response.content.decode()
    kari.refresh_from_db()
    assert kari.end_date is None


def test_a_note_following_up_in_the_year_9999_is_refused(client, world, note):
    client.force_login(world.advisor)
    today = region_today(world.region)
    client.post(
        reverse("staff:member_note_create", args=[note.membership_id]),
        {"kind": "call", "happened_on": today.isoformat(), "text": "x", "follow_up_on": FAR},
    )
    assert AdvisorNote.objects.count() == 1


@pytest.fixture
def ticket_shop(world):
    catalogue.seed()
    product = catalogue.offer(world.region, "company-ticket", "199.00", includes_vat=True)
    people = orders.employees(world.location, 2)
    return product, people


@pytest.mark.parametrize("employee", ["1" * 26, "9" * 19, "²"])
def test_a_ticket_order_for_an_employee_id_of_26_digits_is_refused(
    client, world, ticket_shop, employee
):
    client.force_login(world.contact)
    month = region_today(world.region).replace(day=1)
    response = client.post(
        reverse("company:ticket_order"),
        {
            "product": ticket_shop[0].pk,
            "start_month": month.strftime("%Y-%m"),
            "employer_share": "100",
            "employees": [employee],
        },
    )
    assert response.status_code == 200
    assert not Order.objects.exists()


def test_a_wave_for_a_location_id_of_26_digits_is_refused(client, world):
    client.force_login(world.advisor)
    today = region_today(world.region)
    response = client.post(
        reverse("staff:survey_wave_create"),
        {
            "location": "1" * 26,
            "kind": "baseline",
            "opens_on": today.isoformat(),
            "closes_on": (today + timedelta(days=21)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert not Wave.objects.exists()
