"""Confirming an application's contact e-mail before anyone gets its text.

A public application could otherwise make Pendel mail any address (the applicant's receipt)
and every advisor of a region with text a stranger chose. So the form's only mail is a link
to the address given, with nothing from the form in it; staff see the application, and the
receipt and the staff notification go out, once the link is opened (`application_confirm`).

The link's token exists only in that mail: the task that sends it makes the token, and the
database keeps its SHA-256. The task is queued with the application's id, so no token is
ever in the task table either. Nothing here queues a task.
"""

import zoneinfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from pendel.companies.models import Application
from pendel.core.mail import mail_message, mail_render, mail_theme
from pendel.core.tokens import new_token, token_hash


def unconfirmed(region_id: int | None = None):
    """Applications whose link is still valid and not yet opened."""
    applications = Application.objects.filter(
        email_confirmed_at__isnull=True, confirmation_expires_at__gt=timezone.now()
    )
    return applications if region_id is None else applications.filter(region_id=region_id)


def application_confirmation_send(*, application_id: int) -> bool:
    """Make a fresh token, keep its hash, mail the link. Sent again (a retried task), the
    newer link is the one that works."""
    application = unconfirmed().select_related("region").filter(pk=application_id).first()
    if application is None:
        return False  # confirmed or expired meanwhile
    token = new_token()
    Application.objects.filter(pk=application.pk, email_confirmed_at__isnull=True).update(
        confirmation_token_hash=token_hash(token)
    )
    region = application.region
    context = {
        "programme": region.programme_name,
        "link": settings.SITE_URL
        + reverse("portal:application_confirm", args=[region.slug, token]),
        "valid_until": timezone.localtime(
            application.confirmation_expires_at, zoneinfo.ZoneInfo(region.time_zone)
        ),
    }
    language = application.language or settings.LANGUAGE_CODE
    subject, body = mail_render("emails/application_confirm", context, language)
    mail_message(
        to=[application.contact_email],
        subject=subject,
        body=body,
        language=language,
        theme=mail_theme(region),
    ).send()
    return True


def application_unconfirmed_delete(*, application_id: int | None = None) -> int:
    """Delete unconfirmed applications whose link has expired (one, or all of them)."""
    expired = Application.objects.filter(
        email_confirmed_at__isnull=True, confirmation_expires_at__lte=timezone.now()
    )
    if application_id is not None:
        expired = expired.filter(pk=application_id)
    return expired.delete()[0]
