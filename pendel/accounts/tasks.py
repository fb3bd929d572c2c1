"""Background work for accounts: mail with a link that carries a secret. The task takes
the user's id; the link is made when it runs (pendel/accounts/links.py)."""

from django.contrib.auth.forms import PasswordResetForm
from django.utils.translation import gettext

from pendel.accounts.links import INVITATION, LINK_VIEWS, PASSWORD_RESET, account_link_message
from pendel.accounts.models import User
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying


@retrying
def account_link_mail(
    *,
    user_id: int,
    kind: str,
    language: str = "",
    context: dict | None = None,
    theme: dict | None = None,
) -> bool:
    """Mail the user an invitation (kind "invitation") or a password reset link
    ("password_reset"). `context` holds plain words for the text (names), never a link;
    `theme` the programme's mail theme (`MailTheme.as_dict()`). Whether it was sent: a
    reset goes to active accounts only."""
    user = User.objects.filter(pk=user_id).first()
    if user is None or kind not in LINK_VIEWS:
        return False
    if kind == PASSWORD_RESET and not (user.is_active and user.has_usable_password()):
        return False
    message = account_link_message(
        user=user, kind=kind, language=language, context=context or {}, theme=theme
    )
    message.send()
    return True


def _describe(kwargs: list[dict]) -> list[str]:
    return [
        gettext("Sending an invitation to choose a password")
        if args.get("kind") == INVITATION
        else gettext("Sending a link to choose a new password")
        for args in kwargs
    ]


describe_task(account_link_mail, _describe)


@retrying
def password_reset_request(*, email: str, language: str = "") -> None:
    """Look the address up and mail a reset link, or do nothing when nobody (active, with a
    password) has it. The reset form queues one of these for every request, known address or
    not, so that its answer takes the same time either way; the link is made here."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    user = next(iter(form.get_users(form.cleaned_data["email"])), None)
    if user is None:
        return
    account_link_message(
        user=user, kind=PASSWORD_RESET, language=user.language or language, context={}
    ).send()


describe_task(
    password_reset_request,
    lambda kwargs: (
        [gettext("Sending a password reset link, if the address is known")] * len(kwargs)
    ),
)
