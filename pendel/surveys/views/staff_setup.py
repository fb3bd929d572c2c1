"""The survey's setup: a region's settings and own questions (region staff), and the
national standard template's versions (read by all staff, changed by the coordinator)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from pendel.accounts.access import coordinator_required, request_scope, staff_required
from pendel.core.forms import apply_validation_error, message_validation_error
from pendel.core.tables import table_configure, table_render
from pendel.core.texts import (
    LANGUAGE_CODES,
    collect_translated,
    localized,
    translated_field_names,
)
from pendel.regions.selectors import region_get_for
from pendel.surveys import services
from pendel.surveys.forms import (
    QuestionTextsForm,
    RegionQuestionForm,
    SurveySettingsForm,
    TemplateVersionForm,
)
from pendel.surveys.models import Question, TemplateVersion
from pendel.surveys.questionnaire import StepForm, questions_on, steps_of
from pendel.surveys.selectors import (
    frozen_question_ids,
    region_questions_for,
    survey_settings_for,
)
from pendel.surveys.tables import RegionQuestionTable, TemplateVersionTable


@staff_required
def settings_edit(request, slug: str):
    region = region_get_for(request_scope(request), slug)
    settings = survey_settings_for(region)
    form = SurveySettingsForm(request.POST or None, instance=survey_settings_for(region))
    if request.method == "POST" and form.is_valid():
        services.survey_settings_update(
            settings=settings, actor=request.user, data=form.cleaned_data
        )
        messages.success(request, gettext("The survey settings have been saved."))
        return redirect("staff:survey_settings", slug=region.slug)
    return render(request, "surveys/staff/settings.html", {"region": region, "form": form})


@staff_required
def region_questions(request, slug: str):
    region = region_get_for(request_scope(request), slug)
    language = request.LANGUAGE_CODE
    questions = list(region_questions_for(region))
    frozen = frozen_question_ids([question.pk for question in questions])
    for question in questions:
        question.shown = localized(question.text, language, region.default_language)
        question.frozen = question.pk in frozen
    table = table_configure(request, RegionQuestionTable(questions, region=region))
    context = {"region": region}
    return table_render(request, "surveys/staff/region_questions.html", context, table=table)


def _region_question(region, pk) -> Question:
    return get_object_or_404(Question, pk=pk, region=region)


@staff_required
def region_question_edit(request, slug: str, pk: int | None = None):
    region = region_get_for(request_scope(request), slug)
    question = _region_question(region, pk) if pk else None
    form = RegionQuestionForm(request.POST or None, region=region, question=question)
    if request.method == "POST" and form.is_valid():
        try:
            services.region_question_save(
                region=region, actor=request.user, data=form.question_data(), question=question
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, gettext("The question has been saved."))
            return redirect("staff:survey_region_questions", slug=region.slug)
    context = {
        "region": region,
        "question": question,
        "form": form,
        "text_fields": translated_field_names("text"),
        "help_fields": translated_field_names("help"),
        "option_fields": " ".join(f"options_{code}" for code in LANGUAGE_CODES),
    }
    return render(request, "surveys/staff/region_question_form.html", context)


@require_POST
@staff_required
def region_question_retire(request, slug: str, pk: int):
    region = region_get_for(request_scope(request), slug)
    services.region_question_retire(question=_region_question(region, pk), actor=request.user)
    messages.success(request, gettext("The question will not be asked in new surveys."))
    return redirect("staff:survey_region_questions", slug=region.slug)


@staff_required
def template_list(request):
    table = table_configure(request, TemplateVersionTable(TemplateVersion.objects.all()))
    return table_render(request, "surveys/staff/template_list.html", {}, table=table)


def _version(number: int) -> TemplateVersion:
    return get_object_or_404(TemplateVersion, number=number)


@staff_required
def template_detail(request, number: int):
    """The version as employees see it, page by page, in the chosen language."""
    version = _version(number)
    language = request.GET.get("lang") or request.LANGUAGE_CODE
    if language not in LANGUAGE_CODES:
        raise Http404
    questions = list(version.questions.all())
    pages = [
        {
            "step": step,
            "title": localized(_step(version, step).get("title"), language),
            "intro": localized(_step(version, step).get("intro"), language),
            "form": StepForm(
                questions=questions_on(questions, step),
                language=language,
                fallback=language,
                departments=[],
            ),
        }
        for step in steps_of(questions)
    ]
    context = {
        "version": version,
        "pages": pages,
        "language": language,
        "languages": LANGUAGE_CODES,
        "questions": questions,
        "title": localized(version.title, language),
        "intro": localized(version.intro, language),
    }
    return render(request, "surveys/staff/template_detail.html", context)


def _step(version: TemplateVersion, step: int) -> dict:
    return version.steps[step - 1] if 0 < step <= len(version.steps) else {}


@require_POST
@coordinator_required
def template_draft(request):
    try:
        draft = services.template_version_draft(actor=request.user)
    except ValidationError as error:
        message_validation_error(request, error)
        return redirect("staff:survey_template_list")
    messages.success(
        request,
        gettext("Version %(number)s is a draft: change it, then publish it.")
        % {"number": draft.number},
    )
    return redirect("staff:survey_template_detail", number=draft.number)


@coordinator_required
def template_edit(request, number: int):
    version = _version(number)
    if not version.is_draft:
        raise Http404
    form = TemplateVersionForm(request.POST or None, version=version)
    if request.method == "POST" and form.is_valid():
        services.template_version_update(
            version=version,
            actor=request.user,
            title=collect_translated(form.cleaned_data, "title"),
            intro=collect_translated(form.cleaned_data, "intro"),
            note=form.cleaned_data["change_note"],
        )
        messages.success(request, gettext("The version has been saved."))
        return redirect("staff:survey_template_detail", number=version.number)
    context = {
        "version": version,
        "form": form,
        "title_fields": translated_field_names("title"),
        "intro_fields": translated_field_names("intro"),
    }
    return render(request, "surveys/staff/template_edit.html", context)


@coordinator_required
def template_question(request, number: int, pk: int):
    version = _version(number)
    question = get_object_or_404(Question, pk=pk, version=version)
    if not version.is_draft:
        raise Http404
    form = QuestionTextsForm(request.POST or None, question=question)
    if request.method == "POST" and form.is_valid():
        services.question_update_texts(question=question, actor=request.user, **form.texts())
        messages.success(request, gettext("The question has been saved."))
        return redirect("staff:survey_template_detail", number=version.number)
    context = {
        "version": version,
        "question": question,
        "form": form,
        "text_fields": translated_field_names("text"),
        "help_fields": translated_field_names("help"),
        "option_groups": [
            (option["value"], translated_field_names(f"option_{option['value']}"))
            for option in question.options
        ],
    }
    return render(request, "surveys/staff/template_question.html", context)


@require_POST
@coordinator_required
def template_publish(request, number: int):
    version = _version(number)
    try:
        services.template_version_publish(version=version, actor=request.user)
    except ValidationError as error:
        message_validation_error(request, error)
    else:
        messages.success(
            request,
            gettext("Version %(number)s is published: surveys sent from now on use it.")
            % {"number": version.number},
        )
    return redirect("staff:survey_template_detail", number=version.number)
