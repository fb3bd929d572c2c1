from django.shortcuts import render

from pendel.accounts.access import request_scope, staff_required
from pendel.accounts.selectors import users_for


@staff_required
def user_list(request):
    users = users_for(request_scope(request))
    return render(request, "accounts/staff/user_list.html", {"users": users})
