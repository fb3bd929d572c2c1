"""A survey wave at one location and the invitations it froze at dispatch."""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.core.dates import region_start_of, region_today
from pendel.core.models import TimeStampedModel

REMINDER_SLOTS = (1, 2, 3)


class Wave(TimeStampedModel):
    """One round of the travel survey at a location: baseline first, then yearly follow-ups.

    At dispatch it freezes the template version, the region's extra questions, the
    location's departments and one invitation per active employee with an email address."""

    class Kind(models.TextChoices):
        BASELINE = "baseline", _("Baseline survey")
        FOLLOW_UP = "follow_up", _("Follow-up survey")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not sent yet")
        SCHEDULED = "scheduled", _("Sent, opens later")
        OPEN = "open", _("Open")
        DUE = "due", _("Close date passed")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        QUALIFIED = "qualified", _("Threshold met: the membership is qualified")
        MET = "met", _("Threshold met")
        BELOW = "below", _("Below the threshold")

    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="survey_waves",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    original_closes_on = models.DateField(_("first close date"), null=True, blank=True)
    reminder_1_on = models.DateField(_("first reminder"), null=True, blank=True)
    reminder_2_on = models.DateField(_("second reminder"), null=True, blank=True)
    reminder_3_on = models.DateField(_("extra reminder"), null=True, blank=True)
    template_version = models.ForeignKey(
        "surveys.TemplateVersion",
        verbose_name=_("template version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="waves",
    )
    region_questions = models.ManyToManyField(
        "surveys.Question", verbose_name=_("the region's questions"), blank=True, related_name="+"
    )
    departments = models.JSONField(_("departments"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dispatched_at = models.DateTimeField(_("sent"), null=True, blank=True)
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    extended_at = models.DateTimeField(_("extended"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    threshold_percent = models.PositiveSmallIntegerField(_("threshold"), null=True, blank=True)
    answered_at_close = models.PositiveIntegerField(_("answered"), null=True, blank=True)
    delivered_at_close = models.PositiveIntegerField(_("delivered"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-opens_on", "-id"]
        indexes = [models.Index(fields=["location", "kind", "closed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="wave_closes_after_opening"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.opens_on:%Y-%m-%d} ({self.location})"

    @property
    def region(self):
        return self.location.region

    @property
    def is_dispatched(self) -> bool:
        return self.dispatched_at is not None

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def is_extended(self) -> bool:
        return self.extended_at is not None

    def status_on(self, today: date) -> str:
        if self.closed_at:
            return self.Status.CLOSED
        if not self.dispatched_at:
            return self.Status.DRAFT
        if today < self.opens_on:
            return self.Status.SCHEDULED
        if today > self.closes_on:
            return self.Status.DUE
        return self.Status.OPEN

    @property
    def status(self) -> str:
        return self.status_on(region_today(self.location.region))

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    def accepts_answers_on(self, today: date) -> bool:
        return self.status_on(today) == self.Status.OPEN

    def reminder_dates(self) -> dict[int, date]:
        dates = {n: getattr(self, f"reminder_{n}_on") for n in REMINDER_SLOTS}
        return {n: day for n, day in dates.items() if day}

    def close_after(self) -> datetime:
        """When the close task may run: the start of the day after the close date."""
        return region_start_of(self.location.region, self.closes_on + timedelta(days=1))


class Invitation(models.Model):
    """One employee's invitation to one wave. The token in its links (InvitationLink)
    identifies the invitation, not the person; the employee's email, language, department
    and age group are copied at dispatch, so the list stays as it was.

    It closes for its employee from `closed_on` (the last working day, or the day the
    person's data was erased): no answers, no reminders, out of the response rate."""

    class ClosedReason(models.TextChoices):
        ENDED = "ended", _("The employment ended")
        ERASED = "erased", _("The employee's data was erased")

    wave = models.ForeignKey(
        Wave, verbose_name=_("survey"), on_delete=models.CASCADE, related_name="invitations"
    )
    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    employee = models.ForeignKey(
        "employees.Employee",
        verbose_name=_("employee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_invitations",
    )
    email = models.EmailField(_("email address"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    department = models.CharField(_("department"), max_length=100, blank=True)
    age_group = models.CharField(_("age group"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    undelivered_at = models.DateTimeField(_("undelivered"), null=True, blank=True)
    undelivered_reason = models.CharField(_("reason"), max_length=200, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reminder_1_sent_at = models.DateTimeField(_("first reminder sent"), null=True, blank=True)
    reminder_2_sent_at = models.DateTimeField(_("second reminder sent"), null=True, blank=True)
    reminder_3_sent_at = models.DateTimeField(_("extra reminder sent"), null=True, blank=True)
    closed_on = models.DateField(_("closed for the employee from"), null=True, blank=True)
    closed_reason = models.CharField(
        _("why it closed"),
        max_length=10,
        choices=ClosedReason.choices,
        blank=True,
        db_default="",  # dispatch inserts invitations with a list of columns
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["id"]
        indexes = [models.Index(fields=["wave", "answered_at", "undelivered_at"])]

    def __str__(self) -> str:
        # Never the token or the address: this is what logs and the admin show.
        return f"Invitation #{self.pk}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    @property
    def is_delivered(self) -> bool:
        return self.undelivered_at is None

    def is_closed_on(self, today: date) -> bool:
        """Closed for its employee (ended or erased) on that day of the region."""
        return self.closed_on is not None and self.closed_on <= today


class InvitationLink(models.Model):
    """One link mailed for an invitation. Each mail (the invitation, every reminder) carries
    a new random token, and only the token's SHA-256 is kept, like a password: the table, a
    backup or a task's arguments open no survey. Every link of an invitation opens it for as
    long as the wave takes answers (pendel/surveys/links.py)."""

    invitation = models.ForeignKey(
        Invitation, verbose_name=_("invitation"), on_delete=models.CASCADE, related_name="links"
    )
    token_hash = models.CharField(_("token (SHA-256)"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    used_at = models.DateTimeField(_("first opened"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey link")
        verbose_name_plural = _("survey links")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Link #{self.pk} of invitation #{self.invitation_id}"


def invitations_open_on(today: date) -> Q:
    """The invitations not closed for their employee on that day."""
    return Q(closed_on__isnull=True) | Q(closed_on__gt=today)
