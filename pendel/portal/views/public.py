from django.shortcuts import redirect, render

from pendel.accounts.access import request_roles
from pendel.regions.models import Region


def home(request):
    """Logged-in users go to their portal; everyone else sees the programmes."""
    if request.user.is_authenticated:
        portal = request_roles(request).home
        if portal:
            return redirect(f"{portal}:home")
    regions = Region.objects.filter(is_active=True).select_related("country")
    return render(request, "portal/public/home.html", {"regions": regions})
