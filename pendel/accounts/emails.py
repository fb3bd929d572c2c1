"""Mail from the accounts app: invitations with a link to choose a password, and mail
without a secret rendered now and sent through the task queue."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from pendel.accounts.links import INVITATION
from pendel.accounts.models import User
from pendel.accounts.tasks import account_link_mail
from pendel.core.tasks import enqueue_after_commit, send_email


def send_templated(*, to: str, language: str, template: str, context: dict) -> None:
    """Render subject and body in the recipient's language; send after commit via a task.
    The rendered text sits in the task's arguments: never for a link that carries a secret
    (those go through `account_link_mail`)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    enqueue_after_commit(send_email, to=[to], subject=subject, body=body)


def send_invitation(*, user: User, organisation: str, programme: str, inviter: str) -> None:
    """After commit: the invitation, with its link made when the task sends it."""
    context = {"organisation": organisation, "programme": programme, "inviter": inviter}
    enqueue_after_commit(
        account_link_mail, user_id=user.pk, kind=INVITATION, language=user.language, context=context
    )


def send_access_granted(*, user: User, organisation: str, programme: str) -> None:
    context = {
        "user": user,
        "organisation": organisation,
        "programme": programme,
        "link": settings.SITE_URL + reverse("accounts:login"),
    }
    send_templated(
        to=user.email, language=user.language, template="emails/access_granted", context=context
    )
