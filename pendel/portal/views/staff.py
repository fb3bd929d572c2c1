from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django_tasks_db.models import DBTaskResult

from pendel.accounts.access import coordinator_required, request_scope, staff_required
from pendel.core.models import OutboxMessage
from pendel.portal.selectors import staff_todo, start_counts
from pendel.regions.selectors import regions_with_counts


@staff_required
def home(request):
    scope = request_scope(request)
    context = {
        "counts": start_counts(scope),
        "todo": staff_todo(scope, user=request.user),
        "regions": regions_with_counts(scope),
    }
    return render(request, "portal/staff/home.html", context)


@coordinator_required
def task_list(request):
    """Background tasks, newest first; failed attempts show their error."""
    status = request.GET.get("status", "")
    tasks = DBTaskResult.objects.order_by("-enqueued_at")
    if status in {"FAILED", "SUCCESSFUL", "READY", "RUNNING"}:
        tasks = tasks.filter(status=status)
    page = Paginator(tasks, 50).get_page(request.GET.get("page"))
    return render(request, "portal/staff/task_list.html", {"page": page, "status": status})


def outbox(request):
    """Mail kept locally instead of sent. Exists only in local use (OUTBOX_VISIBLE)."""
    if not settings.OUTBOX_VISIBLE:
        raise Http404
    page = Paginator(OutboxMessage.objects.all(), 50).get_page(request.GET.get("page"))
    return render(request, "portal/outbox.html", {"page": page})


def outbox_message(request, pk: int):
    if not settings.OUTBOX_VISIBLE:
        raise Http404
    message = get_object_or_404(OutboxMessage, pk=pk)
    return render(request, "portal/outbox_message.html", {"message": message})
