from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from pendel.companies import selectors, services
from pendel.companies.forms import ApplicationForm
from pendel.regions.models import Region


def _active_region(slug: str) -> Region:
    region = Region.objects.select_related("country").filter(slug=slug, is_active=True).first()
    if region is None:
        raise Http404
    return region


def programme_detail(request, slug: str):
    """A programme's public page with the logos of members who agreed to show them."""
    region = _active_region(slug)
    members = selectors.public_members(region)
    return render(
        request, "companies/public/programme.html", {"region": region, "members": members}
    )


def application_create(request, slug: str):
    region = _active_region(slug)
    form = ApplicationForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        services.application_submit(
            region=region, data=form.application_data(), language=get_language()
        )
        return redirect("portal:application_thanks", slug=region.slug)
    return render(request, "companies/public/apply.html", {"region": region, "form": form})


def application_thanks(request, slug: str):
    region = _active_region(slug)
    return render(request, "companies/public/thanks.html", {"region": region})
