"""The survey's mail: the invitation and the reminders, in the invitation's language."""

from django.conf import settings
from django.urls import reverse

from pendel.core.mail import mail_message, mail_render, mail_theme
from pendel.surveys.models import MIN_GROUP_SIZE_FLOOR, Invitation, Wave
from pendel.surveys.selectors import survey_settings_for


def survey_link(token: str) -> str:
    return settings.SITE_URL + reverse("survey:start", args=[token])


def min_group_size(wave: Wave) -> int:
    """The region's smallest group shown (never under the floor), read once per wave object:
    a batch sends every mail of one wave."""
    if not hasattr(wave, "_min_group_size"):
        settings_row = survey_settings_for(wave.location.region)
        wave._min_group_size = max(settings_row.min_group_size, MIN_GROUP_SIZE_FLOOR)
    return wave._min_group_size


def survey_mail_render(*, wave: Wave, language: str, reminder: int, link: str) -> tuple[str, str]:
    """The subject and body of the invitation (reminder 0) or reminder n in `language`, with
    `link` in it: the mail task's real link, or the confirmation page's placeholder."""
    location = wave.location
    context = {
        "organisation": location.organisation.name,
        "programme": location.region.programme_name,
        "closes_on": wave.closes_on,
        "link": link,
        "reminder": reminder,
        "kind": wave.kind,
        "min_group_size": min_group_size(wave),
    }
    template = "surveys/emails/reminder" if reminder else "surveys/emails/invitation"
    return mail_render(template, context, language or location.region.default_language)


def survey_message(
    *, invitation: Invitation, wave: Wave, reminder: int, token: str, connection=None
):
    """The mail for one invitation: the first invitation (reminder 0) or reminder n, with
    the link of `token` (a new one for each mail, pendel/surveys/links.py)."""
    region = wave.location.region
    language = invitation.language or region.default_language
    subject, body = survey_mail_render(
        wave=wave, language=language, reminder=reminder, link=survey_link(token)
    )
    return mail_message(
        to=[invitation.email],
        subject=subject,
        body=body,
        language=language,
        theme=mail_theme(region),
        connection=connection,
    )
