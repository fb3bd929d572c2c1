"""Personas shared by every test. There is always an outsider: a second region in another
country with its own advisor, company and contact person."""

from dataclasses import dataclass

import pytest
from hypothesis import settings as hypothesis_settings

from pendel.core.tests.factories import (
    CountryFactory,
    LocationFactory,
    OrganisationFactory,
    RegionFactory,
    make_advisor,
    make_contact,
    make_coordinator,
)

# The same examples on every run, so that main stays green unless the code changes.
hypothesis_settings.register_profile("pendel", derandomize=True, deadline=None, database=None)
hypothesis_settings.load_profile("pendel")


@dataclass
class World:
    region: object
    other_region: object
    coordinator: object
    advisor: object
    other_advisor: object
    company: object
    location: object
    contact: object
    other_company: object
    other_location: object
    other_contact: object


@pytest.fixture
def world(db) -> World:
    norway = CountryFactory(
        code="NO", currency="NOK", default_language="nb", time_zone="Europe/Oslo"
    )
    netherlands = CountryFactory(
        code="NL", currency="EUR", default_language="nl", time_zone="Europe/Amsterdam"
    )
    region = RegionFactory(slug="nedre-glomma", name="Nedre Glomma", country=norway)
    other_region = RegionFactory(
        slug="overijssel",
        name="Overijssel",
        programme_name="Twente Mobiel",
        transport_authority="Provincie Overijssel",
        country=netherlands,
    )
    company = OrganisationFactory(name="Fredrikstad Fisk AS", country=norway)
    location = LocationFactory(organisation=company, region=region, name="Fredrikstad")
    other_company = OrganisationFactory(
        name="Twentse Tegels B.V.", country=netherlands, organisation_number="12345678"
    )
    other_location = LocationFactory(
        organisation=other_company, region=other_region, name="Enschede"
    )
    return World(
        region=region,
        other_region=other_region,
        coordinator=make_coordinator(email="coordinator@example.com", first_name="Ingrid"),
        advisor=make_advisor(region, email="advisor@example.com", first_name="Ola"),
        other_advisor=make_advisor(other_region, email="adviseur@example.com", first_name="Sanne"),
        company=company,
        location=location,
        contact=make_contact(location, email="hr@fisk.example.com", first_name="Hanne"),
        other_company=other_company,
        other_location=other_location,
        other_contact=make_contact(
            other_location, email="hr@tegels.example.com", first_name="Joost"
        ),
    )
