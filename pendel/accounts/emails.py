"""Mail from the accounts app: invitations with a link to choose a password."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from pendel.accounts.models import User
from pendel.core.tasks import enqueue_after_commit, send_email


def invitation_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:invitation", args=[uid, token])


def send_templated(*, to: str, language: str, template: str, context: dict) -> None:
    """Render subject and body in the recipient's language; send after commit via a task."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context).strip()
        body = render_to_string(f"{template}_body.txt", context)
    enqueue_after_commit(send_email, to=[to], subject=subject, body=body)


def send_invitation(*, user: User, organisation: str, programme: str, inviter: str) -> None:
    context = {
        "user": user,
        "organisation": organisation,
        "programme": programme,
        "inviter": inviter,
        "link": invitation_link(user),
        "site_url": settings.SITE_URL,
    }
    send_templated(
        to=user.email, language=user.language, template="emails/invitation", context=context
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
