from django.urls import path

from pendel.portal.views import company, public, staff

public_patterns = [path("", public.home, name="home")]
staff_patterns = [path("", staff.home, name="home")]
company_patterns = [
    path("", company.home, name="home"),
    path("choose-company/", company.organisation_choice, name="organisation_choice"),
]
