from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from pendel.core.checks import database_ok, task_backend_ok


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
