"""The back office's activity calendars, the subscription address, and the feed itself
(no login: the secret in the address is the key; pendel/activities/calendars_feed.py)."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pendel.accounts.access import request_scope, staff_required
from pendel.activities.calendars import (
    in_month,
    month_agenda,
    month_links,
    my_events,
    region_events,
)
from pendel.activities.calendars_feed import (
    calendar_feed_create,
    calendar_feed_live,
    calendar_feed_read,
    calendar_feed_revoke,
    calendar_ics,
    feed_language,
    my_feed_events,
    region_feed_events,
)
from pendel.core import ratelimit
from pendel.core.dates import month_label, month_start, parse_month, region_month
from pendel.core.downloads import no_store
from pendel.regions.selectors import region_get_for, regions_for

NEW_SECRET_KEY = "calendar_feed_new_secret"
FEED_READS_PER_WINDOW = 60
FEED_WINDOW_SECONDS = 600


def _month(request, default):
    return parse_month(request.GET.get("month", "")) or default


def _calendar(request, events, *, month, title, region=None):
    agenda = month_agenda(in_month(events.prefetch_related("advisors"), month), month)
    context = {
        "title": title,
        "region": region,
        "month": month,
        "month_name": month_label(month),
        "links": month_links(month),
        "weeks": agenda,
        "regions": regions_for(request_scope(request)),
    }
    return render(request, "activities/staff/calendar.html", context)


@staff_required
def my_calendar(request):
    scope = request_scope(request)
    month = _month(request, month_start(timezone.localdate()))
    events = my_events(scope, user=request.user)
    return _calendar(request, events, month=month, title=_("My calendar"))


@staff_required
def region_calendar(request, slug: str):
    scope = request_scope(request)
    region = region_get_for(scope, slug)
    month = _month(request, region_month(region))
    title = _("Activities in %(programme)s") % {"programme": region.programme_name}
    events = region_events(scope, region=region)
    return _calendar(request, events, month=month, title=title, region=region)


def _addresses(request, secret: str) -> list[tuple[str, str]]:
    mine = (_("My calendar"), reverse("calendar:feed", args=[secret]))
    regions = [
        (region.programme_name, reverse("calendar:region_feed", args=[secret, region.slug]))
        for region in regions_for(request_scope(request))
    ]
    return [(name, request.build_absolute_uri(path)) for name, path in [mine, *regions]]


@staff_required
def subscription(request):
    """The person's subscription address: make one (shown once), revoke it, make a new one."""
    if request.method == "POST":
        _feed, secret = calendar_feed_create(user=request.user)
        request.session[NEW_SECRET_KEY] = secret
        messages.success(
            request, _("Your subscription address has been made. Copy it now; it is shown once.")
        )
        return redirect("staff:activity_calendar_subscription")
    secret = request.session.pop(NEW_SECRET_KEY, None)
    context = {
        "feed": calendar_feed_live(request.user),
        "addresses": _addresses(request, secret) if secret else [],
    }
    return no_store(render(request, "activities/staff/calendar_subscription.html", context))


@staff_required
def subscription_revoke(request):
    if request.method != "POST":
        return redirect("staff:activity_calendar_subscription")
    if calendar_feed_revoke(user=request.user):
        messages.success(request, _("The subscription address has been revoked."))
    else:
        messages.info(request, _("You had no subscription address."))
    return redirect("staff:activity_calendar_subscription")


# --- the feed (no login, no session) ----------------------------------------------------------
def _allowed(request, key: str) -> bool:
    return ratelimit.allow_all(
        [
            ("calendar-feed:address", ratelimit.client_address(request)),
            ("calendar-feed:key", key),
        ],
        limit=FEED_READS_PER_WINDOW,
        window_seconds=FEED_WINDOW_SECONDS,
    )


def _ics(content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="pendel.ics"'
    response["X-Content-Type-Options"] = "nosniff"
    return no_store(response)


def feed(request, key: str, slug: str | None = None):
    """The calendar of the address's owner (or of one of their regions), read with their
    roles now. Unknown, revoked, no longer staff, a region out of reach: 404."""
    if not _allowed(request, key):
        return HttpResponse(_("Too many requests. Try again later."), status=429)
    found = calendar_feed_read(key)
    if found is None:
        raise Http404
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    feed_, scope = found
    user = feed_.user
    language = feed_language(user)
    region = region_get_for(scope, slug) if slug is not None else None
    with translation.override(language):
        if region is None:
            events = my_feed_events(scope, user=user)
            name = _("Pendel: my activities")
        else:
            events = region_feed_events(scope, region=region)
            name = _("Pendel: %(programme)s") % {"programme": region.programme_name}
    return _ics(calendar_ics(events, name=name, language=language))
