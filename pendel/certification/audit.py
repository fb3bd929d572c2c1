"""What the audit trail records about certification (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import register_actions


class CertificationAction(models.TextChoices):
    TIER_CREATED = "certification_tier.created", _("Certification tier added.")
    TIER_CHANGED = "certification_tier.changed", _("Certification tier changed.")
    TIER_DELETED = "certification_tier.deleted", _("Certification tier removed.")
    DEFAULTS_CREATED = "certification_tier.defaults", _("Default certification tiers added.")
    EVALUATED = "certification.evaluated", _("Certification evaluated.")
    CONFIRMED = "certification.confirmed", _("Certification confirmed.")
    REJECTED = "certification.rejected", _("Certification rejected.")
    REVOKED = "certification.revoked", _("Certification revoked.")


def _evaluated(changes: dict) -> str:
    return (
        ngettext(
            "Certification for %(year)s evaluated for %(count)s member.",
            "Certification for %(year)s evaluated for %(count)s members.",
            changes["count"],
        )
        % changes
    )


def _confirmed(changes: dict) -> str:
    return gettext("Certification for %(year)s confirmed: %(tier)s.") % changes


register_actions(
    CertificationAction,
    sentences={
        CertificationAction.EVALUATED: _evaluated,
        CertificationAction.CONFIRMED: _confirmed,
    },
)
