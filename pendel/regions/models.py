from zoneinfo import available_timezones

from babel import Locale
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from pendel.core.money import babel_locale

LANGUAGE_CHOICES = settings.LANGUAGES


def validate_time_zone(value: str) -> None:
    if value not in available_timezones():
        raise ValidationError(_("%(zone)s is not a known time zone."), params={"zone": value})


class Country(models.Model):
    """A country Pendel runs in: its currency, languages and time zone."""

    code = models.CharField(
        _("country code"),
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Use the two-letter ISO code, e.g. NO."))],
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Use the three-letter ISO code, e.g. NOK."))],
    )
    default_language = models.CharField(
        _("default language"), max_length=8, choices=LANGUAGE_CHOICES
    )
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The country's name in the active language (from CLDR)."""
        return Locale.parse(babel_locale(translation.get_language())).territories.get(
            self.code, self.code
        )


class FeeBasis(models.TextChoices):
    NONE = "none", _("No fee")
    PER_EMPLOYEE_MONTH = "per_employee_month", _("Per employee per month")
    PER_EMPLOYEE_YEAR = "per_employee_year", _("Per employee per year")
    FIXED_MONTH = "fixed_month", _("Fixed amount per month")
    FIXED_YEAR = "fixed_year", _("Fixed amount per year")


class Region(models.Model):
    """A programme run by one public transport authority: the tenant."""

    slug = models.SlugField(_("short name"), unique=True)
    name = models.CharField(_("region"), max_length=120)
    programme_name = models.CharField(_("programme name"), max_length=160)
    transport_authority = models.CharField(_("public transport authority"), max_length=160)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="regions"
    )
    time_zone = models.CharField(_("time zone"), max_length=64, validators=[validate_time_zone])
    default_language = models.CharField(
        _("default language"), max_length=8, choices=LANGUAGE_CHOICES
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#0b5cad",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #0b5cad."))],
    )
    website = models.URLField(_("website"), blank=True)
    # Re-encoded on upload (pendel/core/logos.py, regions/services.py); public like the colour.
    logo = models.ImageField(_("logo"), upload_to="region-logos/", blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    fee_basis = models.CharField(
        _("membership fee"), max_length=24, choices=FeeBasis.choices, default=FeeBasis.NONE
    )
    fee_amount = models.DecimalField(
        _("fee amount"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("In the region's currency, excluding VAT."),
    )
    agreement_version = models.CharField(
        _("current cooperation agreement"),
        max_length=40,
        blank=True,
        help_text=_("The version members sign now, e.g. 2026-1."),
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country_id", "name"]

    def __str__(self) -> str:
        return self.programme_name

    @property
    def currency(self) -> str:
        return self.country.currency
