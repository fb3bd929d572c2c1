from django.urls import path

from pendel.portal.views import company, public, staff

public_patterns = [
    path("", public.home, name="home"),
    path("dev/outbox/", staff.outbox, name="outbox"),
    path("dev/outbox/<int:pk>/", staff.outbox_message, name="outbox_message"),
]
staff_patterns = [
    path("", staff.home, name="home"),
    path("tasks/", staff.task_list, name="task_list"),
]
company_patterns = [
    path("", company.home, name="home"),
    path("choose-company/", company.organisation_choice, name="organisation_choice"),
]
