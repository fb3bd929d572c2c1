"""Receiving an employee file: a small one is read at once (the preview follows the upload),
a large one by a background task within a time limit, while the page says it is being read.

What a workbook unpacks to decides, not its size on disk: a zip bomb is refused here, at
once, before anything is kept.
"""

from django.conf import settings

from pendel.core.tasks import enqueue_after_commit
from pendel.employees import services
from pendel.employees.models import EmployeeImport
from pendel.employees.reading import MAX_BYTES, FileError, work_size
from pendel.employees.tasks import employee_import_read_task


def employee_import_upload(*, location, actor, upload) -> EmployeeImport:
    """An import with its preview, or (for a large file) one being read. Raises FileError
    when the file is refused at once; then nothing is stored."""
    if upload.size > MAX_BYTES:
        raise FileError("too_large", max=MAX_BYTES // (1024 * 1024))
    content = upload.read()
    upload.seek(0)
    if work_size(content, filename=upload.name) <= settings.EMPLOYEE_IMPORT_BACKGROUND_BYTES:
        return services.employee_import_prepare(location=location, actor=actor, upload=upload)
    employee_import = services.employee_import_receive(
        location=location, actor=actor, upload=upload
    )
    enqueue_after_commit(employee_import_read_task, import_id=employee_import.pk)
    return employee_import
