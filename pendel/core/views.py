from functools import wraps

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

from pendel.core.checks import database_ok, task_backend_ok
from pendel.core.models import OutboxMessage
from pendel.core.task_descriptions import task_lines

TASK_STATUSES = {"FAILED", "SUCCESSFUL", "READY", "RUNNING"}


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
    status = request.GET.get("status", "")
    tasks = DBTaskResult.objects.order_by("-enqueued_at")
    if status in TASK_STATUSES:
        tasks = tasks.filter(status=status)
    page = Paginator(tasks, 50).get_page(request.GET.get("page"))
    context = {"page": page, "lines": task_lines(page, now=timezone.now()), "status": status}
    return render(request, "core/task_list.html", context)


def outbox_visible(view):
    """The outbox exists only in local use (OUTBOX_VISIBLE): elsewhere a 404 for everyone,
    before any guard asks who is visiting."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not settings.OUTBOX_VISIBLE:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def outbox(request):
    """Mail kept locally instead of sent, survey links included: staff only (the guard is
    added where the URL is mounted) and only in local use (`outbox_visible`)."""
    page = Paginator(OutboxMessage.objects.all(), 50).get_page(request.GET.get("page"))
    return render(request, "core/outbox.html", {"page": page})


def outbox_message(request, pk: int):
    message = get_object_or_404(OutboxMessage, pk=pk)
    return render(request, "core/outbox_message.html", {"message": message})
