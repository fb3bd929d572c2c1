"""URL patterns of events and sign-ups per portal; config/urls.py mounts them."""

from django.urls import path

from pendel.activities import events_views as views
from pendel.activities import signups_views

staff_patterns = [
    path("activities/events/", views.event_list, name="event_list"),
    path("activities/events/new/", views.event_schedule, name="event_schedule"),
    path("activities/events/<int:pk>/", views.event_detail, name="event_detail"),
    path("activities/events/<int:pk>/cancel/", views.event_cancel, name="event_cancel"),
    path("activities/events/<int:pk>/attendance/", views.event_attendance, name="event_attendance"),
    path("activities/events/<int:pk>/held/", views.event_held, name="event_held"),
    path("activities/events/<int:pk>/photos/", views.event_photo_add, name="event_photo_add"),
    path("activities/photos/<int:pk>.jpg", views.event_photo, name="event_photo"),
]
company_patterns = [
    path("activities/events/", views.company_event_list, name="event_list"),
    path("activities/events/<int:pk>/", views.company_event_detail, name="event_detail"),
    path("activities/events/<int:pk>/poster/", views.company_event_poster, name="event_poster"),
    path(
        "activities/events/<int:pk>/photo-consent/",
        views.company_photo_consent,
        name="event_photo_consent",
    ),
    path("activities/photos/<int:pk>.jpg", views.company_event_photo, name="event_photo"),
]
public_patterns = [
    path("activities/<str:code>/", signups_views.event_signup, name="event_signup"),
    path("activities/<str:code>/signed-up/", signups_views.event_signed_up, name="event_signed_up"),
    path(
        "activities/cancel/<str:cancel_token>/",
        signups_views.signup_cancel,
        name="signup_cancel",
    ),
]
