"""Background work for companies: the application's confirmation mail, and removing an
application whose confirmation link expired unopened. Both take ids and are safe to run
twice."""

from django.utils.translation import gettext

from pendel.companies.confirmation import (
    application_confirmation_send,
    application_unconfirmed_delete,
)
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying


@retrying
def application_confirmation_mail(*, application_id: int) -> bool:
    return application_confirmation_send(application_id=application_id)


@retrying
def application_unconfirmed_purge(*, application_id: int) -> int:
    return application_unconfirmed_delete(application_id=application_id)


describe_task(
    application_confirmation_mail,
    lambda kwargs: [gettext("Sending the link that confirms an application's email")] * len(kwargs),
)
describe_task(
    application_unconfirmed_purge,
    lambda kwargs: (
        [gettext("Removing an application whose email was never confirmed")] * len(kwargs)
    ),
)
