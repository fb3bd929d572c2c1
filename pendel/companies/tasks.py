"""Background work for companies, all by ids and safe to run twice: the invitation of an
existing account to become contact person, the application's confirmation mail, and removing
an application whose confirmation link expired unopened. Links' tokens are made when the mail
is sent and only their hashes are kept: the task table never holds a link."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from pendel.companies.confirmation import (
    application_confirmation_send,
    application_unconfirmed_delete,
)
from pendel.companies.models import ContactInvitation
from pendel.core.mail import mail_message, mail_render, mail_theme
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying
from pendel.core.tokens import new_token, token_hash


@retrying
def send_contact_invitation(*, invitation_id: int) -> None:
    invitation = (
        ContactInvitation.objects.select_related(
            "user", "location__organisation", "location__region", "invited_by"
        )
        .filter(pk=invitation_id, accepted_at__isnull=True, sent_at__isnull=True)
        .first()
    )
    if invitation is None:  # accepted, replaced or sent already: nothing to do twice
        return
    token = new_token()
    ContactInvitation.objects.filter(pk=invitation.pk).update(
        token_hash=token_hash(token), sent_at=timezone.now()
    )
    user = invitation.user
    context = {
        "user": user,
        "organisation": invitation.location.organisation.name,
        "programme": invitation.location.region.programme_name,
        "inviter": str(invitation.invited_by or ""),
        "link": settings.SITE_URL + reverse("company:contact_invitation", args=[token]),
        "expires_at": invitation.expires_at,
    }
    language = user.language or settings.LANGUAGE_CODE
    subject, body = mail_render("emails/contact_invitation", context, language)
    mail_message(
        to=[user.email],
        subject=subject,
        body=body,
        language=language,
        theme=mail_theme(invitation.location.region),
    ).send()


describe_task(
    send_contact_invitation,
    lambda kwargs: [gettext("Sending an invitation to become contact person") for _ in kwargs],
)


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
