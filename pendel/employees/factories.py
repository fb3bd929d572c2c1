"""Employees for the tests and the demo data (factory_boy)."""

import random

import factory
from faker import Faker

from pendel.companies.factories import LocationFactory
from pendel.core.factories import demo_domain, demo_email
from pendel.core.postcodes import postcodes_of_town
from pendel.employees.models import Employee


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    location = factory.SubFactory(LocationFactory)
    first_name = "Kari"
    last_name = factory.Sequence(lambda n: f"Nordmann{n}")
    email = factory.Sequence(lambda n: f"ansatt{n}@fisk.example.com")
    department = "Produksjon"
    age_group = "35_44"


FAKER_LOCALES = {"NO": "no_NO", "SE": "sv_SE", "NL": "nl_NL"}
NL_LETTERS = ("ABCEGHJKLMNPRTVWXZ", "ABCEHKLNPRTVX")


def demo_employee_rows(location, count: int, *, seed: str) -> list[dict]:
    """Names, work addresses and home postcodes for `count` made-up employees of a location
    (for the demo data): the country's names, first.last@ the company's demo domain, and
    homes in the workplace's town, with postcodes from the register."""
    country = location.region.country_id
    fake = Faker(FAKER_LOCALES.get(country, "en_GB"))
    fake.seed_instance(seed)
    rng = random.Random(seed)
    domain = demo_domain(location.organisation.name)
    homes = postcodes_of_town(country, location.municipality)
    rows, taken = [], set()
    for _index in range(count):
        first, last = fake.first_name(), fake.last_name()
        email, number = demo_email(first, last, domain), 2
        while email in taken:
            email, number = demo_email(first, f"{last}{number}", domain), number + 1
        taken.add(email)
        postcode = rng.choice(homes) if homes else ""
        if postcode and country == "NL":
            postcode += f" {rng.choice(NL_LETTERS[0])}{rng.choice(NL_LETTERS[1])}"
        rows.append({"first_name": first, "last_name": last, "email": email, "postcode": postcode})
    return rows
