from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from pendel.accounts.links import PASSWORD_RESET
from pendel.accounts.models import User
from pendel.accounts.tasks import account_link_mail
from pendel.core.tasks import enqueue_after_commit


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "language"]


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    next = forms.CharField(required=False)


class QueuedPasswordResetForm(PasswordResetForm):
    """Sends the reset mail through the task queue, after the request has committed. The
    task gets the user's id: the link is made when it sends (pendel/accounts/links.py), so
    the task table never holds a working link."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        enqueue_after_commit(
            account_link_mail,
            user_id=context["user"].pk,
            kind=PASSWORD_RESET,
            language=translation.get_language() or "",
        )
