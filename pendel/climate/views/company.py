"""Min side: the commuting emissions of the contact person's own locations."""

from django.shortcuts import render

from pendel.accounts.access import contact_person_required, request_scope
from pendel.climate.views.common import wave_emissions_context
from pendel.surveys.selectors import wave_get_for, waves_for


@contact_person_required
def emissions_index(request):
    waves = waves_for(request_scope(request)).filter(closed_at__isnull=False)
    waves = waves.order_by("location__name", "-opens_on", "-id")
    return render(request, "climate/company/index.html", {"waves": waves})


@contact_person_required
def wave_emissions_page(request, pk: int):
    wave = wave_get_for(request_scope(request), pk, dispatched_only=True)
    context = wave_emissions_context(request, wave)
    return render(request, "climate/company/wave_emissions.html", context)
