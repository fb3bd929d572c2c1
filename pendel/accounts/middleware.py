"""Django's debug pages (the technical 404 with every URL pattern, the error page with the
stack, the settings and the request) exist in development mode only, since they need DEBUG;
this middleware also keeps them for staff. Anyone else gets the ordinary 400, 404 and 500
pages, as in production."""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.urls import Resolver404, resolve
from django.views import defaults

from pendel.accounts.access import request_roles

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
