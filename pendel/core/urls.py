from django.urls import path

from pendel.core import views

public_patterns = [
    path("healthz", views.healthz, name="healthz"),
]


def outbox_patterns(guard) -> list:
    """The local outbox holds every mail sent, survey links included: config/urls.py mounts
    it behind the back office's guard (core sits below accounts)."""
    return [
        path("dev/outbox/", views.outbox_visible(guard(views.outbox)), name="outbox"),
        path(
            "dev/outbox/<int:pk>/",
            views.outbox_visible(guard(views.outbox_message)),
            name="outbox_message",
        ),
    ]
