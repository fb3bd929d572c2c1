"""What the audit trail records about activities (see pendel.core.audit)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from pendel.core.audit import register_actions


class PlansAction(models.TextChoices):
    """The catalogue, the region's rules and the yearly plans (h15plans)."""

    TYPE_CREATED = "activity_type.created", _("Activity type added to the catalogue.")
    TYPE_CHANGED = "activity_type.changed", _("Activity type changed.")
    TYPE_DEACTIVATED = "activity_type.deactivated", _("Activity type deactivated.")
    TYPE_DELETED = "activity_type.deleted", _("Activity type removed from the catalogue.")
    RULES_UPDATED = "activity_rules.updated", _("Activity plan rules changed.")
    PLAN_CREATED = "activity_plan.created", _("Activity plan started.")
    PLAN_SUBMITTED = "activity_plan.submitted", _("Activity plan sent to the advisor.")
    PLAN_APPROVED = "activity_plan.approved", _("Activity plan approved.")
    PLAN_RETURNED = "activity_plan.returned", _("Activity plan sent back to the company.")
    PLAN_COMMENTED = "activity_plan.commented", _("Advisor's comment on the activity plan saved.")
    LINE_ADDED = "planned_activity.added", _("Activity added to the plan.")
    LINE_CHANGED = "planned_activity.changed", _("Planned activity changed.")
    LINE_REMOVED = "planned_activity.removed", _("Activity removed from the plan.")


register_actions(PlansAction)
