"""The start page's activity tiles: my activities this week, the members without an approved
plan, and for the coordinator the activities held per region against the target."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from pendel.activities.tests.followup_builders import event, member, plan


@pytest.fixture
def week(world):
    now = timezone.now()
    soon = event(world.location, starts=now + timedelta(minutes=30), advisors=[world.advisor])
    later = event(world.location, starts=now + timedelta(days=8), advisors=[world.advisor])
    other = event(world.other_location, starts=now + timedelta(minutes=40), advisors=[])
    member(world.location, advisor=world.advisor)
    member(world.other_location)
    return {"soon": soon, "later": later, "other": other}


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("staff:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_advisor_sees_this_weeks_activities_and_members_without_a_plan(world, client, week):
    text = home(client, world.advisor)
    assert str(week["soon"].activity_type) in text
    assert str(week["later"].activity_type) not in text  # next week
    assert str(week["other"].activity_type) not in text
    assert f"Members without an approved plan for {timezone.localdate().year}" in text
    assert "No plan yet" in text


def test_an_approved_plan_takes_the_member_off_the_list(world, client, week):
    plan(world.location, year=timezone.localdate().year, status="approved")
    assert "Every member has an approved plan." in home(client, world.advisor)


def test_the_coordinator_sees_held_against_target_per_region(world, client, week):
    event(world.other_location, starts=timezone.now() - timedelta(hours=3), status="held")
    text = home(client, world.coordinator)
    assert "against the target" in text
    assert "Twente Mobiel" in text
    assert reverse("staff:activity_followup_national") in text
