from csp.decorators import csp
from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

from pendel.core.checks import database_ok, task_backend_ok
from pendel.core.lists import OutboxFilter, OutboxTable, TaskFilter, TaskTable
from pendel.core.models import OutboxMessage
from pendel.core.tables import table_configure, table_render


@require_GET
@never_cache
def healthz(request):
    checks = {"database": database_ok(), "tasks": task_backend_ok()}
    healthy = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "failing",
            **{k: "ok" if v else "failing" for k, v in checks.items()},
        },
        status=200 if healthy else 503,
    )


def task_list(request):
    """Background tasks, newest first, named in words; failed attempts show their error,
    waiting ones when they will run. For coordinators only: core sits below accounts, so
    config/urls.py mounts this view behind `coordinator_required`."""
    found = TaskFilter(request.GET, queryset=DBTaskResult.objects.order_by("-enqueued_at"))
    table = table_configure(request, TaskTable(found.qs))
    table.describe_page(now=timezone.now())
    context = {"form": found.form}
    return table_render(request, "core/task_list.html", context, table=table)


def outbox(request):
    """Mail kept locally instead of sent. Exists only in development mode (OUTBOX_VISIBLE),
    for staff only (the guard in config/urls.py): the mail holds every link it carries."""
    if not settings.OUTBOX_VISIBLE:
        raise Http404
    found = OutboxFilter(request.GET, queryset=OutboxMessage.objects.all())
    table = table_configure(request, OutboxTable(found.qs))
    return table_render(request, "core/outbox.html", {"form": found.form}, table=table)


def outbox_message(request, pk: int):
    if not settings.OUTBOX_VISIBLE:
        raise Http404
    message = get_object_or_404(OutboxMessage, pk=pk)
    return render(request, "core/outbox_message.html", {"message": message})


# The mail's own HTML, shown in a sandboxed frame on the message's page: mail layouts need
# inline styles, so this document alone may have them. It may load nothing (images are
# inlined as data: URLs), run nothing (sandbox without scripts) and sit only in our pages.
MAIL_FRAME_POLICY = {
    "default-src": ["'none'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["data:"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "sandbox": ["allow-popups", "allow-popups-to-escape-sandbox"],
}


@xframe_options_sameorigin
@csp(MAIL_FRAME_POLICY)
def outbox_message_html(request, pk: int):
    if not settings.OUTBOX_VISIBLE:
        raise Http404
    message = get_object_or_404(OutboxMessage.objects.exclude(html=""), pk=pk)
    return HttpResponse(message.html, content_type="text/html; charset=utf-8")
