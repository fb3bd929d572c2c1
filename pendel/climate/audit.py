"""What the audit trail records about climate figures (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import register_actions


class ClimateAction(models.TextChoices):
    FACTOR_SET_IMPORTED = "climate_factor_set.import", _("Emission factor set imported.")
    SETTINGS_UPDATED = "climate_settings.update", _("Climate settings changed.")


def _imported(changes: dict) -> str:
    return gettext("Emission factor set %(name)s imported with %(count)s factors.") % {
        "name": changes["name"],
        "count": changes["factors"],
    }


register_actions(ClimateAction, sentences={ClimateAction.FACTOR_SET_IMPORTED: _imported})
