"""The Django admin: superusers (and `is_staff` users) whose session has passed the second
factor. Its login page is throttled like the site's (axes sits in the authentication
backends); after the password it sends the user to the site's two-factor step."""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from pendel.accounts.access import TWO_FACTOR_URL
from pendel.accounts.two_factor import is_verified


class AdminSite(admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and is_verified(request)

    def login(self, request, extra_context=None):
        user = request.user
        if (
            request.method == "GET"
            and user.is_authenticated
            and user.is_active
            and user.is_staff
            and not is_verified(request)
        ):
            target = request.GET.get("next") or reverse("admin:index", current_app=self.name)
            return redirect_to_login(target, TWO_FACTOR_URL)
        return super().login(request, extra_context)
