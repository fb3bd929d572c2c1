"""What certification adds to pages of companies, which sits below it: a block of the
staff member page's summary, and the badge beside a member on the programme's public page
(registered in CertificationConfig.ready)."""

from dataclasses import dataclass

from django.utils.translation import gettext

from pendel.certification import selectors
from pendel.certification.models import Evaluation
from pendel.core.dates import region_today


@dataclass
class MemberBlock:
    evaluation: Evaluation | None
    current: Evaluation | None
    results: list
    year: int


def member_block(scope, membership) -> MemberBlock:
    """The member's current certification and its latest evaluation, in four queries."""
    location = membership.location
    year = region_today(location.region).year
    latest = selectors.latest_evaluations([location.pk]).get(location.pk)
    current = selectors.current_certifications([location.pk], year).get(location.pk)
    tiers = selectors.tiers_by_id([location.region_id]) if latest else {}
    results = selectors.evaluation_detail(latest, tiers) if latest else []
    return MemberBlock(evaluation=latest, current=current, results=results, year=year)


def badge_text(evaluation: Evaluation) -> str:
    return gettext("Certified: %(tier)s (%(year)s)") % {
        "tier": evaluation.confirmed_tier,
        "year": evaluation.year,
    }


def public_badges(region, organisation_ids) -> dict[int, list[str]]:
    """{organisation id: badge texts} of the members certified in the region now."""
    year = region_today(region).year
    rows = selectors.current_certifications_in_region(region, organisation_ids, year)
    badges: dict[int, list[str]] = {}
    for evaluation in rows:
        badges.setdefault(evaluation.location.organisation_id, []).append(badge_text(evaluation))
    return badges
