"""The demo's activities: per region rules, plans (approved, sent, one member without),
events held with attendance, upcoming with a waiting list, cancelled; loaded twice, the
same rows."""

from django.utils import timezone

from pendel.activities.demo import seed_demo_activities
from pendel.activities.models import ActivityPlan, ActivityRules, Event, SignUp
from pendel.companies.models import Membership
from pendel.portal.demo import seed_demo


def counts() -> tuple:
    return tuple(model.objects.count() for model in (ActivityRules, ActivityPlan, Event, SignUp))


def test_the_demo_has_plans_and_events_in_every_region_and_loads_twice(db):
    seed_demo()
    seed_demo_activities()
    first = counts()
    seed_demo()
    seed_demo_activities()
    assert counts() == first

    for rules in ActivityRules.objects.select_related("region"):
        region = rules.region
        members = Membership.objects.filter(location__region=region).exclude(status="ended")
        plans = ActivityPlan.objects.filter(location__region=region, year=timezone.now().year)
        assert plans.count() == members.count() - 1  # one member lacks a plan
        assert {"approved", "submitted"} <= set(plans.values_list("status", flat=True))
        events = Event.objects.filter(region=region)
        assert set(events.values_list("status", flat=True)) == {"held", "scheduled", "cancelled"}
        held = events.get(status="held")
        assert held.signups.filter(attended=True).exists() and held.outcome_note
        full = events.filter(status="scheduled", capacity=10).get()
        assert full.signups.filter(status="confirmed").count() == 10
        assert full.signups.filter(status="waiting").count() == 2
    assert ActivityRules.objects.count() == 4
    nedre_glomma = Event.objects.filter(region__slug="nedre-glomma", status="held").get()
    assert nedre_glomma.place == "Kantina"
    assert nedre_glomma.advisors.filter(email="mari.dahl@pendel.demo").exists()
