from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from pendel.companies import selectors, services
from pendel.companies.forms import ApplicationForm
from pendel.core import ratelimit
from pendel.core.forms import apply_validation_error
from pendel.regions.models import Region

# Applications sent from one address, and to one contact email, per hour. An employer
# applies once per workplace; more than this is a script or someone being flooded.
APPLICATION_LIMIT = 5
APPLICATION_WINDOW_SECONDS = 60 * 60


def _active_region(slug: str) -> Region:
    region = Region.objects.select_related("country").filter(slug=slug, is_active=True).first()
    if region is None:
        raise Http404
    return region


def programme_detail(request, slug: str):
    """A programme's public page with the logos of members who agreed to show them."""
    region = _active_region(slug)
    members = list(selectors.public_members(region))
    badges = selectors.public_member_badges(region, [member.pk for member in members])
    for member in members:
        member.badges = badges.get(member.pk, [])
    return render(
        request, "companies/public/programme.html", {"region": region, "members": members}
    )


def _within_limits(request, email: str) -> bool:
    return ratelimit.allow_all(
        [
            ("application:address", ratelimit.client_address(request)),
            ("application:recipient", email),
        ],
        limit=APPLICATION_LIMIT,
        window_seconds=APPLICATION_WINDOW_SECONDS,
    )


def application_create(request, slug: str):
    region = _active_region(slug)
    form = ApplicationForm(request.POST or None, region=region)
    status = 200
    if request.method == "POST" and form.is_valid():
        if _within_limits(request, form.cleaned_data["contact_email"]):
            try:
                services.application_submit(
                    region=region, data=form.application_data(), language=get_language()
                )
            except ValidationError as error:
                apply_validation_error(form, error)
                return render(
                    request,
                    "companies/public/apply.html",
                    {"region": region, "form": form},
                    status=400,
                )
            return redirect("portal:application_thanks", slug=region.slug)
        form.add_error(
            None,
            _(
                "Too many applications have been sent from here or to this email address. "
                "Nothing was sent this time; please try again in an hour."
            ),
        )
        status = 429
    return render(
        request, "companies/public/apply.html", {"region": region, "form": form}, status=status
    )


def application_thanks(request, slug: str):
    region = _active_region(slug)
    return render(request, "companies/public/thanks.html", {"region": region})


@require_http_methods(["GET", "POST"])
def application_confirm(request, slug: str, token: str):
    """The link in the confirmation mail. Opening it shows a button; the application is sent
    on with the button, so a mail scanner that follows links confirms nothing."""
    region = _active_region(slug)
    if request.method == "POST":
        try:
            application = services.application_confirm(region=region, token=token)
        except ValidationError as error:
            context = {"region": region, "refused": " ".join(error.messages)}
            return render(request, "companies/public/confirm.html", context)
        if application is not None:
            return render(request, "companies/public/confirmed.html", {"region": region})
        valid = False
    else:
        valid = services.application_confirmation_valid(region=region, token=token)
    # An unknown, used or expired link gets a page that says so (like a password reset's).
    return render(request, "companies/public/confirm.html", {"region": region, "valid": valid})
