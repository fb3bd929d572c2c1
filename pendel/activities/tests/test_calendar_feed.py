"""The iCalendar subscription: a secret address per person, shown once and kept as a hash;
revoked, it answers 404; read with the owner's roles of the moment; parsed by icalendar."""

import logging

import pytest
from django.urls import reverse
from icalendar import Calendar

from pendel.accounts.models import Role
from pendel.activities.calendars_feed import calendar_feed_create
from pendel.activities.models import CalendarFeed, Event
from pendel.activities.tests.followup_builders import at, event
from pendel.core.logging import HIDDEN, mask_secrets
from pendel.core.tokens import token_hash


@pytest.fixture
def events(world):
    return {
        "mine": event(world.location, starts=at(2027, 3, 10), advisors=[world.advisor]),
        "colleague": event(
            world.location, starts=at(2027, 3, 17), advisors=[world.staff_and_contact]
        ),
        "cancelled": event(
            world.location,
            starts=at(2027, 4, 1),
            advisors=[world.advisor],
            status=Event.Status.CANCELLED,
            cancelled_reason="Sykdom",
        ),
        "other": event(world.other_location, starts=at(2027, 3, 12), advisors=[world.advisor]),
    }


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://pendel.example.no"


def read(client, secret, slug=None):
    if slug:
        return client.get(reverse("calendar:region_feed", args=[secret, slug]))
    return client.get(reverse("calendar:feed", args=[secret]))


def parsed(response) -> dict:
    """{uid: VEVENT} of a feed response, through icalendar's own parser."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return {str(item["UID"]): item for item in calendar.walk("VEVENT")}


def uid(event_) -> str:
    return f"activity-{event_.pk}@pendel.example.no"


def test_the_feed_holds_my_events_in_my_regions_and_parses(world, client, events):
    _feed, secret = calendar_feed_create(user=world.advisor)
    items = parsed(read(client, secret))
    # Named on an Overijssel event, but no staff there: not in the feed.
    assert set(items) == {uid(events["mine"]), uid(events["cancelled"])}
    mine = items[uid(events["mine"])]
    assert mine["DTSTART"].dt == events["mine"].starts_at
    assert mine["DTEND"].dt == events["mine"].ends_at
    assert str(mine["LOCATION"]) == "Canteen"
    assert "Fredrikstad Fisk AS" in str(mine["SUMMARY"])
    assert "Fredrikstad Fisk AS, Fredrikstad" in str(mine["DESCRIPTION"])
    assert "https://pendel.example.no/staff/" in str(mine["DESCRIPTION"])
    assert mask_secrets("/staff/activities/calendars/subscription/") == (
        "/staff/activities/calendars/subscription/"
    )
    assert str(mine["STATUS"]) == "CONFIRMED"
    assert mine["LAST-MODIFIED"].dt == events["mine"].updated_at.replace(microsecond=0)
    assert str(items[uid(events["cancelled"])]["STATUS"]) == "CANCELLED"


def test_the_region_feed_holds_the_regions_events_only(world, client, events):
    _feed, secret = calendar_feed_create(user=world.advisor)
    items = parsed(read(client, secret, world.region.slug))
    assert set(items) == {uid(events[k]) for k in ("mine", "colleague", "cancelled")}
    assert read(client, secret, "overijssel").status_code == 404


def test_the_uid_stays_when_the_event_changes(world, client, events):
    _feed, secret = calendar_feed_create(user=world.advisor)
    before = set(parsed(read(client, secret)))
    events["mine"].place = "Kantina"
    events["mine"].save()
    after = parsed(read(client, secret))
    assert set(after) == before
    assert str(after[uid(events["mine"])]["LOCATION"]) == "Kantina"


def test_the_summary_is_in_the_owners_language(world, client, events):
    kind = events["mine"].activity_type
    kind.name = {"nb": "Sykkelsjekk", "en": "Bike check"}
    kind.save()
    world.advisor.language = "nb"
    world.advisor.save()
    _feed, secret = calendar_feed_create(user=world.advisor)
    item = parsed(read(client, secret))[uid(events["mine"])]
    assert str(item["SUMMARY"]).startswith("Sykkelsjekk")
    assert "Medlem" in str(item["DESCRIPTION"])


def test_only_the_hash_of_the_secret_is_kept(world):
    feed, secret = calendar_feed_create(user=world.advisor)
    feed.refresh_from_db()
    assert feed.token_hash == token_hash(secret)
    assert secret not in str(CalendarFeed.objects.filter(pk=feed.pk).values().get())


def test_a_revoked_address_answers_404_and_a_new_one_works(world, client, events):
    client.force_login(world.advisor)
    client.post(reverse("staff:activity_calendar_subscription"))
    page = client.get(reverse("staff:activity_calendar_subscription"))
    old = _secret_from(page.content.decode())
    anonymous = type(client)()
    assert read(anonymous, old).status_code == 200
    # The secret is shown once: the page does not show it again.
    assert old not in client.get(reverse("staff:activity_calendar_subscription")).content.decode()

    client.post(reverse("staff:activity_calendar_subscription_revoke"))
    assert read(anonymous, old).status_code == 404
    assert read(anonymous, old, world.region.slug).status_code == 404

    client.post(reverse("staff:activity_calendar_subscription"))
    new = _secret_from(client.get(reverse("staff:activity_calendar_subscription")).content.decode())
    assert new != old
    assert read(anonymous, new).status_code == 200
    assert read(anonymous, old).status_code == 404


def test_a_new_address_replaces_the_live_one(world, client):
    _feed, first = calendar_feed_create(user=world.advisor)
    _feed, second = calendar_feed_create(user=world.advisor)
    assert read(client, first).status_code == 404
    assert read(client, second).status_code == 200
    assert CalendarFeed.objects.filter(user=world.advisor, revoked_at__isnull=True).count() == 1


def _secret_from(html: str) -> str:
    marker = "://testserver/calendar/"
    start = html.index(marker) + len(marker)
    return html[start : html.index(".ics", start)]


def test_the_feed_follows_the_owners_roles_now(world, client, events):
    """A staff member who loses their last staff role gets 404 (like a revoked address, so
    the calendar program says so); losing one region drops its events and its feed."""
    _feed, secret = calendar_feed_create(user=world.staff_and_contact)
    assert read(client, secret).status_code == 200
    Role.objects.filter(user=world.staff_and_contact, kind=Role.Kind.REGION_STAFF).delete()
    # Still contact person in Nord-Jæren: no back office, so no feed.
    assert read(client, secret).status_code == 404
    assert read(client, secret, world.region.slug).status_code == 404


def test_a_deactivated_owner_has_no_feed(world, client, events):
    _feed, secret = calendar_feed_create(user=world.advisor)
    world.advisor.is_active = False
    world.advisor.save()
    assert read(client, secret).status_code == 404


def test_an_unknown_address_is_not_found(client, db):
    assert read(client, "not-a-real-secret").status_code == 404


def test_the_feed_is_rate_limited(world, client, events, settings):
    _feed, secret = calendar_feed_create(user=world.advisor)
    answers = [read(client, secret).status_code for _ in range(61)]
    assert answers[:60] == [200] * 60
    assert answers[60] == 429


def test_the_feed_needs_no_session_and_sets_none(world, client, events):
    _feed, secret = calendar_feed_create(user=world.advisor)
    response = read(client, secret)
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert response["Cache-Control"] == "private, no-store"


def test_the_secret_is_not_written_to_the_logs(world, client, caplog):
    _feed, secret = calendar_feed_create(user=world.advisor)
    path = reverse("calendar:region_feed", args=[secret, "nedre-glomma"])
    masked = f"GET /calendar/{HIDDEN}/nedre-glomma.ics HTTP/1.1"
    assert mask_secrets(f"GET {path} HTTP/1.1") == masked
    assert mask_secrets(reverse("calendar:feed", args=[secret])) == f"/calendar/{HIDDEN}"
    caplog.set_level(logging.WARNING, logger="django.request")
    client.get(reverse("calendar:feed", args=["revoked-or-unknown"]))
    assert "revoked-or-unknown" not in caplog.text
