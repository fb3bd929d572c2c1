"""URL patterns per portal; config/urls.py mounts them."""

from django.urls import path

from pendel.certification.views import company, staff

staff_patterns = [
    path("certification/", staff.certification_home, name="certification_home"),
    path(
        "certification/regions/<slug:slug>/tiers/",
        staff.certification_tiers,
        name="certification_tiers",
    ),
    path(
        "certification/regions/<slug:slug>/tiers/default/",
        staff.certification_tiers_default,
        name="certification_tiers_default",
    ),
    path(
        "certification/tiers/<int:pk>/edit/",
        staff.certification_tier_edit,
        name="certification_tier_edit",
    ),
    path(
        "certification/tiers/<int:pk>/delete/",
        staff.certification_tier_delete,
        name="certification_tier_delete",
    ),
    path(
        "certification/regions/<slug:slug>/",
        staff.certification_evaluations,
        name="certification_evaluations",
    ),
    path(
        "certification/regions/<slug:slug>/evaluate/",
        staff.certification_region_evaluate,
        name="certification_region_evaluate",
    ),
    path(
        "certification/regions/<slug:slug>/confirm/",
        staff.certification_bulk_confirm,
        name="certification_bulk_confirm",
    ),
    path(
        "certification/members/<int:pk>/evaluate/",
        staff.certification_member_evaluate,
        name="certification_member_evaluate",
    ),
    path(
        "certification/evaluations/<int:pk>/confirm/",
        staff.certification_confirm,
        name="certification_confirm",
    ),
    path(
        "certification/evaluations/<int:pk>/reject/",
        staff.certification_reject,
        name="certification_reject",
    ),
    path(
        "certification/evaluations/<int:pk>/revoke/",
        staff.certification_revoke,
        name="certification_revoke",
    ),
]
company_patterns = [path("certification/", company.certification, name="certification")]
