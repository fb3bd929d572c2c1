"""The second factor: the step after the password (a code from the app or a recovery code),
and the enrolment (QR code and secret, one code to confirm, ten recovery codes shown once).

These pages are the only ones a logged-in user who still needs the second factor may open;
they check the login themselves, since the guards would send the user back here."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from pendel.accounts.access import request_roles
from pendel.accounts.forms import TwoFactorCodeForm, TwoFactorSetupForm
from pendel.accounts.two_factor import (
    code_throttled,
    code_verify,
    enrolment_confirm,
    enrolment_device,
    has_two_factor,
    is_verified,
    must_use_two_factor,
    provisioning_uri,
    qr_svg,
    recovery_codes_left,
    secret_text,
)


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return reverse("portal:home")


def _with_next(name: str, target: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': target})}"


@never_cache
def verify(request):
    """The code after the password."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    target = _next(request)
    if is_verified(request):
        return redirect(target)
    if not has_two_factor(request.user):
        if must_use_two_factor(request.user, has_staff_role=request_roles(request).is_staff):
            return redirect(_with_next("accounts:two_factor_setup", target))
        return redirect(target)
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if code_throttled(request.user):
            form.add_error("code", _("Too many wrong codes. Wait a moment and try again."))
        elif code_verify(request=request, code=form.cleaned_data["code"]):
            return redirect(target)
        else:
            form.add_error("code", _("That code is not right, or it has been used. Try again."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": target})


@never_cache
def setup(request):
    """Turn two-factor authentication on: required for staff, a choice for anyone else."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    target = _next(request)
    user = request.user
    if has_two_factor(user):
        if not is_verified(request):
            # A password alone never replaces the device: the code comes first.
            return redirect(_with_next("accounts:two_factor", target))
        return render(
            request,
            "accounts/two_factor_on.html",
            {"codes_left": recovery_codes_left(user), "next": target},
        )
    device = enrolment_device(user)
    form = TwoFactorSetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = enrolment_confirm(request=request, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            # Shown in this answer only: a reload does not show them again.
            return render(
                request, "accounts/two_factor_codes.html", {"codes": codes, "next": target}
            )
        form.add_error(
            "code", _("That code is not right. Check the time on your phone and try again.")
        )
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "next": target,
            "qr": qr_svg(provisioning_uri(device)),
            "secret": secret_text(device),
            "required": must_use_two_factor(user, has_staff_role=request_roles(request).is_staff),
        },
    )
