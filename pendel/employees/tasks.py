"""Background work of the employee lists: reading a large uploaded file. Tasks take ids and
are safe to run twice; `uploads.py` queues them."""

from django.conf import settings
from django.utils.translation import gettext

from pendel.core.leases import leased
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying
from pendel.employees.models import EmployeeImport
from pendel.employees.services import employee_import_abandon, employee_import_read


def _lease_seconds() -> float:
    """The reading cannot renew its lease: it is given the time the reading may take."""
    return max(settings.LEASE_SECONDS, 2 * settings.EMPLOYEE_IMPORT_READ_SECONDS)


# A worker that died while reading the file: the sweep queues the reading again.
@retrying
@leased(EmployeeImport, "import_id", seconds=_lease_seconds, on_give_up=employee_import_abandon)
def employee_import_read_task(*, import_id: int) -> None:
    employee_import_read(import_id=import_id, seconds=settings.EMPLOYEE_IMPORT_READ_SECONDS)


describe_task(
    employee_import_read_task,
    lambda kwargs: [gettext("Reading an uploaded employee file") for _args in kwargs],
)
