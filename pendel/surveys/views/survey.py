"""The employee's survey at /s/<token>/: no login, no JavaScript, in the invitation's
language. The token is the only key (the database has only its hash, pendel/surveys/links.py);
an unknown one is a 404.

The POST views are exempt from CSRF: there is no session or cookie to ride on, and the
unguessable token in the URL already proves the request comes from the link's holder."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import get_language_info, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pendel.core.dates import region_today
from pendel.core.downloads import no_store
from pendel.core.texts import LANGUAGE_CODES, localized
from pendel.surveys import services
from pendel.surveys.models import MIN_GROUP_SIZE_FLOOR, Response
from pendel.surveys.questionnaire import (
    first_incomplete_step,
    initial_answers,
    questions_on,
    step_form,
    steps_of,
)
from pendel.surveys.selectors import invitation_for_token, survey_settings_for, wave_questions


def _language(invitation) -> str:
    return invitation.language or invitation.wave.location.region.default_language


def _render(request, invitation, template: str, context: dict, status: int = 200):
    """Render in the invitation's language, with headers that keep the link private."""
    language = _language(invitation)
    wave = invitation.wave
    with translation.override(language):
        request.LANGUAGE_CODE = language
        context = {
            "invitation": invitation,
            "wave": wave,
            "region": wave.location.region,
            "organisation": wave.location.organisation,
            # The minimum the results use: the region's, never below the floor.
            "min_group_size": max(
                survey_settings_for(wave.location.region).min_group_size, MIN_GROUP_SIZE_FLOOR
            ),
            "language": language,
            **context,
        }
        response = render(request, template, context, status=status)
    no_store(response)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _message(request, invitation, kind: str, status: int = 200):
    return _render(request, invitation, "surveys/survey/message.html", {"kind": kind}, status)


def _unavailable(invitation) -> str | None:
    """Why the survey cannot be answered now, if it cannot."""
    if invitation.answered_at:
        return "answered"
    wave = invitation.wave
    today = region_today(wave.location.region)
    if invitation.is_closed_on(today):
        return "closed_for_you"
    if wave.closed_at or today > wave.closes_on:
        return "closed"
    if today < wave.opens_on:
        return "not_open"
    return None


def _draft(invitation) -> Response | None:
    return Response.objects.filter(invitation=invitation).first()


def start(request, token: str):
    invitation = invitation_for_token(token)
    reason = _unavailable(invitation)
    if reason:
        return _message(request, invitation, reason)
    wave = invitation.wave
    version = wave.template_version
    language = _language(invitation)
    draft = _draft(invitation)
    steps = steps_of(wave_questions(wave))
    next_step = min(draft.last_step + 1, steps[-1]) if draft and draft.last_step else steps[0]
    context = {
        "title": localized(version.title, language, wave.location.region.default_language),
        "intro": localized(version.intro, language, wave.location.region.default_language),
        "next_step": next_step,
        "resuming": bool(draft and draft.last_step),
        "languages": [(code, get_language_info(code)["name_local"]) for code in LANGUAGE_CODES],
    }
    return _render(request, invitation, "surveys/survey/start.html", context)


@csrf_exempt
@require_POST
def choose_language(request, token: str):
    invitation = invitation_for_token(token)
    services.invitation_set_language(
        invitation=invitation, language=request.POST.get("language", "")
    )
    return redirect("survey:start", token=invitation.token)


def _page_title(wave, step: int, language: str) -> tuple[str, str]:
    version = wave.template_version
    fallback = wave.location.region.default_language
    if step <= version.step_count:
        page = version.steps[step - 1]
        return localized(page.get("title"), language, fallback), localized(
            page.get("intro"), language, fallback
        )
    with translation.override(language):
        title = gettext("Questions from %(programme)s") % {
            "programme": wave.location.region.programme_name
        }
    return title, ""


@csrf_exempt
def step(request, token: str, number: int):
    invitation = invitation_for_token(token)
    reason = _unavailable(invitation)
    if reason:
        return _message(request, invitation, reason, 409 if request.method == "POST" else 200)
    wave = invitation.wave
    questions = wave_questions(wave)
    steps = steps_of(questions)
    if number not in steps:
        raise Http404
    language = _language(invitation)
    with translation.override(language):
        if request.method == "POST":
            return _post_step(request, invitation, questions, steps, number, language)
        draft = _draft(invitation)
        initial = initial_answers(draft, questions_on(questions, number), invitation)
        form = step_form(wave, questions, number, language, initial=initial)
    return _render_step(request, invitation, form, steps, number, language)


def _render_step(request, invitation, form, steps, number, language, status=200):
    title, intro = _page_title(invitation.wave, number, language)
    position = steps.index(number)
    context = {
        "form": form,
        "items": form.items(),
        "step": number,
        "page_title": title,
        "page_intro": intro,
        "position": position + 1,
        "total": len(steps),
        "previous": steps[position - 1] if position else None,
        "is_last": number == steps[-1],
        "missing": request.GET.get("missing") == "1",
    }
    return _render(request, invitation, "surveys/survey/step.html", context, status)


def _post_step(request, invitation, questions, steps, number, language):
    wave = invitation.wave
    form = step_form(wave, questions, number, language, data=request.POST)
    going_back = "back" in request.POST
    if not form.is_valid():
        if going_back and number != steps[0]:
            return redirect(
                "survey:step", token=invitation.token, number=steps[steps.index(number) - 1]
            )
        return _render_step(request, invitation, form, steps, number, language, status=400)
    try:
        services.response_save_step(
            invitation=invitation,
            step=number,
            questions=questions_on(questions, number),
            cleaned=form.cleaned_data,
        )
        if going_back:
            previous = steps[max(steps.index(number) - 1, 0)]
            return redirect("survey:step", token=invitation.token, number=previous)
        if number != steps[-1]:
            following = steps[steps.index(number) + 1]
            return redirect("survey:step", token=invitation.token, number=following)
        return _submit(request, invitation, questions, language)
    except services.AlreadyAnswered:
        return _message(request, invitation, "answered", 409)
    except services.InvitationClosed:
        return _message(request, invitation, "closed_for_you", 409)
    except services.SurveyClosed:
        return _message(request, invitation, "closed", 409)


def _submit(request, invitation, questions, language):
    missing = first_incomplete_step(
        wave=invitation.wave, response=_draft(invitation), questions=questions, language=language
    )
    if missing is not None:
        url = redirect("survey:step", token=invitation.token, number=missing)
        url["Location"] += "?missing=1"
        return url
    services.response_submit(invitation=invitation)
    return redirect("survey:done", token=invitation.token)


def done(request, token: str):
    invitation = invitation_for_token(token)
    if not invitation.answered_at:
        return redirect("survey:start", token=invitation.token)
    return _message(request, invitation, "thanks")
