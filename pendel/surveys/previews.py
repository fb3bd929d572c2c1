"""What sending a wave or a reminder will do, shown before staff confirm: how many get the
mail, who is left out and why, and each language's mail as it will be rendered. The link in
the preview is a placeholder, never a real token (tokens are made as each mail is sent).

The digest fingerprints the numbers shown: the confirmation goes ahead only when they are
still the same, so a stale page or a second click sends nothing unseen."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext, override

from pendel.core.dates import region_today
from pendel.core.forms import confirmation_digest
from pendel.employees.models import Employee
from pendel.surveys.emails import survey_mail_render
from pendel.surveys.models import REMINDER_SLOTS, Invitation, Wave
from pendel.surveys.models.waves import invitations_open_on
from pendel.surveys.sending import pending


@dataclass
class MailPreview:
    language: str
    language_name: str
    recipients: int
    subject: str
    body: str


@dataclass
class SendPreview:
    wave: Wave
    reminder: int  # 0: the invitation
    recipients: int
    left_out: list[tuple[str, int]]
    mails: list[MailPreview] = field(default_factory=list)

    @property
    def digest(self) -> str:
        languages = [(mail.language, mail.recipients) for mail in self.mails]
        return confirmation_digest("survey-send", self.wave.pk, self.reminder, languages)


def placeholder_link(language: str) -> str:
    """Clearly not a link anyone could open: each mail gets its own when it is sent."""
    with override(language):
        return "[" + gettext("the employee's personal link, made when the mail is sent") + "]"


def _mails(wave: Wave, reminder: int, counts: dict[str, int]) -> list[MailPreview]:
    names = dict(settings.LANGUAGES)
    mails = []
    for language, recipients in sorted(counts.items()):
        subject, body = survey_mail_render(
            wave=wave, language=language, reminder=reminder, link=placeholder_link(language)
        )
        mails.append(
            MailPreview(language, str(names.get(language, language)), recipients, subject, body)
        )
    return mails


def _by_language(rows, default: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for language, count in rows:
        key = language or default
        counts[key] = counts.get(key, 0) + count
    return counts


def dispatch_preview(wave: Wave) -> SendPreview:
    """Who the invitation goes to: the location's current employees with an email."""
    region = wave.location.region
    today = region_today(region)
    employees = Employee.objects.filter(location=wave.location_id)
    active = Q(Q(end_date__isnull=True) | Q(end_date__gt=today), erased_at__isnull=True)
    left = employees.aggregate(
        no_email=Count("pk", filter=active & Q(email="")),
        ended=Count("pk", filter=Q(end_date__lte=today, erased_at__isnull=True)),
        erased=Count("pk", filter=Q(erased_at__isnull=False)),
    )
    rows = (
        employees.active(on=today)
        .exclude(email="")
        .values_list("language")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = _by_language(rows, region.default_language)
    left_out = [
        (gettext("No email address"), left["no_email"]),
        (gettext("Employment ended"), left["ended"]),
        (gettext("Personal data erased"), left["erased"]),
    ]
    return SendPreview(wave, 0, sum(counts.values()), left_out, _mails(wave, 0, counts))


def reminder_next(wave: Wave, today: date) -> int | None:
    """The reminder a "send a reminder now" uses: the first slot not yet due (no day, or a
    day still ahead). Its day becomes today; None when every slot has been used."""
    for number in REMINDER_SLOTS:
        day = getattr(wave, f"reminder_{number}_on")
        if day is None or day > today:
            return number
    return None


def reminder_preview(wave: Wave, reminder: int) -> SendPreview:
    """Who reminder n goes to: mailed, not answered, delivered and still open."""
    region = wave.location.region
    today = region_today(region)
    invitations = Invitation.objects.filter(wave=wave)
    unanswered = Q(answered_at__isnull=True)
    open_now = invitations_open_on(today)
    left = invitations.aggregate(
        answered=Count("pk", filter=~unanswered),
        ended=Count("pk", filter=unanswered & ~open_now & Q(closed_reason="ended")),
        erased=Count("pk", filter=unanswered & ~open_now & Q(closed_reason="erased")),
        undelivered=Count("pk", filter=unanswered & open_now & Q(undelivered_at__isnull=False)),
        not_mailed=Count(
            "pk",
            filter=unanswered & open_now & Q(undelivered_at__isnull=True, sent_at__isnull=True),
        ),
    )
    rows = (
        pending(wave.pk, reminder, today)
        .values_list("language")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = _by_language(rows, region.default_language)
    left_out = [
        (gettext("Already answered"), left["answered"]),
        (gettext("Employment ended"), left["ended"]),
        (gettext("Personal data erased"), left["erased"]),
        (gettext("Mail could not be delivered"), left["undelivered"]),
        (gettext("Invitation not sent yet"), left["not_mailed"]),
    ]
    return SendPreview(
        wave, reminder, sum(counts.values()), left_out, _mails(wave, reminder, counts)
    )
