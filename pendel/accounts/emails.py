"""Mail from the accounts app: invitations with a link to choose a password, and mail
without a secret rendered now and sent through the task queue."""

from django.conf import settings
from django.urls import reverse

from pendel.accounts.links import INVITATION
from pendel.accounts.models import User
from pendel.accounts.tasks import account_link_mail
from pendel.core.mail import mail_render, mail_theme
from pendel.core.tasks import enqueue_after_commit, send_email


def send_templated(*, to: str, language: str, template: str, context: dict, region=None) -> None:
    """Render subject and body in the recipient's language; send after commit via a task,
    in the region's theme (Pendel's without one). The rendered text sits in the task's
    arguments: never for a link that carries a secret (those go through
    `account_link_mail`)."""
    language = language or settings.LANGUAGE_CODE
    subject, body = mail_render(template, context, language)
    enqueue_after_commit(
        send_email,
        to=[to],
        subject=subject,
        body=body,
        language=language,
        theme=mail_theme(region).as_dict(),
    )


def send_invitation(*, user: User, organisation: str, region, inviter: str) -> None:
    """After commit: the invitation, with its link made when the task sends it."""
    context = {"organisation": organisation, "programme": region.programme_name, "inviter": inviter}
    enqueue_after_commit(
        account_link_mail,
        user_id=user.pk,
        kind=INVITATION,
        language=user.language,
        context=context,
        theme=mail_theme(region).as_dict(),
    )


def send_access_granted(*, user: User, organisation: str, region) -> None:
    context = {
        "user": user,
        "organisation": organisation,
        "programme": region.programme_name,
        "link": settings.SITE_URL + reverse("accounts:login"),
    }
    send_templated(
        to=user.email,
        language=user.language,
        template="emails/access_granted",
        context=context,
        region=region,
    )
