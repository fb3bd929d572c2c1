"""What the audit trail records about users (see pendel.core.audit).

Logins, failed logins and lock-outs are written with the address the request came from and,
for a failure, the username that was typed (never the password)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import register_actions


class AccountsAction(models.TextChoices):
    PROFILE_UPDATED = "user.profile_updated", _("Profile changed.")
    LOGGED_IN = "user.logged_in", _("Logged in.")
    LOGIN_FAILED = "user.login_failed", _("A login failed.")
    LOCKED_OUT = "user.locked_out", _("Logins locked after repeated failures.")
    TWO_FACTOR_ENABLED = "user.two_factor_enabled", _("Two-factor authentication turned on.")
    TWO_FACTOR_FAILED = "user.two_factor_failed", _("A two-factor code was refused.")
    RECOVERY_CODE_USED = "user.recovery_code_used", _("A recovery code was used to log in.")
    DEACTIVATED = "user.deactivated", _("Account deactivated.")


def _logged_in(changes: dict) -> str:
    return gettext("Logged in from %(address)s.") % {"address": changes["address"]}


def _login_failed(changes: dict) -> str:
    return gettext("A login as “%(username)s” from %(address)s failed.") % {
        "username": changes["username"],
        "address": changes["address"],
    }


def _locked_out(changes: dict) -> str:
    return gettext("Logins as “%(username)s” from %(address)s locked after repeated failures.") % {
        "username": changes["username"],
        "address": changes["address"],
    }


def _deactivated(changes: dict) -> str:
    return gettext("The account %(email)s was deactivated; its access ended at once.") % {
        "email": changes["email"]
    }


register_actions(
    AccountsAction,
    sentences={
        AccountsAction.DEACTIVATED: _deactivated,
        AccountsAction.LOGGED_IN: _logged_in,
        AccountsAction.LOGIN_FAILED: _login_failed,
        AccountsAction.LOCKED_OUT: _locked_out,
    },
)
