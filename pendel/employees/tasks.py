"""Background work of the employee lists: reading a large uploaded file. Tasks take ids and
are safe to run twice; `uploads.py` queues them."""

from django.conf import settings
from django.utils.translation import gettext

from pendel.core.leases import leased
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying
from pendel.employees.models import EmployeeImport
from pendel.employees.services import employee_import_abandon, employee_import_read


# The reading does not renew its lease: it stops after EMPLOYEE_IMPORT_READ_SECONDS, well
# within LEASE_SECONDS. A worker that died while reading: the sweep queues it again.
@retrying
@leased(EmployeeImport, "import_id", on_give_up=employee_import_abandon)
def employee_import_read_task(*, import_id: int) -> None:
    employee_import_read(import_id=import_id, seconds=settings.EMPLOYEE_IMPORT_READ_SECONDS)


describe_task(
    employee_import_read_task,
    lambda kwargs: [gettext("Reading an uploaded employee file") for _args in kwargs],
)
