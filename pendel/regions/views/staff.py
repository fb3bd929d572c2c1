from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from pendel.accounts.access import region_choose as region_choose_for
from pendel.accounts.access import request_roles, request_scope, staff_required
from pendel.core.forms import apply_validation_error
from pendel.core.logos import LogoForm
from pendel.core.requests import next_path, parse_id
from pendel.regions import services
from pendel.regions.selectors import region_get_for, regions_to_look_at, regions_with_counts


@staff_required
def region_list(request):
    regions = regions_with_counts(request_scope(request))
    return render(request, "regions/staff/region_list.html", {"regions": regions})


@staff_required
@require_POST
def region_choose(request):
    """The shell's region switch: look at one region, or ("") at all of one's regions. A
    region the user may not look at answers like any other out of scope: 404."""
    wanted = request.POST.get("region", "")
    region_id = parse_id(wanted) if wanted else None
    if (wanted and region_id is None) or not region_choose_for(request, region_id):
        raise Http404
    if region_id is None:
        messages.success(request, _("You now see all your regions."))
    else:
        region = regions_to_look_at(request_roles(request)).get(pk=region_id)
        messages.success(request, _("You now see %(region)s only.") % {"region": region.name})
    return redirect(next_path(request, "staff:home"))


def _logo_post(request, region):
    """Remove, or upload: the refusal shown on the form, nothing stored."""
    form = LogoForm(request.POST, request.FILES)
    if "remove" in request.POST:
        if services.region_logo_remove(region=region, actor=request.user):
            messages.success(request, _("The logo has been removed."))
        return form, True
    if form.is_valid():
        try:
            services.region_logo_set(
                region=region, upload=form.cleaned_data["logo"], actor=request.user
            )
        except ValidationError as error:
            apply_validation_error(form, error, field="logo")
        else:
            messages.success(request, _("The logo has been saved."))
            return form, True
    return form, False


@staff_required
def region_edit(request, slug: str):
    """The programme's own look: its logo, for staff of the region and the coordinator."""
    region = region_get_for(request_scope(request), slug)
    form = LogoForm()
    if request.method == "POST":
        form, done = _logo_post(request, region)
        if done:
            return redirect("staff:region_edit", slug=region.slug)
    status = 400 if form.is_bound and form.errors else 200
    context = {"region": region, "form": form}
    return render(request, "regions/staff/region_edit.html", context, status=status)
