"""The back office's calendars: "My calendar" holds the events I am responsible for in my
regions, a region's calendar every event of that region; another region's is a 404."""

import pytest
from django.urls import reverse

from pendel.activities.tests.followup_builders import at, event


@pytest.fixture
def events(world):
    mine = event(world.location, starts=at(2027, 3, 10), advisors=[world.advisor])
    colleague = event(world.location, starts=at(2027, 3, 17), advisors=[world.staff_and_contact])
    # Nord-Jæren, where Mari is contact person of Sandnes Sykkel, not staff.
    contact_side = event(
        world.third_location, starts=at(2027, 3, 11), advisors=[world.staff_and_contact]
    )
    outsider = event(world.other_location, starts=at(2027, 3, 12), advisors=[world.other_advisor])
    return {"mine": mine, "colleague": colleague, "contact_side": contact_side, "other": outsider}


def page(client, user, name, *args, month="2027-03"):
    client.force_login(user)
    return client.get(reverse(name, args=args) + f"?month={month}")


def test_my_calendar_shows_my_events_by_week_and_no_one_elses(world, client, events):
    response = page(client, world.advisor, "staff:activity_calendar")
    text = response.content.decode()
    assert response.status_code == 200
    assert str(events["mine"].activity_type) in text
    assert str(events["colleague"].activity_type) not in text
    assert str(events["other"].activity_type) not in text
    assert "Week 10" in text and "Week 11" in text  # 10 March 2027 is in ISO week 10


def test_the_region_calendar_shows_every_event_of_the_region(world, client, events):
    response = page(client, world.advisor, "staff:activity_region_calendar", world.region.slug)
    text = response.content.decode()
    assert str(events["mine"].activity_type) in text
    assert str(events["colleague"].activity_type) in text
    assert str(events["other"].activity_type) not in text
    assert str(events["contact_side"].activity_type) not in text


def test_another_regions_calendar_is_not_found(world, client, events):
    response = page(client, world.advisor, "staff:activity_region_calendar", "overijssel")
    assert response.status_code == 404


def test_mari_sees_her_events_where_she_is_staff_only(world, client, events):
    """Staff in Nedre Glomma, contact person in Nord-Jæren: the back office never shows
    her the Nord-Jæren events, not even one she is named on."""
    text = page(client, world.staff_and_contact, "staff:activity_calendar").content.decode()
    assert str(events["colleague"].activity_type) in text
    assert str(events["contact_side"].activity_type) not in text
    response = page(
        client, world.staff_and_contact, "staff:activity_region_calendar", "nord-jaeren"
    )
    assert response.status_code == 404


def test_a_contact_person_has_no_calendar(world, client, events):
    assert page(client, world.contact, "staff:activity_calendar").status_code == 404


def test_the_coordinator_sees_every_region(world, client, events):
    response = page(client, world.coordinator, "staff:activity_region_calendar", "overijssel")
    assert str(events["other"].activity_type) in response.content.decode()


def test_an_event_is_shown_on_its_local_day(world, client):
    """23:30 UTC on 31 March is 1 April in Oslo: April's calendar has it, March's not."""
    late = event(world.location, starts=at(2027, 3, 31, 23), advisors=[world.advisor])
    march = page(client, world.advisor, "staff:activity_calendar").content.decode()
    april = page(client, world.advisor, "staff:activity_calendar", month="2027-04")
    assert str(late.activity_type) not in march
    assert str(late.activity_type) in april.content.decode()


def test_a_bad_month_shows_the_current_one(world, client, events):
    response = page(client, world.advisor, "staff:activity_calendar", month="2027-13")
    assert response.status_code == 200
