from django.urls import path

from pendel.core import views

public_patterns = [path("healthz", views.healthz, name="healthz")]


def dev_patterns(guard):
    """The local outbox: the views exist in development mode only (OUTBOX_VISIBLE); core
    sits below accounts, so config/urls.py passes the staff-only guard."""
    return [
        path("dev/outbox/", guard(views.outbox), name="outbox"),
        path("dev/outbox/<int:pk>/", guard(views.outbox_message), name="outbox_message"),
        path(
            "dev/outbox/<int:pk>/html/",
            guard(views.outbox_message_html),
            name="outbox_message_html",
        ),
    ]
