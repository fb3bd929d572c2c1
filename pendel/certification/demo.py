"""Demo data: each demo region's default tiers, its members evaluated for the current year,
and in Nedre Glomma the first member with a tier confirmed (its badge shows on the
programme's page). Safe to run again."""

from pendel.accounts.models import User
from pendel.certification.models import Evaluation, Tier
from pendel.certification.services import (
    certification_evaluate_region,
    evaluation_confirm,
    tiers_default_create,
)
from pendel.core.dates import region_today
from pendel.regions.models import Region

CONFIRMED_IN = "nedre-glomma"


def seed_demo_certification() -> None:
    for region in Region.objects.order_by("pk"):
        advisor = User.objects.filter(email=f"advisor.{region.slug}@pendel.demo").first()
        if not Tier.objects.filter(region=region).exists():
            tiers_default_create(actor=advisor, region=region)
        year = region_today(region).year
        certification_evaluate_region(region_id=region.pk, year=year, actor=advisor)
        first = (
            Evaluation.objects.filter(
                location__region=region, year=year, proposed_tier__isnull=False
            )
            .select_related("location__region")
            .order_by("location__organisation__name")
            .first()
        )
        if region.slug == CONFIRMED_IN and first and first.status == Evaluation.Status.PROPOSED:
            evaluation_confirm(actor=advisor, evaluation=first, tier_id=first.proposed_tier_id)
