"""The back office: factor sets (list, one set, import), a region's climate settings and the
emissions of a wave."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from pendel.accounts.access import coordinator_required, request_scope, staff_required
from pendel.climate import services
from pendel.climate.forms import ClimateSettingsForm, FactorSetImportForm
from pendel.climate.importers import IMPORTERS
from pendel.climate.importers import decode as decode_file
from pendel.climate.selectors import (
    climate_settings_for,
    factor_set_for,
    factor_set_get_for,
    factor_sets_for,
    sets_covering,
)
from pendel.climate.tables import FactorSetTable
from pendel.climate.views.common import wave_emissions_context
from pendel.core.forms import apply_validation_error
from pendel.core.tables import table_configure, table_render
from pendel.regions.selectors import region_get_for
from pendel.surveys.selectors import wave_get_for


@staff_required
def factor_set_list(request):
    table = table_configure(request, FactorSetTable(factor_sets_for(request_scope(request))))
    return table_render(request, "climate/staff/factor_set_list.html", {}, table=table)


@staff_required
def factor_set_detail(request, pk: int):
    factor_set = factor_set_get_for(request_scope(request), pk)
    factors = factor_set.factors.order_by("country", "mode")
    return render(
        request, "climate/staff/factor_set_detail.html", {"set": factor_set, "factors": factors}
    )


@coordinator_required
def factor_set_import(request):
    """Upload → preview (nothing saved) → import (all rows or none)."""
    form = FactorSetImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "parsed": None}
    if request.method == "POST" and form.is_valid():
        importer = IMPORTERS[form.cleaned_data["importer"]]
        data, details = form.cleaned_data["data"], form.details()
        if request.POST.get("step") == "import":
            try:
                factor_set = services.factor_set_import(
                    actor=request.user, scope=request_scope(request), importer=importer,
                    data=data, details=details,
                )  # fmt: skip
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, gettext("The factor set has been imported."))
                return redirect("staff:climate_factor_set_detail", pk=factor_set.pk)
        parsed = services.factor_set_read(importer, data, details)
        context.update(parsed=parsed, content=decode_file(data))
    return render(request, "climate/staff/factor_set_import.html", context)


@staff_required
def region_settings(request, slug: str):
    region = region_get_for(request_scope(request), slug)
    settings = climate_settings_for(region)
    sets = sets_covering(region.country_id)
    initial = {"factor_set": settings.factor_set, "working_weeks": settings.working_weeks}
    form = ClimateSettingsForm(request.POST or None, initial=initial, sets=sets)
    if request.method == "POST" and form.is_valid():
        try:
            services.climate_settings_update(actor=request.user, region=region, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, gettext("The climate settings have been saved."))
            return redirect("staff:climate_region_settings", slug=region.slug)
    context = {"region": region, "form": form, "in_use": factor_set_for(region, settings)}
    return render(request, "climate/staff/region_settings.html", context)


@staff_required
def wave_emissions_page(request, pk: int):
    wave = wave_get_for(request_scope(request), pk)
    context = wave_emissions_context(request, wave)
    return render(request, "climate/staff/wave_emissions.html", context)
