"""The iCalendar subscription: one secret address per staff member, for Outlook, Google or
any calendar that subscribes to a URL.

- The secret is made from the system's random source and shown once, when it is made; only
  its hash is kept (`pendel.core.tokens`). Revoking the address makes it answer 404; a new
  one may be made at any time (it revokes the old one).
- One secret opens the person's own calendar (`/calendar/<secret>.ics`) and the calendar of
  each region they may see (`/calendar/<secret>/<region>.ics`).
- The feed is read with the person's roles as they are at that moment: someone who is no
  longer staff (or whose account is deactivated) gets 404, like a revoked address, so the
  calendar program says the subscription is broken instead of quietly showing an empty
  calendar; a region they no longer work in answers 404 too, and their own events there
  drop out of "My calendar".
- Events are written in UTC (no VTIMEZONE needed), with a UID that stays the same for an
  event, the activity's name in the person's language, STATUS:CANCELLED for a cancelled
  one and LAST-MODIFIED from the row."""

from datetime import UTC, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from pendel.accounts.access import Portal, Scope, scope_for
from pendel.activities.calendars import event_url, my_events, region_events
from pendel.activities.models import CalendarFeed, Event
from pendel.core.audit import audit_record, register_actions
from pendel.core.texts import localized
from pendel.core.tokens import new_token, token_hash

FEED_HISTORY_DAYS = 365  # a year back; everything ahead


class CalendarAction(models.TextChoices):
    FEED_CREATED = "calendar_feed.created", _("Calendar subscription address made.")
    FEED_REVOKED = "calendar_feed.revoked", _("Calendar subscription address revoked.")


register_actions(CalendarAction)


# --- the address ------------------------------------------------------------------------------
def calendar_feed_live(user) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


def _revoke(user, now) -> int:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now)


@transaction.atomic
def calendar_feed_create(*, user) -> tuple[CalendarFeed, str]:
    """A new secret address (the live one, if any, stops working). The secret is returned
    once and never stored."""
    now = timezone.now()
    if _revoke(user, now):
        audit_record(actor=user, action=CalendarAction.FEED_REVOKED, target=user)
    secret = new_token()
    feed = CalendarFeed.objects.create(user=user, token_hash=token_hash(secret))
    audit_record(actor=user, action=CalendarAction.FEED_CREATED, target=feed)
    return feed, secret


@transaction.atomic
def calendar_feed_revoke(*, user) -> bool:
    """Revoke the person's live address; False when there was none."""
    if not _revoke(user, timezone.now()):
        return False
    audit_record(actor=user, action=CalendarAction.FEED_REVOKED, target=user)
    return True


def calendar_feed_read(secret: str) -> tuple[CalendarFeed, Scope] | None:
    """The live feed of this secret and its owner's staff scope now; None when the address
    is unknown or revoked, or its owner is no longer staff."""
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=token_hash(secret), revoked_at__isnull=True)
        .first()
    )
    if feed is None:
        return None
    scope = scope_for(feed.user, Portal.STAFF)
    if not scope.is_staff:
        return None
    # At most once an hour: calendar programs poll often, and this is only a hint.
    now = timezone.now()
    if feed.last_used_at is None or now - feed.last_used_at > timedelta(hours=1):
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    return feed, scope


# --- the calendar -----------------------------------------------------------------------------
def feed_events(events):
    since = timezone.now() - timedelta(days=FEED_HISTORY_DAYS)
    return events.filter(starts_at__gte=since).order_by("starts_at", "pk")


def my_feed_events(scope: Scope, *, user):
    return feed_events(my_events(scope, user=user))


def region_feed_events(scope: Scope, *, region):
    return feed_events(region_events(scope, region=region))


def _uid(event: Event) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "pendel"
    return f"activity-{event.pk}@{host}"


def _summary(event: Event, language: str) -> str:
    name = localized(event.activity_type.name, language, event.region.default_language)
    if event.location_id:
        return f"{name} – {event.location.organisation.name}"
    return name


def _description(event: Event) -> str:
    lines = []
    if event.location_id:
        member = f"{event.location.organisation.name}, {event.location.name}"
        lines.append(gettext("Member: %(member)s") % {"member": member})
    else:
        lines.append(gettext("Open to several members of %(programme)s.") % {
            "programme": event.region.programme_name
        })  # fmt: skip
    if event.status == Event.Status.CANCELLED and event.cancelled_reason:
        lines.append(gettext("Cancelled: %(reason)s") % {"reason": event.cancelled_reason})
    lines.append(settings.SITE_URL + event_url(event))
    return "\n".join(lines)


ICAL_STATUS = {
    Event.Status.SCHEDULED: "CONFIRMED",
    Event.Status.HELD: "CONFIRMED",
    Event.Status.CANCELLED: "CANCELLED",
}


def _vevent(event: Event, language: str) -> CalendarEvent:
    item = CalendarEvent()
    item.add("uid", _uid(event))
    item.add("dtstamp", event.updated_at.astimezone(UTC))
    item.add("last-modified", event.updated_at.astimezone(UTC))
    item.add("created", event.created_at.astimezone(UTC))
    item.add("dtstart", event.starts_at.astimezone(UTC))
    item.add("dtend", event.ends_at.astimezone(UTC))
    item.add("summary", _summary(event, language))
    item.add("location", event.place)
    item.add("description", _description(event))
    item.add("status", ICAL_STATUS[event.status])
    item.add("url", settings.SITE_URL + event_url(event))
    return item


def calendar_ics(events, *, name: str, language: str) -> bytes:
    """The events as an iCalendar file (RFC 5545), its texts in `language`."""
    calendar = Calendar()
    calendar.add("prodid", "-//Pendel//Activities//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    with translation.override(language):
        for event in events:
            calendar.add_component(_vevent(event, language))
    return calendar.to_ical()


def feed_language(user) -> str:
    return user.language or settings.LANGUAGE_CODE
