"""Answers. The standard questions fill typed columns, so results are counted in SQL;
multiple-choice answers are rows of ResponseChoice; a region's own questions go to JSON."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from pendel.employees.models import AgeGroup
from pendel.surveys.choices import DAY_CHOICES, CarAccess, Mode, Parking

SENT = models.Q(submitted_at__isnull=False)
WEEKDAYS = [
    ("mode_mon", _("Monday")),
    ("mode_tue", _("Tuesday")),
    ("mode_wed", _("Wednesday")),
    ("mode_thu", _("Thursday")),
    ("mode_fri", _("Friday")),
]


class Response(models.Model):
    """One invitation's answers: a draft while it is being filled in, counted once sent."""

    invitation = models.OneToOneField(
        "surveys.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="response",
    )
    wave = models.ForeignKey(
        "surveys.Wave", verbose_name=_("survey"), on_delete=models.CASCADE, related_name="+"
    )
    location = models.ForeignKey(
        "companies.Location", verbose_name=_("location"), on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_step = models.PositiveSmallIntegerField(_("pages saved"), default=0)

    main_mode = models.CharField(_("main mode"), max_length=20, choices=Mode.choices, blank=True)
    distance_km = models.DecimalField(
        _("one-way distance (km)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    home_postcode = models.CharField(_("home postcode"), max_length=10, blank=True)
    mode_mon = models.CharField(_("Monday"), max_length=20, choices=DAY_CHOICES, blank=True)
    mode_tue = models.CharField(_("Tuesday"), max_length=20, choices=DAY_CHOICES, blank=True)
    mode_wed = models.CharField(_("Wednesday"), max_length=20, choices=DAY_CHOICES, blank=True)
    mode_thu = models.CharField(_("Thursday"), max_length=20, choices=DAY_CHOICES, blank=True)
    mode_fri = models.CharField(_("Friday"), max_length=20, choices=DAY_CHOICES, blank=True)
    days_office = models.PositiveSmallIntegerField(
        _("days at the workplace"), null=True, blank=True, validators=[MaxValueValidator(7)]
    )
    days_home = models.PositiveSmallIntegerField(
        _("days at home"), null=True, blank=True, validators=[MaxValueValidator(7)]
    )
    days_hub = models.PositiveSmallIntegerField(
        _("days at a hub"), null=True, blank=True, validators=[MaxValueValidator(7)]
    )
    car_access = models.CharField(
        _("access to a car"), max_length=12, choices=CarAccess.choices, blank=True
    )
    parking = models.CharField(
        _("parking at work"), max_length=10, choices=Parking.choices, blank=True
    )
    willingness = models.PositiveSmallIntegerField(
        _("willingness to change"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, blank=True
    )
    department = models.CharField(_("department"), max_length=100, blank=True)
    is_manager = models.BooleanField(_("manages people"), null=True, blank=True)
    extra = models.JSONField(_("other answers"), default=dict, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        # Partial covering indexes: only sent responses are in them (drafts cost nothing),
        # and each results query reads one of them instead of the table.
        indexes = [
            models.Index(fields=["wave", "submitted_at"]),
            models.Index(
                fields=["wave", "main_mode", "department", "age_group", "is_manager"],
                condition=SENT,
                name="response_crosstab_idx",
            ),
            models.Index(
                fields=["wave", "mode_mon", "mode_tue", "mode_wed", "mode_thu", "mode_fri"],
                condition=SENT,
                name="response_week_idx",
            ),
            models.Index(
                fields=[
                    "wave",
                    "car_access",
                    "parking",
                    "willingness",
                    "distance_km",
                    "days_office",
                    "days_home",
                    "days_hub",
                ],
                condition=SENT,
                name="response_profile_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"Response #{self.pk}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class ResponseChoice(models.Model):
    """One ticked option of a standard multiple-choice question. It carries its wave and
    whether its response has been sent, so results count it without a join."""

    response = models.ForeignKey(
        Response, verbose_name=_("response"), on_delete=models.CASCADE, related_name="choices"
    )
    wave = models.ForeignKey(
        "surveys.Wave", verbose_name=_("survey"), on_delete=models.CASCADE, related_name="+"
    )
    submitted = models.BooleanField(_("sent"), default=False)
    question = models.CharField(_("question"), max_length=40)
    value = models.CharField(_("answer"), max_length=40)

    class Meta:
        verbose_name = _("ticked option")
        verbose_name_plural = _("ticked options")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question", "value"], name="response_choice_unique"
            )
        ]
        indexes = [
            models.Index(
                fields=["wave", "question", "value"],
                condition=models.Q(submitted=True),
                name="response_choice_sent_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}={self.value}"
