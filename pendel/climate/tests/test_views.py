"""The emissions pages as the advisor, the contact person, an outsider and Mari (region
staff in Nedre Glomma, contact person of Sandnes Sykkel in Nord-Jæren) see them."""

import pytest
from django.urls import reverse

from pendel.accounts.access import Portal, scope_for
from pendel.climate.importers import CsvImporter
from pendel.climate.services import SetDetails, factor_set_import
from pendel.climate.tests.conftest import closed_wave
from pendel.climate.tests.test_wave_emissions import ANSWERS

NO_SET = b"""country,mode,value,unit,boundary,year,confirmed,source,note
NO,drive_alone,0.2,kg_co2e_per_pkm,WTW,2024,yes,Test source A,
NO,bus,0.05,kg_co2e_per_pkm,WTW,2024,yes,Test source A,
NO,train,0.01,kg_co2e_per_pkm,WTW,2024,yes,Test source A,
NO,car_passenger,0.1,kg_co2e_per_pkm,WTW,2024,yes,Test source A,
NO,bicycle,0,kg_co2e_per_pkm,WTW,2024,yes,Test source A,
NO,home_office,0.02,kg_co2e_per_day,unknown,2024,no,Test source A,equipment only
"""


def page(client, user, name, *args, query=""):
    client.force_login(user)
    return client.get(reverse(name, args=args) + query)


@pytest.fixture
def wave(world, django_capture_on_commit_callbacks):
    return closed_wave(world.location, world.coordinator, django_capture_on_commit_callbacks,
                       ANSWERS, employees=8)  # fmt: skip


@pytest.fixture
def other_set(world):
    return factor_set_import(
        actor=world.coordinator,
        scope=scope_for(world.coordinator, Portal.STAFF),
        importer=CsvImporter(),
        data=NO_SET,
        details=SetDetails(
            name="Norsk testsett", version="1", country="NO", fallback_scope="", source="Test"
        ),  # fmt: skip
    )


def test_the_advisor_sees_the_figure_and_the_set_it_comes_from(client, world, wave):
    response = page(client, world.advisor, "staff:climate_wave_emissions", wave.pk)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Pendel research set 2025.1" in text
    assert "0.9 t CO2e" in text  # 923 kg (test_wave_emissions: by hand)
    assert "Unconfirmed" in text and "unconfirmed" in text
    assert "Teleworking is left out" in text


def test_naming_another_set_changes_the_figure_and_the_page_names_it(
    client, world, wave, other_set
):
    response = page(client, world.advisor, "staff:climate_wave_emissions", wave.pk,
                    query=f"?set={other_set.pk}")  # fmt: skip
    text = response.content.decode()
    assert "Norsk testsett 1" in text
    # A: 10×2×46×(2×0.2+2×0.05)=460; C: 20×2×46×3×0.01=55.2; D: 12×2×46×0.1=110.4;
    # home days: A 1, D 4, E 5, C 2 (no diary) → 12 × 46 × 0.02 = 11.04 → 636.64 / 5 × 8
    assert "1 t CO2e" in text or "1.0 t CO2e" in text
    assert "home-office days" in text


def test_the_region_choice_changes_the_default(client, world, wave, other_set):
    client.force_login(world.advisor)
    url = reverse("staff:climate_region_settings", args=[world.region.slug])
    response = client.post(url, {"factor_set": other_set.pk, "working_weeks": 46})
    assert response.status_code == 302
    text = page(client, world.advisor, "staff:climate_wave_emissions", wave.pk).content.decode()
    assert "Norsk testsett 1" in text


def test_the_contact_person_sees_their_own_wave(client, world, wave):
    assert page(client, world.contact, "company:climate_emissions").status_code == 200
    response = page(client, world.contact, "company:climate_wave_emissions", wave.pk)
    assert response.status_code == 200
    assert "Pendel research set 2025.1" in response.content.decode()


@pytest.mark.parametrize("who", ["other_advisor", "other_contact"])
def test_an_outsider_gets_404(client, world, wave, who):
    user = getattr(world, who)
    name = (
        "staff:climate_wave_emissions"
        if who == "other_advisor"
        else "company:climate_wave_emissions"
    )
    assert page(client, user, name, wave.pk).status_code == 404


def test_mari_sees_nedre_glomma_in_the_back_office_but_not_on_min_side(client, world, wave):
    mari = world.staff_and_contact
    assert page(client, mari, "staff:climate_wave_emissions", wave.pk).status_code == 200
    # On Min side she acts for Sandnes Sykkel: Fredrikstad Fisk's wave does not exist there.
    assert page(client, mari, "company:climate_wave_emissions", wave.pk).status_code == 404


def test_a_group_of_four_gives_no_number(client, world, django_capture_on_commit_callbacks):
    wave = closed_wave(world.location, world.coordinator, django_capture_on_commit_callbacks,
                       ANSWERS[:4], employees=8)  # fmt: skip
    for user, name in ((world.advisor, "staff:climate_wave_emissions"),
                       (world.contact, "company:climate_wave_emissions")):  # fmt: skip
        text = page(client, user, name, wave.pk).content.decode()
        assert "Too few have answered to show any emissions" in text
        assert 'class="stat-value"' not in text and "95 % interval:" not in text


def test_only_the_coordinator_may_import(client, world):
    assert page(client, world.advisor, "staff:climate_factor_set_import").status_code == 404
    assert page(client, world.coordinator, "staff:climate_factor_set_import").status_code == 200
    assert page(client, world.advisor, "staff:climate_factor_set_list").status_code == 200
