"""Min side: the company's surveys with their live response rate against the threshold,
the results and the exports."""

from django.shortcuts import render

from pendel.accounts.access import contact_person_required, request_scope
from pendel.core.tables import table_configure, table_render
from pendel.surveys.results import wave_results
from pendel.surveys.selectors import wave_get_for, waves_for, with_rates
from pendel.surveys.tables import CompanyWaveTable
from pendel.surveys.views.common import (
    export_response,
    rate_context,
    results_context,
    wave_rows,
)


@contact_person_required
def wave_list(request):
    waves = with_rates(waves_for(request_scope(request)).filter(dispatched_at__isnull=False))
    table = table_configure(request, CompanyWaveTable(waves))
    for row in wave_rows(row.record for row in table.page.object_list):
        row["wave"].listed = row
    return table_render(request, "surveys/company/wave_list.html", {}, table=table)


@contact_person_required
def wave_results_page(request, pk: int):
    wave = wave_get_for(request_scope(request), pk, dispatched_only=True)
    results = wave_results(wave)
    context = {"wave": wave, **results_context(results), **rate_context(wave, results.rate)}
    return render(request, "surveys/company/wave_results.html", context)


@contact_person_required
def wave_export(request, pk: int, file_format: str):
    wave = wave_get_for(request_scope(request), pk, dispatched_only=True)
    return export_response(
        wave_results(wave),
        file_format,
        f"{wave.location} {wave.opens_on}",
        region=wave.location.region,
    )
