"""What both portals' emissions pages share: the set the report names and its figures."""

from pendel.climate.display import emissions_context
from pendel.climate.emissions import wave_emissions
from pendel.climate.forms import FactorSetChoiceForm
from pendel.climate.selectors import climate_settings_for, factor_set_for, sets_covering


def wave_emissions_context(request, wave) -> dict:
    """The figures with the region's set, or with the one the page's form names (a set not
    covering the country is not offered, and is ignored if asked for by hand)."""
    region = wave.location.region
    sets = sets_covering(region.country_id)
    form = FactorSetChoiceForm(request.GET or None, sets=sets)
    requested = form.cleaned_data.get("set") if form.is_valid() else None
    factor_set = requested or factor_set_for(region, climate_settings_for(region))
    result = wave_emissions(wave, factor_set=factor_set)
    return {"wave": wave, "form": form, **emissions_context(result)}
