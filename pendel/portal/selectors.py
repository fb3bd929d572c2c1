from pendel.accounts.access import Scope
from pendel.accounts.selectors import users_for
from pendel.companies.selectors import (
    applications_for,
    followups_due,
    locations_for,
    organisations_for,
)
from pendel.core.dates import earliest_today
from pendel.regions.selectors import regions_for


def start_counts(scope: Scope) -> dict[str, int]:
    """What the start page counts, all within the actor's scope."""
    return {
        "regions": regions_for(scope).count(),
        "organisations": organisations_for(scope).count(),
        "locations": locations_for(scope).count(),
        "users": users_for(scope).count(),
    }


def _today(scope: Scope):
    return earliest_today(regions_for(scope))


def staff_todo(scope: Scope, *, user) -> dict[str, int]:
    """What waits for this person: applications to decide, follow-ups due this week."""
    return {
        "applications": applications_for(scope).filter(status="pending").count(),
        "followups": followups_due(scope, today=_today(scope), advisor=user).count(),
    }
