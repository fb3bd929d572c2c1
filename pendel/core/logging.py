"""Keys out of the logs: survey links, account invitation links and password-reset links
carry a secret in their path, and a few queries carry one in a value. The access logs
(django.server under runserver, gunicorn.access under gunicorn) and the request warnings
(django.request: "Not Found: /s/…/") would write them down in the clear; this filter
replaces each such secret with HIDDEN before any handler formats the record.

Django's LOGGING (config/settings.py) puts the filter on django.server, django.request and
the root handler. Gunicorn configures its own loggers, so CoreConfig.ready() adds it to
gunicorn.access directly."""

import logging
import re

HIDDEN = "[hidden]"

# /s/<token>/…, /accounts/password/reset/<uid>/<token>/, /accounts/invitation/<uid>/<token>/,
# /activities/cancel/<token>/ (Django's own "set-password" step after the link carries no
# secret), and the activity calendars' subscription feed, /calendar/<secret>.ics and
# /calendar/<secret>/<region>.ics.
_PATH_SECRETS = re.compile(
    r"(?P<keep>/s/|/calendar/|/activities/cancel/"
    r"|/accounts/(?:password/reset|invitation)/[^/\s?#\"']+/)"
    r"(?!set-password(?:[/?#\s\"']|$))[^/\s?#\"']+"
)
_QUERY_SECRETS = re.compile(
    r"(?P<keep>(?:^|[?&;\s\"'])(?:token|key|code|secret|password|signature|sig)=)[^&;\s#\"']+",
    re.IGNORECASE,
)


def mask_secrets(text: str) -> str:
    """The text with every secret of a link replaced by HIDDEN."""
    if "/" not in text and "=" not in text:
        return text
    text = _PATH_SECRETS.sub(lambda match: match["keep"] + HIDDEN, text)
    return _QUERY_SECRETS.sub(lambda match: match["keep"] + HIDDEN, text)


def _masked(value):
    return mask_secrets(value) if isinstance(value, str) else value


class MaskSecretsFilter(logging.Filter):
    """Masks the message and its arguments: a tuple (runserver's request line, Django's
    "Not Found: %s") or a mapping (gunicorn's access atoms, changed in place so its own
    dict class keeps answering "-" for missing atoms)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = _masked(record.msg)
        args = record.args
        if isinstance(args, dict):
            for key, value in list(args.items()):
                args[key] = _masked(value)
        elif isinstance(args, tuple):
            record.args = tuple(_masked(value) for value in args)
        return True


def mask_gunicorn_access_log() -> None:
    """Gunicorn sets up its own access logger; the filter goes onto the logger itself, which
    survives gunicorn's (re)configuration of handlers. Done once per process."""
    access = logging.getLogger("gunicorn.access")
    if not any(isinstance(existing, MaskSecretsFilter) for existing in access.filters):
        access.addFilter(MaskSecretsFilter())
