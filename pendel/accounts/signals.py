"""Every login, failed login and lock-out goes into the audit trail; a login also starts the
session's clocks (see middleware.SessionTimeoutMiddleware)."""

import ipaddress

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from pendel.accounts.audit import AccountsAction
from pendel.accounts.models import User
from pendel.core.audit import Target, audit_record
from pendel.core.ratelimit import client_address

LOGIN_AT_SESSION_KEY = "pendel_login_at"
SEEN_AT_SESSION_KEY = "pendel_seen_at"
USERNAME_LENGTH = 254  # an e-mail address at most; anything longer is cut


def _address(request) -> str:
    return client_address(request) if request is not None else "unknown"


def lockout_address(request) -> str | None:
    """The address the lock-out counts under (AXES_CLIENT_IP_CALLABLE): the request's, or
    none when it has none that is an IP address (a login made outside a web request)."""
    address = client_address(request) if request is not None else ""
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def attempted_username(request, credentials: dict) -> str:
    """The username as typed, trimmed and in lower case, so that "Ola@X" and "ola@x" count
    as one account for the lock-out (AXES_USERNAME_CALLABLE)."""
    credentials = credentials or {}
    typed = credentials.get("username") or credentials.get(User.USERNAME_FIELD) or ""
    return str(typed).strip().lower()[:USERNAME_LENGTH]


def _target(username: str) -> Target:
    user_id = User.objects.filter(email__iexact=username).values_list("pk", flat=True).first()
    return Target("user", user_id if user_id is not None else "-")


@receiver(user_logged_in)
def session_clocks_started(sender, request, user, **kwargs):
    now = timezone.now().timestamp()
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT_SESSION_KEY] = now
        request.session[SEEN_AT_SESSION_KEY] = now


@receiver(user_logged_in)
def login_recorded(sender, request, user, **kwargs):
    audit_record(
        actor=user,
        action=AccountsAction.LOGGED_IN,
        target=user,
        changes={"address": _address(request)},
    )


@receiver(user_login_failed)
def login_failure_recorded(sender, credentials, request=None, **kwargs):
    # Django has already replaced the password in `credentials`; only the username is kept.
    username = attempted_username(request, credentials)
    audit_record(
        actor=None,
        action=AccountsAction.LOGIN_FAILED,
        target=_target(username),
        changes={"username": username, "address": _address(request)},
    )


@receiver(user_locked_out)
def lockout_recorded(sender, request=None, username=None, ip_address=None, **kwargs):
    username = str(username or "").strip().lower()[:USERNAME_LENGTH]
    audit_record(
        actor=None,
        action=AccountsAction.LOCKED_OUT,
        target=_target(username),
        changes={"username": username, "address": ip_address or _address(request)},
    )
