"""Sessions end after a while without requests (SESSION_IDLE_TIMEOUT_STAFF for anyone with
back-office or admin rights, SESSION_IDLE_TIMEOUT for everyone else) and, however busy, a
fixed time after the login (SESSION_ABSOLUTE_TIMEOUT). The login stamps both clocks
(signals.session_clocks_started); an expired session is logged out and the next guarded page asks
for the login again."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils import timezone
from django.utils.translation import gettext as _

from pendel.accounts.access import request_roles
from pendel.accounts.signals import LOGIN_AT_SESSION_KEY, SEEN_AT_SESSION_KEY

# The last-seen time is written at most this often, so that not every request saves the
# session.
SEEN_RESOLUTION_SECONDS = 60


def idle_timeout(request) -> int:
    user = request.user
    if user.is_superuser or user.is_staff or request_roles(request).is_staff:
        return settings.SESSION_IDLE_TIMEOUT_STAFF
    return settings.SESSION_IDLE_TIMEOUT


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.check(request)
        return self.get_response(request)

    def check(self, request) -> None:
        session = request.session
        now = timezone.now().timestamp()
        login_at = session.get(LOGIN_AT_SESSION_KEY)
        seen_at = session.get(SEEN_AT_SESSION_KEY)
        if login_at is None or seen_at is None:
            # A session from before the clocks existed: they start now.
            session[LOGIN_AT_SESSION_KEY] = login_at or now
            session[SEEN_AT_SESSION_KEY] = now
            return
        expired = (
            now - login_at > settings.SESSION_ABSOLUTE_TIMEOUT
            or now - seen_at > idle_timeout(request)
        )
        if expired:
            logout(request)
            if hasattr(request, "roles"):
                del request.roles  # the roles read above belonged to the ended session
            messages.info(request, _("Your session has ended. Please log in again."))
            return
        if now - seen_at >= SEEN_RESOLUTION_SECONDS:
            session[SEEN_AT_SESSION_KEY] = now
