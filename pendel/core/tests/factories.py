import factory

from pendel.accounts.models import Role, User
from pendel.companies.models import Location, Organisation
from pendel.regions.models import Country, Region

PASSWORD = "correct-horse-battery"


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


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    first_name = "Kari"
    last_name = factory.Sequence(lambda n: f"Nordmann{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_advisor(region: Region, **kwargs) -> User:
    user = UserFactory(**kwargs)
    Role.objects.create(user=user, kind=Role.Kind.REGION_STAFF, region=region)
    return user


def make_coordinator(**kwargs) -> User:
    user = UserFactory(**kwargs)
    Role.objects.create(user=user, kind=Role.Kind.COORDINATOR)
    return user


def make_contact(location: Location, **kwargs) -> User:
    """A contact person; the location's first one is its primary contact."""
    user = UserFactory(**kwargs)
    add_contact_role(user, location)
    return user


def add_contact_role(user: User, location: Location) -> Role:
    """Make an existing user (staff, or contact elsewhere) a contact person of a location."""
    primary = not Role.objects.filter(location=location, is_primary=True).exists()
    return Role.objects.create(
        user=user, kind=Role.Kind.CONTACT_PERSON, location=location, is_primary=primary
    )
