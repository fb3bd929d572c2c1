"""Reads of the climate app. Factor sets are national reference data: every member of the
back office may read them (they hold nothing about a tenant); which set a region uses is
read through the region, which the caller has already loaded through its scoped selector."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from pendel.accounts.access import Scope
from pendel.climate.models import ClimateSettings, EmissionFactorSet


def factor_sets_for(scope: Scope) -> QuerySet[EmissionFactorSet]:
    if not scope.is_staff:
        return EmissionFactorSet.objects.none()
    return EmissionFactorSet.objects.select_related("imported_by").annotate(
        factor_count=Count("factors"),
        unconfirmed_count=Count("factors", filter=Q(factors__confirmed=False)),
    )


def factor_set_get_for(scope: Scope, pk) -> EmissionFactorSet:
    factor_set = factor_sets_for(scope).filter(pk=pk).first()
    if factor_set is None:
        raise Http404
    return factor_set


def sets_covering(country: str) -> QuerySet[EmissionFactorSet]:
    """The sets a report in this country may use: the country's own and those covering
    several countries."""
    return EmissionFactorSet.objects.filter(Q(country=country) | Q(country=""))


def climate_settings_for(region) -> ClimateSettings:
    """The region's settings (unsaved defaults when it has none yet)."""
    settings = ClimateSettings.objects.filter(region=region).select_related("factor_set").first()
    return settings or ClimateSettings(region=region)


def factor_set_for(region, settings: ClimateSettings, requested=None) -> EmissionFactorSet:
    """The set a report uses: the one it names (if it covers the region's country), else the
    region's choice, else the country's default set, else the default covering several
    countries. None only when no set exists at all."""
    country = region.country_id
    if requested not in (None, ""):
        chosen = (
            sets_covering(country).filter(pk=requested).first()
            if str(requested).isdigit()
            else None
        )
        if chosen is not None:
            return chosen
    if settings.factor_set_id and settings.factor_set.covers(country):
        return settings.factor_set
    defaults = sets_covering(country).filter(is_default=True).order_by("-country")
    return defaults.first() or sets_covering(country).first()
