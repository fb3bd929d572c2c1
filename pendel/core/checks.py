"""Health checks used by GET /healthz."""

from django.db import connection
from django_tasks import default_task_backend


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def task_backend_ok() -> bool:
    """The backend answers: for the database backend its table can be read."""
    try:
        backend = default_task_backend
        if backend.__class__.__name__ == "DatabaseBackend":
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.exists()
        elif backend.__class__.__name__ == "RQBackend":
            from django_rq import get_connection

            get_connection("default").ping()
        return True
    except Exception:
        return False
