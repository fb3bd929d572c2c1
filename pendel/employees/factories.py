"""Employees for the tests and the demo data (factory_boy)."""

import factory

from pendel.companies.factories import LocationFactory
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
