"""Emission factors as data: versioned sets of factors per country and survey mode, and the
set each region's reports use. No factor value lives in code (see data/README.md)."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.surveys.choices import Mode

HOME_OFFICE = "home_office"
# The survey's modes of travel, and the day worked at home (teleworking, optional in
# GHG Protocol category 7).
FACTOR_MODES = [*Mode.choices, (HOME_OFFICE, _("Home-office day"))]
DEFAULT_WORKING_WEEKS = 46


class Unit(models.TextChoices):
    PER_PKM = "kg_co2e_per_pkm", _("kg CO2e per passenger-km")
    PER_DAY = "kg_co2e_per_day", _("kg CO2e per home-office day")


class Boundary(models.TextChoices):
    WTW = "WTW", _("Well-to-wheel")
    TTW = "TTW", _("Tank-to-wheel (exhaust only)")
    LCA = "LCA", _("Life cycle")
    UNKNOWN = "unknown", _("Not stated by the source")


class EmissionFactorSet(models.Model):
    """One published list of factors, imported once and never edited: a new version is a
    new set. `country` is blank for a set that covers several countries (the bundled one);
    `fallback_scope` names the rows that stand in where a country has no factor."""

    name = models.CharField(_("name"), max_length=160)
    version = models.CharField(_("version"), max_length=40)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        help_text=_("The country the set is for; blank for a set covering several countries."),
    )
    fallback_scope = models.CharField(
        _("fallback rows"),
        max_length=20,
        blank=True,
        help_text=_("Rows of this scope are used where a country has no factor of its own."),
    )
    source = models.TextField(_("source"))
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    published_year = models.PositiveSmallIntegerField(
        _("year published"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    confirmed = models.BooleanField(
        _("confirmed"), default=False, help_text=_("Every factor checked in its primary source.")
    )
    is_default = models.BooleanField(_("default"), default=False)
    note = models.TextField(_("note"), blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("emission factor set")
        verbose_name_plural = _("emission factor sets")
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="factor_set_version_unique"),
            # One default per country, and one among the sets covering several countries.
            models.UniqueConstraint(
                fields=["country"], condition=Q(is_default=True), name="factor_set_one_default"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.version}"

    def covers(self, country: str) -> bool:
        return not self.country or self.country == country


class EmissionFactor(models.Model):
    """One factor: kg CO2e per passenger-km (or per home-office day) for a mode in a country
    (or in the set's fallback scope, e.g. UK_DEFAULT)."""

    factor_set = models.ForeignKey(
        EmissionFactorSet,
        verbose_name=_("factor set"),
        on_delete=models.CASCADE,
        related_name="factors",
    )
    country = models.CharField(_("country or scope"), max_length=20)
    mode = models.CharField(_("mode"), max_length=20, choices=FACTOR_MODES)
    value = models.DecimalField(_("kg CO2e"), max_digits=10, decimal_places=6)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    boundary = models.CharField(
        _("boundary"), max_length=10, choices=Boundary.choices, default=Boundary.WTW
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    confirmed = models.BooleanField(_("confirmed"), default=False)
    source = models.TextField(_("source"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("emission factor")
        verbose_name_plural = _("emission factors")
        ordering = ["country", "mode"]
        constraints = [
            models.UniqueConstraint(
                fields=["factor_set", "country", "mode"], name="factor_one_per_mode"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.mode}: {self.value} {self.unit}"


class ClimateSettings(models.Model):
    """A region's choices for its climate figures: the factor set its reports use (none:
    the country's default set) and the working weeks a year that turn a week into a year."""

    region = models.OneToOneField(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="climate_settings",
    )
    factor_set = models.ForeignKey(
        EmissionFactorSet,
        verbose_name=_("factor set"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    working_weeks = models.PositiveSmallIntegerField(
        _("working weeks a year"),
        default=DEFAULT_WORKING_WEEKS,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("Weeks a year people commute: 52 less holidays and public holidays."),
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
        verbose_name = _("climate settings")
        verbose_name_plural = _("climate settings")

    def __str__(self) -> str:
        return str(self.region)
