"""Background work of the employee lists: reading a large uploaded file. Tasks take ids and
are safe to run twice; `uploads.py` queues them."""

from django.conf import settings
from django.utils.translation import gettext

from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying
from pendel.employees.services import employee_import_read


@retrying
def employee_import_read_task(*, import_id: int) -> None:
    employee_import_read(import_id=import_id, seconds=settings.EMPLOYEE_IMPORT_READ_SECONDS)


describe_task(
    employee_import_read_task,
    lambda kwargs: [gettext("Reading an uploaded employee file") for _args in kwargs],
)
