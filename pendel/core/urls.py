from django.urls import path

from pendel.core import views

public_patterns = [
    path("healthz", views.healthz, name="healthz"),
    path("dev/outbox/", views.outbox, name="outbox"),
    path("dev/outbox/<int:pk>/", views.outbox_message, name="outbox_message"),
]
