"""Reads of certification, always scoped, and the selector other parts use:
`certification_for(location, year)` (the climate report shows the badge of the year).

A certification counts only once an advisor has confirmed it. It is shown as current
from its year until the end of the next (the evaluation of a year is made when the year's
survey and activities are done, so it carries the member through the following year)."""

from django.db.models import QuerySet
from django.http import Http404

from pendel.accounts.access import Scope
from pendel.certification.models import Evaluation, Tier
from pendel.certification.rules import headline_reasons, tier_results
from pendel.companies.selectors import locations_for
from pendel.regions.selectors import regions_for

CURRENT_FOR_YEARS = 2  # a year's certification is shown in that year and the next


def tiers_for_region(region) -> QuerySet[Tier]:
    return Tier.objects.filter(region=region).select_related("region").order_by("rank")


def tier_get_for(scope: Scope, pk) -> Tier:
    tier = (
        Tier.objects.select_related("region")
        .filter(pk=pk, region__in=regions_for(scope).values("id"))
        .first()
    )
    if tier is None:
        raise Http404
    return tier


def evaluations_for(scope: Scope) -> QuerySet[Evaluation]:
    return Evaluation.objects.filter(location__in=locations_for(scope).values("id")).select_related(
        "location__organisation",
        "location__region",
        "proposed_tier__region",
        "confirmed_tier__region",
    )


def evaluation_get_for(scope: Scope, pk) -> Evaluation:
    evaluation = evaluations_for(scope).filter(pk=pk).first()
    if evaluation is None:
        raise Http404
    return evaluation


def evaluations_of_region(scope: Scope, region, year: int, *, status: str = ""):
    evaluations = evaluations_for(scope).filter(location__region=region, year=year)
    if status:
        evaluations = evaluations.filter(status=status)
    return evaluations.order_by("location__organisation__name", "location__name")


def certification_for(location, year: int) -> Evaluation | None:
    """The location's confirmed certification for the year (its tier: `confirmed_tier`),
    or None."""
    return (
        Evaluation.objects.select_related("confirmed_tier__region")
        .filter(location=location, year=year, status=Evaluation.Status.CONFIRMED)
        .first()
    )


def current_certifications(location_ids, year: int) -> dict[int, Evaluation]:
    """Each location's latest confirmed certification still current in `year`, in one
    query."""
    rows = (
        Evaluation.objects.filter(
            location_id__in=location_ids,
            status=Evaluation.Status.CONFIRMED,
            year__gt=year - CURRENT_FOR_YEARS,
            year__lte=year,
        )
        .select_related("confirmed_tier__region")
        .order_by("location_id", "year")
    )
    return {evaluation.location_id: evaluation for evaluation in rows}


def latest_evaluations(location_ids) -> dict[int, Evaluation]:
    """Each location's evaluation of its latest year, in one query."""
    rows = (
        Evaluation.objects.filter(location_id__in=location_ids)
        .select_related("location__organisation", "proposed_tier__region", "confirmed_tier__region")
        .order_by("location_id", "year")
    )
    return {evaluation.location_id: evaluation for evaluation in rows}


def tiers_by_id(region_ids) -> dict[int, Tier]:
    tiers = Tier.objects.filter(region_id__in=region_ids).select_related("region")
    return {tier.pk: tier for tier in tiers}


def with_reasons(evaluations, tiers: dict) -> list:
    """Each evaluation with `reached` and `next_tier` (TierResults) for a list's row."""
    for evaluation in evaluations:
        evaluation.reached, evaluation.next_tier = headline_reasons(evaluation, tiers)
    return evaluations


def evaluation_detail(evaluation: Evaluation, tiers: dict) -> list:
    return tier_results(evaluation, tiers)


def current_certifications_in_region(region, organisation_ids, year: int) -> list[Evaluation]:
    """The confirmed certifications still current of the organisations' locations in the
    region (the latest of each location), in one query."""
    rows = (
        Evaluation.objects.filter(
            location__region=region,
            location__organisation_id__in=organisation_ids,
            status=Evaluation.Status.CONFIRMED,
            year__gt=year - CURRENT_FOR_YEARS,
            year__lte=year,
        )
        .select_related("location", "confirmed_tier__region")
        .order_by("location_id", "year")
    )
    latest = {evaluation.location_id: evaluation for evaluation in rows}
    return list(latest.values())
