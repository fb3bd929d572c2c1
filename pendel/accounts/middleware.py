"""Sessions end after a while without requests (SESSION_IDLE_TIMEOUT_STAFF for anyone with
back-office or admin rights, SESSION_IDLE_TIMEOUT for everyone else) and, however busy, a
fixed time after the login (SESSION_ABSOLUTE_TIMEOUT). The login stamps both clocks
(signals.session_clocks_started); an expired session is logged out and the next guarded
page asks for the login again.

Django's debug pages (the technical 404 with every URL pattern, the error page with the
stack, the settings and the request) exist in development mode only, since they need DEBUG;
this middleware also keeps them for staff. Anyone else gets the ordinary 400, 404 and 500
pages, as in production."""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import defaults

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


logger = logging.getLogger("django.request")
BAD_REQUEST = (BadRequest, SuspiciousOperation, MultiPartParserError)


class DebugPagesForStaffMiddleware:
    """After AuthenticationMiddleware. Does nothing unless DEBUG is on."""

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def _hidden(request) -> bool:
        return settings.DEBUG and not request_roles(request).is_staff

    def __call__(self, request):
        # An address no pattern matches: Django's debug 404 would list every pattern.
        if self._hidden(request):
            try:
                resolve(request.path_info)
            except Resolver404 as error:
                return defaults.page_not_found(request, error)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not self._hidden(request) or isinstance(exception, PermissionDenied):
            return None  # Django's own handling (403 has no debug page)
        if isinstance(exception, Http404):
            return defaults.page_not_found(request, exception)
        if isinstance(exception, BAD_REQUEST):
            return defaults.bad_request(request, exception)
        logger.error("Internal Server Error: %s", request.path, exc_info=exception)
        return defaults.server_error(request)
