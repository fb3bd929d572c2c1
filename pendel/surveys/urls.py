"""URL patterns per portal; config/urls.py mounts them."""

from django.urls import path, re_path

from pendel.surveys.views import company, staff, staff_results, staff_setup, survey

FILE = r"(?P<file_format>xlsx|pdf)"

staff_patterns = [
    path("surveys/", staff.wave_list, name="survey_wave_list"),
    path("surveys/new/", staff.wave_create, name="survey_wave_create"),
    path("surveys/<int:pk>/", staff.wave_detail, name="survey_wave_detail"),
    path("surveys/<int:pk>/send/", staff.wave_dispatch, name="survey_wave_dispatch"),
    path("surveys/<int:pk>/remind/", staff.wave_remind, name="survey_wave_remind"),
    path("surveys/<int:pk>/delete/", staff.wave_delete, name="survey_wave_delete"),
    path("surveys/<int:pk>/extend/", staff.wave_extend, name="survey_wave_extend"),
    path("surveys/<int:pk>/close/", staff.wave_close, name="survey_wave_close"),
    path("surveys/<int:pk>/undelivered/", staff.wave_undelivered, name="survey_wave_undelivered"),
    path("surveys/<int:pk>/results/", staff_results.wave_results_page, name="survey_wave_results"),
    re_path(
        rf"^surveys/(?P<pk>\d+)/results\.{FILE}$",
        staff_results.wave_export,
        name="survey_wave_export",
    ),
    path("surveys/<int:pk>/results.json", staff_results.wave_api, name="survey_wave_api"),
    path(
        "surveys/locations/<int:location_id>/",
        staff_results.location_results,
        name="survey_location_results",
    ),
    path(
        "surveys/regions/<slug:slug>/results/",
        staff_results.region_results,
        name="survey_region_results",
    ),
    re_path(
        rf"^surveys/regions/(?P<slug>[-\w]+)/results\.{FILE}$",
        staff_results.region_export,
        name="survey_region_export",
    ),
    path(
        "surveys/regions/<slug:slug>/results.json",
        staff_results.region_api,
        name="survey_region_api",
    ),
    path("surveys/national/", staff_results.national_results, name="survey_national_results"),
    re_path(
        rf"^surveys/national/results\.{FILE}$",
        staff_results.national_export,
        name="survey_national_export",
    ),
    path("surveys/national/results.json", staff_results.national_api, name="survey_national_api"),
    path(
        "surveys/regions/<slug:slug>/settings/",
        staff_setup.settings_edit,
        name="survey_settings",
    ),
    path(
        "surveys/regions/<slug:slug>/questions/",
        staff_setup.region_questions,
        name="survey_region_questions",
    ),
    path(
        "surveys/regions/<slug:slug>/questions/new/",
        staff_setup.region_question_edit,
        name="survey_region_question_create",
    ),
    path(
        "surveys/regions/<slug:slug>/questions/<int:pk>/",
        staff_setup.region_question_edit,
        name="survey_region_question_edit",
    ),
    path(
        "surveys/regions/<slug:slug>/questions/<int:pk>/retire/",
        staff_setup.region_question_retire,
        name="survey_region_question_retire",
    ),
    path("surveys/template/", staff_setup.template_list, name="survey_template_list"),
    path("surveys/template/draft/", staff_setup.template_draft, name="survey_template_draft"),
    path(
        "surveys/template/<int:number>/",
        staff_setup.template_detail,
        name="survey_template_detail",
    ),
    path(
        "surveys/template/<int:number>/edit/",
        staff_setup.template_edit,
        name="survey_template_edit",
    ),
    path(
        "surveys/template/<int:number>/questions/<int:pk>/",
        staff_setup.template_question,
        name="survey_template_question",
    ),
    path(
        "surveys/template/<int:number>/publish/",
        staff_setup.template_publish,
        name="survey_template_publish",
    ),
]
company_patterns = [
    path("surveys/", company.wave_list, name="survey_list"),
    path("surveys/<int:pk>/", company.wave_results_page, name="survey_results"),
    re_path(rf"^surveys/(?P<pk>\d+)/results\.{FILE}$", company.wave_export, name="survey_export"),
]
# Mounted at /s/ with namespace "survey": the employee answers here with a token, no login.
survey_patterns = [
    path("<str:token>/", survey.start, name="start"),
    path("<str:token>/language/", survey.choose_language, name="language"),
    path("<str:token>/done/", survey.done, name="done"),
    path("<str:token>/<int:number>/", survey.step, name="step"),
]
