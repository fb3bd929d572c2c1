from django.conf import settings

from pendel.accounts.access import NOBODY, request_scope


def pendel(request):
    user = getattr(request, "user", None)
    scope = request_scope(request) if user is not None and user.is_authenticated else NOBODY
    return {"scope": scope, "outbox_visible": settings.OUTBOX_VISIBLE}
