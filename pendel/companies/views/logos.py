"""A member's logo: uploaded or removed by its contact persons on Min side and by staff
on its own page beside the member page; shown on the programme's public page only where
the membership allows it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from pendel.accounts.access import contact_person_required, request_scope, staff_required
from pendel.companies import selectors, services
from pendel.companies.models import Organisation
from pendel.companies.views.public import _active_region
from pendel.companies.views.staff import _organisation_for_billing
from pendel.core.forms import apply_validation_error
from pendel.core.logos import LogoForm, logo_response


def _logo_post(request, organisation: Organisation, *, region_id=None):
    """Remove, or upload: the refusal shown on the form, nothing stored."""
    form = LogoForm(request.POST, request.FILES)
    if "remove" in request.POST:
        if services.organisation_logo_remove(
            organisation=organisation, actor=request.user, region_id=region_id
        ):
            messages.success(request, _("The logo has been removed."))
        return form, True
    if form.is_valid():
        try:
            services.organisation_logo_set(
                organisation=organisation,
                upload=form.cleaned_data["logo"],
                actor=request.user,
                region_id=region_id,
            )
        except ValidationError as error:
            apply_validation_error(form, error, field="logo")
        else:
            messages.success(request, _("The logo has been saved."))
            return form, True
    return form, False


def _render(request, context: dict, form):
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "companies/logo_edit.html", {**context, "form": form}, status=status)


@contact_person_required
def company_logo(request):
    scope = request_scope(request)
    organisation = selectors.organisations_for(scope).get()
    form = LogoForm()
    if request.method == "POST":
        form, done = _logo_post(request, organisation)
        if done:
            return redirect("company:logo")
    memberships = selectors.memberships_for(scope).select_related("location__region")
    context = {
        "organisation": organisation,
        "memberships": memberships,
        "image_src": reverse("company:logo_image"),
        "back_href": reverse("company:home"),
    }
    return _render(request, context, form)


@contact_person_required
@require_GET
def company_logo_image(request):
    return logo_response(selectors.organisations_for(request_scope(request)).get().logo)


@staff_required
def member_logo(request, pk: int):
    membership, organisation = _organisation_for_billing(request, pk)
    form = LogoForm()
    if request.method == "POST":
        region_id = membership.location.region_id
        form, done = _logo_post(request, organisation, region_id=region_id)
        if done:
            return redirect("staff:member_logo", pk=membership.pk)
    context = {
        "organisation": organisation,
        "memberships": [membership],
        "image_src": reverse("staff:member_logo_image", args=[membership.pk]),
        "back_href": reverse("staff:member_detail", args=[membership.pk]),
    }
    return _render(request, context, form)


@staff_required
def member_logo_image(request, pk: int):
    _membership, organisation = _organisation_for_billing(request, pk)  # out of scope: 404
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return logo_response(organisation.logo)


@require_GET
def public_logo(request, slug: str, pk: int):
    """A member's logo on the programme's page: only while a membership there allows it."""
    region = _active_region(slug)
    organisation = selectors.public_members(region).filter(pk=pk).first()
    if organisation is None:
        raise Http404
    return logo_response(organisation.logo)
