"""The factories live beside their models (`pendel/<app>/factories.py`), where the demo data
uses them too. Re-exported here for the tests that import them from this older place."""

from pendel.accounts.factories import (
    PASSWORD,
    UserFactory,
    make_advisor,
    make_contact,
    make_coordinator,
)
from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.regions.factories import CountryFactory, RegionFactory

__all__ = [
    "PASSWORD",
    "CountryFactory",
    "LocationFactory",
    "OrganisationFactory",
    "RegionFactory",
    "UserFactory",
    "make_advisor",
    "make_contact",
    "make_coordinator",
]
