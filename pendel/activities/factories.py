"""Activity types, plans and events for the tests and the demo data (factory_boy)."""

import datetime as dt

import factory
from django.utils import timezone

from pendel.activities.models import (
    ActivityPlan,
    ActivityType,
    Event,
    Goal,
    PlannedActivity,
)
from pendel.companies.factories import LocationFactory


class ActivityTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityType

    code = factory.Sequence(lambda n: f"activity-{n}")
    name = factory.Sequence(lambda n: {"nb": f"Aktivitet {n}", "en": f"Activity {n}"})
    description = {"nb": "Beskrivelse", "en": "Description"}
    goal = Goal.INFORM
    duration_minutes = 60


class ActivityPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityPlan

    location = factory.SubFactory(LocationFactory)
    year = 2027


class PlannedActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedActivity

    plan = factory.SubFactory(ActivityPlanFactory)
    activity_type = factory.SubFactory(ActivityTypeFactory)
    month = 3


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    location = factory.SubFactory(LocationFactory)
    region = factory.SelfAttribute("location.region")
    activity_type = factory.SubFactory(ActivityTypeFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    place = "Canteen"
