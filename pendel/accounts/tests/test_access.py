"""Every view in the back office and Min side checks who is asking."""

import pytest
from django.urls import reverse

from pendel.accounts.access import scope_for

STAFF_PAGES = ["staff:home", "staff:region_list", "staff:user_list"]


@pytest.mark.parametrize(
    "name", [*STAFF_PAGES, "staff:task_list", "company:home", "accounts:profile"]
)
def test_it_sends_anonymous_visitors_to_the_login(client, world, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", [*STAFF_PAGES, "staff:task_list"])
def test_it_refuses_staff_pages_to_a_contact_person(client, world, name):
    client.force_login(world.contact)
    assert client.get(reverse(name)).status_code == 404


def test_it_refuses_min_side_to_an_advisor(client, world):
    client.force_login(world.advisor)
    assert client.get(reverse("company:home")).status_code == 404


def test_an_advisor_cannot_open_another_regions_page(client, world):
    client.force_login(world.advisor)
    response = client.get(reverse("staff:region_detail", args=[world.other_region.slug]))
    assert response.status_code == 404
    assert "Twente Mobiel" not in response.content.decode()


def test_an_advisor_opens_their_own_regions_page(client, world):
    client.force_login(world.advisor)
    response = client.get(reverse("staff:region_detail", args=[world.region.slug]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "HjemJobbHjem Nedre Glomma" in page
    assert "Fredrikstad Fisk AS" in page
    assert "Twentse Tegels" not in page


def test_the_region_list_shows_only_the_advisors_regions(client, world):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:region_list")).content.decode()
    assert "HjemJobbHjem Nedre Glomma" in page
    assert "Twente Mobiel" not in page


def test_the_coordinator_sees_every_region(client, world):
    client.force_login(world.coordinator)
    page = client.get(reverse("staff:region_list")).content.decode()
    assert "HjemJobbHjem Nedre Glomma" in page
    assert "Twente Mobiel" in page
    response = client.get(reverse("staff:region_detail", args=[world.other_region.slug]))
    assert response.status_code == 200


def test_the_user_list_hides_other_regions_people(client, world):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:user_list")).content.decode()
    assert world.contact.email in page
    assert world.advisor.email in page
    assert world.other_advisor.email not in page
    assert world.other_contact.email not in page
    assert world.coordinator.email not in page


def test_the_start_page_counts_only_what_is_in_scope(client, world):
    client.force_login(world.advisor)
    counts = client.get(reverse("staff:home")).context["counts"]
    assert counts == {"regions": 1, "organisations": 1, "locations": 1, "users": 3}
    client.force_login(world.coordinator)
    counts = client.get(reverse("staff:home")).context["counts"]
    assert counts["regions"] == 3 and counts["organisations"] == 4


def test_min_side_shows_only_the_contact_persons_company(client, world):
    client.force_login(world.contact)
    page = client.get(reverse("company:home")).content.decode()
    assert "Fredrikstad Fisk AS" in page
    assert world.contact.email in page
    assert "Twentse Tegels" not in page
    assert world.other_contact.email not in page


def test_the_task_page_is_for_the_coordinator_only(client, world):
    client.force_login(world.advisor)
    assert client.get(reverse("staff:task_list")).status_code == 404
    client.force_login(world.coordinator)
    assert client.get(reverse("staff:task_list")).status_code == 200


def test_after_login_each_role_lands_in_its_portal(client, world):
    client.force_login(world.advisor)
    assert client.get("/")["Location"] == reverse("staff:home")
    client.force_login(world.contact)
    assert client.get("/")["Location"] == reverse("company:home")


def test_a_deactivated_user_has_no_scope(world):
    world.advisor.is_active = False
    assert scope_for(world.advisor).is_staff is False
