"""Four portals: /staff/ (back office), /company/ (Min side), /s/<token>/ (survey, later)
and / (public pages). Each app adds its own patterns to each portal."""

from django.contrib import admin
from django.urls import include, path

from pendel.accounts import urls as accounts_urls
from pendel.accounts.access import coordinator_required, staff_only_or_404
from pendel.activities import urls as activities_urls
from pendel.catalogue import urls as catalogue_urls
from pendel.certification import urls as certification_urls
from pendel.climate import urls as climate_urls
from pendel.companies import urls as companies_urls
from pendel.core import urls as core_urls
from pendel.core import views as core_views
from pendel.documents import urls as documents_urls
from pendel.employees import urls as employees_urls
from pendel.invoicing import urls as invoicing_urls
from pendel.orders import urls as orders_urls
from pendel.people import urls as people_urls
from pendel.portal import urls as portal_urls
from pendel.regions import urls as regions_urls
from pendel.surveys import urls as surveys_urls

staff_patterns = [
    *portal_urls.staff_patterns,
    # Core sits below accounts, so its coordinator page gets its guard here.
    path("tasks/", coordinator_required(core_views.task_list), name="task_list"),
    *regions_urls.staff_patterns,
    *accounts_urls.staff_patterns,
    *companies_urls.staff_patterns,
    *employees_urls.staff_patterns,
    *people_urls.staff_patterns,
    *documents_urls.staff_patterns,
    *surveys_urls.staff_patterns,
    *catalogue_urls.staff_patterns,
    *orders_urls.staff_patterns,
    *invoicing_urls.staff_patterns,
    *climate_urls.staff_patterns,
    *activities_urls.staff_patterns,
    *certification_urls.staff_patterns,
]
company_patterns = [
    *portal_urls.company_patterns,
    *companies_urls.company_patterns,
    *employees_urls.company_patterns,
    *people_urls.company_patterns,
    *documents_urls.company_patterns,
    *surveys_urls.company_patterns,
    *catalogue_urls.company_patterns,
    *orders_urls.company_patterns,
    *invoicing_urls.company_patterns,
    *climate_urls.company_patterns,
    *activities_urls.company_patterns,
    *certification_urls.company_patterns,
]
public_patterns = [
    *portal_urls.public_patterns,
    *companies_urls.public_patterns,
    *regions_urls.public_patterns,
    *activities_urls.public_patterns,
]

urlpatterns = [
    path("", include((public_patterns, "portal"))),
    path(
        "",
        include(([*core_urls.public_patterns, *core_urls.dev_patterns(staff_only_or_404)], "core")),
    ),
    path("accounts/", include((accounts_urls.account_patterns, "accounts"))),
    path("staff/", include((staff_patterns, "staff"))),
    path("company/", include((company_patterns, "company"))),
    path("s/", include((surveys_urls.survey_patterns, "survey"))),
    # The activity calendars' subscription feed: no login, the secret in the address.
    path("calendar/", include((activities_urls.feed_patterns, "calendar"))),
    path("admin/", admin.site.urls),
]
