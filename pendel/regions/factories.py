"""Countries and regions for the tests and the demo data (factory_boy)."""

import factory

from pendel.regions.models import Country, Region


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "NO"
    currency = "NOK"
    default_language = "nb"
    time_zone = "Europe/Oslo"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    slug = factory.Sequence(lambda n: f"region-{n}")
    name = factory.Sequence(lambda n: f"Region {n}")
    programme_name = factory.LazyAttribute(lambda o: f"HjemJobbHjem {o.name}")
    transport_authority = "Østfold kollektivtrafikk"
    country = factory.SubFactory(CountryFactory)
    time_zone = factory.LazyAttribute(lambda o: o.country.time_zone)
    default_language = factory.LazyAttribute(lambda o: o.country.default_language)
