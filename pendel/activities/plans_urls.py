"""The yearly activity plans: Min side and the back office."""

from django.urls import path

from pendel.activities import plans_views as views

staff_patterns = [
    path("activities/plans/", views.plan_list, name="activity_plan_list"),
    path("activities/plans/<int:pk>/", views.plan_detail, name="activity_plan_detail"),
    path("activities/plans/<int:pk>/comment/", views.plan_comment, name="activity_plan_comment"),
    path("activities/plans/<int:pk>/approve/", views.plan_approve, name="activity_plan_approve"),
    path("activities/plans/<int:pk>/return/", views.plan_return, name="activity_plan_return"),
    path("activities/plans/lines/<int:pk>/", views.line_edit, name="activity_plan_line"),
    path(
        "activities/plans/lines/<int:pk>/remove/",
        views.line_remove,
        name="activity_plan_line_remove",
    ),
]
company_patterns = [
    path("activity-plan/", views.company_plan_list, name="activity_plan_list"),
    path("activity-plan/<int:location_id>/", views.company_plan, name="activity_plan"),
    path("activity-plan/lines/<int:pk>/", views.company_line_edit, name="activity_plan_line"),
    path(
        "activity-plan/lines/<int:pk>/remove/",
        views.company_line_remove,
        name="activity_plan_line_remove",
    ),
    path(
        "activity-plan/plans/<int:pk>/submit/",
        views.company_plan_submit,
        name="activity_plan_submit",
    ),
]
