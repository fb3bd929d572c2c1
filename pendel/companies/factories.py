"""Organisations and their locations for the tests and the demo data (factory_boy)."""

import factory

from pendel.companies.models import Location, Organisation
from pendel.regions.factories import CountryFactory, RegionFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Company {n} AS")
    country = factory.SubFactory(CountryFactory)
    organisation_number = factory.Sequence(lambda n: f"{900000000 + n}")


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organisation = factory.SubFactory(OrganisationFactory)
    region = factory.SubFactory(RegionFactory)
    name = "Head office"
    municipality = "Sarpsborg"
    employee_count = 120
