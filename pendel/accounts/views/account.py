from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendel.accounts.access import login_required
from pendel.accounts.forms import LanguageForm, ProfileForm
from pendel.accounts.services import user_set_language, user_update_profile
from pendel.accounts.two_factor import has_two_factor
from pendel.core.requests import next_path


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user_update_profile(user=request.user, actor=request.user, data=form.cleaned_data)
        translation.activate(request.user.language or translation.get_language())
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "two_factor_on": has_two_factor(request.user)},
    )


@require_POST
def set_language(request):
    """The language switcher: remembered in a cookie, and in the profile when logged in."""
    form = LanguageForm(request.POST)
    response = redirect(next_path(request, "/"))
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            user_set_language(user=request.user, language=language)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=request.is_secure(),
        )
    return response
