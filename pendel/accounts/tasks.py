"""Background work of the accounts app."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from pendel.accounts.forms import QueuedPasswordResetForm
from pendel.core.task_descriptions import describe_task
from pendel.core.tasks import retrying


@retrying
def password_reset_request(*, email: str, language: str = "") -> None:
    """Look the address up and send the reset link, or do nothing when nobody (active, with
    a password) has it. The form queues one of these for every request, known address or
    not, so that its answer takes the same time either way."""
    form = QueuedPasswordResetForm({"email": email})
    if not form.is_valid():
        return
    user = next(iter(form.get_users(form.cleaned_data["email"])), None)
    if user is None:
        return
    site = urlsplit(settings.SITE_URL)
    with translation.override(user.language or language or settings.LANGUAGE_CODE):
        form.save(domain_override=site.netloc, use_https=site.scheme == "https")


describe_task(
    password_reset_request,
    lambda kwargs: (
        [gettext("Sending a password reset link, if the address is known")] * len(kwargs)
    ),
)
