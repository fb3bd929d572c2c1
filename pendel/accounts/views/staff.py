from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from pendel.accounts.access import deactivation_refused, request_scope, staff_required
from pendel.accounts.selectors import user_get_wholly_in, users_for, with_reach
from pendel.accounts.services import user_deactivate as user_deactivate_service
from pendel.accounts.tables import UserFilter, UserTable
from pendel.core.tables import table_configure, table_render


@staff_required
def user_list(request):
    scope = request_scope(request)
    found = UserFilter(request.GET, queryset=with_reach(users_for(scope), scope))
    table = table_configure(request, UserTable(found.qs))
    context = {"form": found.form}
    return table_render(request, "accounts/staff/user_list.html", context, table=table)


def _region_of(user, scope) -> int | None:
    """The region the audit event is filed under: the first of the account's roles there."""
    for role in user.visible_roles:
        region_id = role.region_id or (role.location.region_id if role.location_id else None)
        if region_id and (scope.all_regions or region_id in scope.region_ids):
            return region_id
    return None


@staff_required
def user_deactivate(request, pk: int):
    """Deactivate an account: a contact person who left the company, an advisor who left the
    programme. Who may deactivate whom: access.deactivation_refused."""
    scope = request_scope(request)
    target = user_get_wholly_in(scope, pk)
    refused = deactivation_refused(scope, actor=request.user, target=target)
    if request.method == "POST" and not refused:
        user_deactivate_service(
            user=target, actor=request.user, region_id=_region_of(target, scope)
        )
        messages.success(
            request,
            _("%(name)s can no longer log in; every session of the account has ended.")
            % {"name": target},
        )
        return redirect("staff:user_list")
    context = {"target": target, "refused": refused}
    return render(
        request,
        "accounts/staff/user_deactivate.html",
        context,
        status=400 if request.method == "POST" else 200,
    )
