"""Issue 10, item 4: an organisation's invoice settings apply to its invoices in every
region. An advisor of one of its regions cannot change what another region's invoices use;
the coordinator (or staff of all its regions) can."""

import pytest
from django.urls import reverse

from pendel.companies.factories import LocationFactory
from pendel.invoicing.models import BillingSettings

POST = {"invoice_per_location": "on", "language": "en"}


@pytest.fixture
def spanning(world):
    """Fredrikstad Fisk has a second location in Overijssel: invoices in two regions."""
    LocationFactory(organisation=world.company, region=world.other_region, name="Enschede")
    BillingSettings.objects.create(organisation=world.company, language="nb")
    return world.company


def settings_of(organisation):
    return BillingSettings.objects.values("invoice_per_location", "language").get(
        organisation=organisation
    )


def test_an_advisor_of_one_region_cannot_change_settings_other_regions_use(client, world, spanning):
    url = reverse("staff:billing_settings", args=[spanning.pk])
    client.force_login(world.advisor)
    assert client.get(url).status_code == 404
    assert client.post(url, POST).status_code == 404
    client.force_login(world.other_advisor)
    assert client.post(url, POST).status_code == 404
    assert settings_of(spanning) == {"invoice_per_location": False, "language": "nb"}


def test_the_coordinator_changes_the_settings_of_an_organisation_in_two_regions(
    client, world, spanning
):
    url = reverse("staff:billing_settings", args=[spanning.pk])
    client.force_login(world.coordinator)
    assert client.get(url).status_code == 200
    response = client.post(url, POST)
    assert response.status_code == 302
    assert settings_of(spanning) == {"invoice_per_location": True, "language": "en"}


def test_an_advisor_still_changes_the_settings_of_an_organisation_only_in_their_region(
    client, world
):
    url = reverse("staff:billing_settings", args=[world.company.pk])
    client.force_login(world.advisor)
    assert client.get(url).status_code == 200
    assert client.post(url, POST).status_code == 302
    assert settings_of(world.company) == {"invoice_per_location": True, "language": "en"}


def test_the_dual_role_user_cannot_change_them_from_the_back_office_either(client, world, spanning):
    client.force_login(world.staff_and_contact)  # staff of Nedre Glomma only
    url = reverse("staff:billing_settings", args=[spanning.pk])
    assert client.post(url, POST).status_code == 404
    assert settings_of(spanning)["language"] == "nb"
