"""The activity catalogue, each member location's yearly activity plan and the events that
carry the plan out, with sign-up and a waiting list (issue 15).

- ``ActivityType``: an entry of the catalogue, national (no region) or a region's own, with
  its name and description in four languages (``pendel.core.texts``).
- ``ActivityRules``: a region's rules for plans (how many activities, the survey's place,
  the yearly target); created with the defaults when first needed.
- ``ActivityPlan``: one plan per location and year, drafted by the contact person, approved
  by the advisor; ``PlannedActivity`` its lines (an activity type and a proposed month).
- ``Event``: an activity at a date, time and place, with capacity and the advisors
  responsible; usually carries out a planned activity of one location.
- ``SignUp``: an employee's place (or place on the waiting list) at an event, from the
  event's sign-up link, without a login.
- ``EventPhoto``: photos of a held event, kept only when the company consents.
- ``CalendarFeed``: a user's secret iCalendar subscription address, revocable.

Every row reaches its region in one join at most (DESIGN.md, Tenancy)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.core.models import TimeStampedModel
from pendel.core.texts import TranslatedTextField, missing_languages

NATIONAL_YEARLY_TARGET = 750  # activities a year across the programme (DOMAIN.md)


class Goal(models.TextChoices):
    MOTIVATE = "motivate", _("Motivate")
    INFORM = "inform", _("Inform")
    FACILITATE = "facilitate", _("Facilitate")


class ActivityType(TimeStampedModel):
    """An entry of the activity catalogue: national (no region) or a region's own."""

    TEXT_FIELDS = ("name", "description")

    code = models.SlugField(
        _("code"), max_length=40, help_text=_("Short and stable, e.g. bike-check.")
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="own_activity_types",
        help_text=_("Empty: part of the national catalogue."),
    )
    name = TranslatedTextField(_("name"))
    description = TranslatedTextField(_("description"))
    goal = models.CharField(_("goal"), max_length=12, choices=Goal.choices)
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(60 * 24 * 31)]
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("The usual number of places. Empty: no limit."),
    )
    cost = models.DecimalField(
        _("cost"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("What the company pays, in the region's currency, excluding VAT. Empty: free."),
    )
    leads_to = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("may lead to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The catalogue product this activity may lead to, e.g. e-bike leasing."),
    )
    is_survey = models.BooleanField(
        _("the travel survey"),
        default=False,
        help_text=_("The compulsory travel survey's place in the plan."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order in lists"), default=100)

    class Meta:
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")
        ordering = ["sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(region__isnull=True),
                name="activity_type_national_code",
            ),
            models.UniqueConstraint(
                fields=["region", "code"],
                condition=Q(region__isnull=False),
                name="activity_type_region_code",
            ),
        ]

    def __str__(self) -> str:
        return self.get_name_display() or self.code

    def fallback_language(self) -> str | None:
        return self.region.default_language if self.region_id else None

    def missing_languages(self) -> list[str]:
        return missing_languages(self.name)

    @property
    def is_national(self) -> bool:
        return self.region_id is None


class SurveyPlace(models.TextChoices):
    INCLUDED = "included", _("The survey is one of the plan's activities")
    EXTRA = "extra", _("The survey comes on top of the plan's activities")


class ActivityRules(models.Model):
    """A region's rules for activity plans; created with the defaults when first needed."""

    region = models.OneToOneField(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="activity_rules",
    )
    activities_per_plan = models.PositiveSmallIntegerField(
        _("activities in a yearly plan"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    survey_place = models.CharField(
        _("the travel survey in the plan"),
        max_length=10,
        choices=SurveyPlace.choices,
        default=SurveyPlace.INCLUDED,
    )
    yearly_target = models.PositiveSmallIntegerField(
        _("activities a year (target)"),
        default=75,
        validators=[MinValueValidator(1), MaxValueValidator(10000)],
        help_text=_("The region's share of the national target of 750 activities a year."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("activity rules")
        verbose_name_plural = _("activity rules")

    def __str__(self) -> str:
        return str(self.region)


class ActivityPlan(TimeStampedModel):
    """A location's activity plan for one year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Sent to the advisor")
        APPROVED = "approved", _("Approved")

    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="activity_plans",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2020), MaxValueValidator(2100)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    advisor_comment = models.TextField(_("advisor's comment"), blank=True)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("activity plan")
        verbose_name_plural = _("activity plans")
        ordering = ["-year", "location__organisation__name", "location__name"]
        constraints = [
            models.UniqueConstraint(fields=["location", "year"], name="activity_plan_one_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.location} {self.year}"


class PlannedActivity(TimeStampedModel):
    """One line of a plan: an activity type and the month proposed for it."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Planned")
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(
        ActivityPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="lines"
    )
    activity_type = models.ForeignKey(
        ActivityType,
        verbose_name=_("activity"),
        on_delete=models.PROTECT,
        related_name="planned",
    )
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    wish = models.TextField(_("the company's wishes"), blank=True)
    comment = models.TextField(_("advisor's comment"), blank=True)

    class Meta:
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")
        ordering = ["plan", "month", "pk"]

    def __str__(self) -> str:
        return f"{self.activity_type} ({self.month})"


class Event(TimeStampedModel):
    """An activity at a date, time and place: a stand, a talk, a bike check…"""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="activity_events",
    )
    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activity_events",
        help_text=_("The workplace it is held for. Empty: open to several members."),
    )
    planned = models.ForeignKey(
        PlannedActivity,
        verbose_name=_("planned activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    activity_type = models.ForeignKey(
        ActivityType, verbose_name=_("activity"), on_delete=models.PROTECT, related_name="events"
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=200)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: no limit, no waiting list."),
    )
    advisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advisors responsible"),
        blank=True,
        related_name="activity_events",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED, db_index=True
    )
    cancelled_reason = models.CharField(_("why it was cancelled"), max_length=300, blank=True)
    signup_code = models.CharField(
        _("sign-up code"),
        max_length=43,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The secret part of the sign-up link the contact person shares."),
    )
    signup_open = models.BooleanField(_("sign-up open"), default=True)
    walk_ins = models.PositiveIntegerField(_("attended without signing up"), default=0)
    outcome_note = models.TextField(_("outcome"), blank=True)
    photo_consent = models.BooleanField(_("the company consents to photos"), default=False)
    held_recorded_at = models.DateTimeField(_("attendance recorded"), null=True, blank=True)
    reminders_sent_at = models.DateTimeField(_("reminders sent"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_type} {self.starts_at:%Y-%m-%d}"


class SignUp(models.Model):
    """An employee's place at an event, or their place on its waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Has a place")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        Event, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="signups"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    consent_contact = models.BooleanField(_("may be contacted about this activity"), default=False)
    language = models.CharField(
        _("language"), max_length=8, blank=True, help_text=_("The language of their mail.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, db_index=True)
    cancel_token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("moved up from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="signup_one_open_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"


def event_photo_path(photo, filename: str) -> str:
    return f"activities/{photo.event_id}/{filename}"


class EventPhoto(models.Model):
    """A photo from a held event, kept only with the company's consent."""

    event = models.ForeignKey(
        Event, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("photo"), upload_to=event_photo_path)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["event", "created_at"]

    def __str__(self) -> str:
        return self.caption or self.image.name


class CalendarFeed(models.Model):
    """A user's secret iCalendar subscription address (the secret is stored as a hash; a
    revoked feed answers 404)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last read"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(revoked_at__isnull=True), name="calendar_feed_one_live"
            )
        ]

    def __str__(self) -> str:
        return str(self.user)
