"""Mail with a link that carries a secret: the invitation to choose a password and the
password reset.

Both links hold a token from Django's token generator: an HMAC, under SECRET_KEY, of the
user's id, password hash, last login and the time. It is stored nowhere (there is nothing to
hash at rest), works until the password is set or PASSWORD_RESET_TIMEOUT passes, and is made
here, when the mail task runs: the task's arguments hold the user's id and plain words only,
so the task table never holds a working link. The links use SITE_URL, never the request's
Host header."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from pendel.accounts.models import User
from pendel.core.mail import MailTheme, ThemedMail, mail_message, mail_render

INVITATION = "invitation"
PASSWORD_RESET = "password_reset"
LINK_VIEWS = {INVITATION: "accounts:invitation", PASSWORD_RESET: "accounts:password_reset_confirm"}
TEMPLATES = {INVITATION: "emails/invitation", PASSWORD_RESET: "registration/password_reset"}


def account_link(user: User, kind: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse(LINK_VIEWS[kind], args=[uid, token])


def account_link_message(
    *, user: User, kind: str, language: str, context: dict, theme: dict | None = None
) -> ThemedMail:
    """The mail of that kind for the user, with a link made now, in the programme's theme
    (an invitation) or Pendel's (a password reset: no region)."""
    context = {
        **context,
        "user": user,
        "email": user.email,
        "link": account_link(user, kind),
        "site_url": settings.SITE_URL,
    }
    language = language or user.language or settings.LANGUAGE_CODE
    subject, body = mail_render(TEMPLATES[kind], context, language)
    return mail_message(
        to=[user.email],
        subject=subject,
        body=body,
        language=language,
        theme=MailTheme(**theme) if theme else None,
    )
