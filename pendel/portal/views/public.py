from django.shortcuts import redirect, render

from pendel.accounts.access import request_scope
from pendel.regions.models import Region


def home(request):
    """Logged-in users go to their portal; everyone else sees the programmes."""
    if request.user.is_authenticated:
        scope = request_scope(request)
        if scope.is_staff:
            return redirect("staff:home")
        if scope.is_contact_person:
            return redirect("company:home")
    regions = Region.objects.filter(is_active=True).select_related("country")
    return render(request, "portal/public/home.html", {"regions": regions})
