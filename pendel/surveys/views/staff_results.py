"""Results in the back office: a wave's, a location's over time, a region's and the whole
country's, as pages, XLSX and PDF files and JSON. All of them come from the protected
results, so no group under the minimum size is shown anywhere."""

from django.shortcuts import render
from django.utils.translation import gettext

from pendel.accounts.access import coordinator_required, request_scope, staff_required
from pendel.companies.selectors import location_get_for
from pendel.regions.selectors import region_get_for, regions_for
from pendel.surveys.forms import ResultsFilterForm
from pendel.surveys.results import location_trend, min_size_of, pooled_results, wave_results
from pendel.surveys.results.charts import figures_chart
from pendel.surveys.results.display import figures_display
from pendel.surveys.selectors import survey_settings_for, wave_get_for, waves_for
from pendel.surveys.views.common import (
    export_response,
    json_response,
    rate_context,
    results_context,
)


@staff_required
def wave_results_page(request, pk: int):
    wave = wave_get_for(request_scope(request), pk)
    results = wave_results(wave)
    context = {"wave": wave, **results_context(results), **rate_context(wave, results.rate)}
    return render(request, "surveys/staff/wave_results.html", context)


@staff_required
def wave_export(request, pk: int, file_format: str):
    wave = wave_get_for(request_scope(request), pk)
    return export_response(
        wave_results(wave),
        file_format,
        f"{wave.location} {wave.opens_on}",
        region=wave.location.region,
    )


@staff_required
def wave_api(request, pk: int):
    return json_response(wave_results(wave_get_for(request_scope(request), pk)))


@staff_required
def location_results(request, location_id: int):
    scope = request_scope(request)
    location = location_get_for(scope, location_id)
    settings = survey_settings_for(location.region)
    trend = location_trend(location, settings=settings)
    waves = waves_for(scope).filter(location=location)
    context = {
        "location": location,
        "trend_display": figures_display(trend),
        "chart": figures_chart(trend, column="car_alone", title=trend.title),
        "min_size": min_size_of(settings),
        "waves": waves,
    }
    return render(request, "surveys/staff/location_results.html", context)


def _pooled(request, waves, regions, title):
    years = sorted({day.year for day in waves.dates("opens_on", "year")}, reverse=True)
    form = ResultsFilterForm(request.GET or None, years=years)
    waves = waves.filter(dispatched_at__isnull=False, **form.filters())
    return form, pooled_results(waves=waves, regions=regions, title=title)


def _region_results(request, slug: str):
    scope = request_scope(request)
    region = region_get_for(scope, slug)
    waves = waves_for(scope).filter(location__region=region)
    return region, *_pooled(request, waves, [region], region.programme_name)


@staff_required
def region_results(request, slug: str):
    region, form, results = _region_results(request, slug)
    context = {
        "region": region,
        "form": form,
        "query": request.GET.urlencode(),
        "nav_regions": regions_for(request_scope(request)),
    }
    context.update(results_context(results))
    return render(request, "surveys/staff/pooled_results.html", context)


@staff_required
def region_export(request, slug: str, file_format: str):
    region, _form, results = _region_results(request, slug)
    return export_response(results, file_format, region.programme_name, region=region)


@staff_required
def region_api(request, slug: str):
    return json_response(_region_results(request, slug)[2])


def _national_results(request):
    scope = request_scope(request)
    return _pooled(request, waves_for(scope), list(regions_for(scope)), gettext("All programmes"))


@coordinator_required
def national_results(request):
    form, results = _national_results(request)
    context = {
        "region": None,
        "form": form,
        "query": request.GET.urlencode(),
        "nav_regions": regions_for(request_scope(request)),
    }
    context.update(results_context(results))
    return render(request, "surveys/staff/pooled_results.html", context)


@coordinator_required
def national_export(request, file_format: str):
    return export_response(_national_results(request)[1], file_format, "national")


@coordinator_required
def national_api(request):
    return json_response(_national_results(request)[1])
