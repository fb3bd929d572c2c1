"""A region's certification (issue 16): tiers with the rules a member must meet in a year,
and each member location's yearly evaluation against them.

- ``Tier``: e.g. approved / good / very good / excellent, named in four languages
  (``pendel.core.texts``), ranked by ``rank`` (higher is better), with its rules: the
  response rate of the year's survey, activities held in the year, the car share's fall
  against the baseline (percentage points), and the year's activity plan approved. A rule
  left empty does not apply.
- ``Evaluation``: one per location and year. The figures found (``facts``), each tier's
  rule outcomes at the time (``outcomes``) and the highest tier whose rules all pass
  (``proposed_tier``). Only an advisor's confirmation certifies (``status`` confirmed,
  ``confirmed_tier``); a confirmed certification can be revoked.

Every row reaches its region in one join at most (DESIGN.md, Tenancy)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.core.models import TimeStampedModel
from pendel.core.texts import TranslatedTextField, missing_languages


class RateRule(models.TextChoices):
    NONE = "", _("Not a rule")
    THRESHOLD = "threshold", _("The survey's threshold met")
    MINIMUM = "minimum", _("At least the response rate set below")


class Tier(TimeStampedModel):
    """A level of the region's certification and the rules that reach it."""

    TEXT_FIELDS = ("name",)

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="certification_tiers",
    )
    name = TranslatedTextField(_("name"))
    rank = models.PositiveSmallIntegerField(
        _("rank"),
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("1 is the first tier; a higher number is a higher tier."),
    )
    rate_rule = models.CharField(
        _("response rate"), max_length=10, choices=RateRule.choices, blank=True, default=""
    )
    rate_minimum = models.PositiveSmallIntegerField(
        _("response rate at least (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    activities_minimum = models.PositiveSmallIntegerField(
        _("activities held in the year, at least"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Empty: not a rule."),
    )
    car_share_reduction = models.DecimalField(
        _("car share down against the baseline, at least (percentage points)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Empty: not a rule."),
    )
    plan_approved = models.BooleanField(_("the year's activity plan approved"), default=False)

    class Meta:
        verbose_name = _("certification tier")
        verbose_name_plural = _("certification tiers")
        ordering = ["region", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["region", "rank"], name="certification_tier_rank")
        ]

    def __str__(self) -> str:
        return self.get_name_display() or str(self.rank)

    def fallback_language(self) -> str | None:
        return self.region.default_language

    def missing_languages(self) -> list[str]:
        return missing_languages(self.name)

    @property
    def has_rules(self) -> bool:
        return bool(
            self.rate_rule
            or self.activities_minimum
            or self.car_share_reduction is not None
            or self.plan_approved
        )


class Evaluation(TimeStampedModel):
    """A member location's evaluation for one year, and the advisor's decision on it."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for the advisor")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")
        REVOKED = "revoked", _("Revoked")

    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="certification_evaluations",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2020), MaxValueValidator(2100)]
    )
    facts = models.JSONField(_("figures found"), default=dict, blank=True)
    outcomes = models.JSONField(_("rules per tier"), default=list, blank=True)
    proposed_tier = models.ForeignKey(
        Tier,
        verbose_name=_("proposed tier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evaluated_at = models.DateTimeField(_("evaluated"))
    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("evaluated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    confirmed_tier = models.ForeignKey(
        Tier,
        verbose_name=_("tier confirmed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("certification evaluation")
        verbose_name_plural = _("certification evaluations")
        ordering = ["-year", "location__organisation__name", "location__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["location", "year"], name="certification_evaluation_one_per_year"
            ),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_tier__isnull=False),
                name="certification_confirmed_has_tier",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.location} {self.year}"

    @property
    def is_decided(self) -> bool:
        return self.status != self.Status.PROPOSED

    @property
    def is_certified(self) -> bool:
        return self.status == self.Status.CONFIRMED
