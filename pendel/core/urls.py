from django.urls import path

from pendel.core import views

public_patterns = [path("healthz", views.healthz, name="healthz")]
