"""What the audit trail records about regions (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import register_actions


class RegionsAction(models.TextChoices):
    LOGO_UPLOADED = "region.logo_uploaded", _("Programme logo uploaded.")
    LOGO_REMOVED = "region.logo_removed", _("Programme logo removed.")


register_actions(
    RegionsAction,
    sentences={
        RegionsAction.LOGO_UPLOADED: lambda changes: (
            gettext("Logo of %(programme)s uploaded.") % {"programme": changes["programme"]}
        ),
        RegionsAction.LOGO_REMOVED: lambda changes: (
            gettext("Logo of %(programme)s removed.") % {"programme": changes["programme"]}
        ),
    },
)
