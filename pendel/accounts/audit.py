"""What the audit trail records about users (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import register_actions


class AccountsAction(models.TextChoices):
    PROFILE_UPDATED = "user.profile_updated", _("Profile changed.")


register_actions(AccountsAction)
