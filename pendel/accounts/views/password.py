"""Password reset without giving away who has an account, and the lock-out page.

The reset form answers the same way, in the same time, for every address: it queues one
task (which looks the address up and sends or does nothing) and says "if the address is
known, we sent a link". Over the rate limit (per requesting address and per recipient) it
says the same and sends nothing. A completed reset lifts a lock-out of the account, so
that a locked-out user gets back in by proving they hold the mailbox."""

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pendel.accounts.tasks import password_reset_request
from pendel.accounts.views.reset import PasswordSetFromLinkView
from pendel.core.ratelimit import allow, client_address
from pendel.core.tasks import enqueue_after_commit

RESET_WINDOW_SECONDS = 3600
RESETS_PER_ADDRESS = 10  # from one requesting address, per hour
RESETS_PER_RECIPIENT = 3  # to one e-mail address, per hour


def password_reset_allowed(request, email: str) -> bool:
    """Count this request against both limits (both are counted, whichever is over)."""
    by_address = allow(
        "password_reset:address",
        client_address(request),
        limit=RESETS_PER_ADDRESS,
        window_seconds=RESET_WINDOW_SECONDS,
    )
    by_recipient = allow(
        "password_reset:recipient",
        email,
        limit=RESETS_PER_RECIPIENT,
        window_seconds=RESET_WINDOW_SECONDS,
    )
    return by_address and by_recipient


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if password_reset_allowed(self.request, email):
            enqueue_after_commit(password_reset_request, email=email, language=get_language())
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(PasswordSetFromLinkView):
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=form.user.email.lower())
        return response


class InvitationView(PasswordSetFromLinkView):
    """The invitation link: the new user chooses a password and is logged in with it, as
    after a login (staff then go on to set up the second factor, as the guards ask)."""

    template_name = "accounts/invitation_confirm.html"
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy(settings.LOGIN_REDIRECT_URL)

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is saved. Welcome to Pendel."))
        return response


def locked_out(request, original_response=None, credentials=None):
    """What a locked-out login sees (AXES_LOCKOUT_CALLABLE): in their language, with the
    way out through the password reset."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "registration/locked_out.html",
        {"minutes": minutes},
        status=429,
    )
