"""The URLs of the activity calendars and the follow-up (issue 15): the back office's pages
and the subscription feed, which needs no login (config/urls.py mounts it at /calendar/)."""

from django.urls import path

from pendel.activities.views import calendars, followup

staff_patterns = [
    path("activities/calendars/", calendars.my_calendar, name="activity_calendar"),
    path(
        "activities/calendars/regions/<slug:slug>/",
        calendars.region_calendar,
        name="activity_region_calendar",
    ),
    path(
        "activities/calendars/subscription/",
        calendars.subscription,
        name="activity_calendar_subscription",
    ),
    path(
        "activities/calendars/subscription/revoke/",
        calendars.subscription_revoke,
        name="activity_calendar_subscription_revoke",
    ),
    path("activities/follow-up/", followup.national_followup, name="activity_followup_national"),
    path("activities/follow-up/<slug:slug>/", followup.region_followup, name="activity_followup"),
    path(
        "activities/follow-up/<slug:slug>/export/",
        followup.region_followup_export,
        name="activity_followup_export",
    ),
]
# /calendar/<secret>.ics and /calendar/<secret>/<region>.ics (namespace "calendar").
feed_patterns = [
    path("<str:key>.ics", calendars.feed, name="feed"),
    path("<str:key>/<slug:slug>.ics", calendars.feed, name="region_feed"),
]
