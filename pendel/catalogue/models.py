"""The product catalogue: the national base package, each region's own add-ons, what a region
offers, its prices over time, and the dated VAT rates per country."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.core.models import TimeStampedModel
from pendel.core.texts import TranslatedTextField, missing_languages


class TaxClass(models.TextChoices):
    """Which VAT rate of a country applies to a product (see VatRate)."""

    PASSENGER_TRANSPORT = "passenger_transport", _("Passenger transport (reduced rate)")
    STANDARD = "standard", _("Standard rate")


class VatCategory(models.TextChoices):
    """UNCL5305 duty or tax category codes, as EN 16931 uses them."""

    STANDARD = "S", _("S – taxed")
    ZERO = "Z", _("Z – zero rated")
    EXEMPT = "E", _("E – exempt from VAT")
    REVERSE_CHARGE = "AE", _("AE – reverse charge")


def _check_period(valid_from, valid_to) -> None:
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError({"valid_to": _("The end date is before the start date.")})


class VatRate(models.Model):
    """A country's VAT rate for a tax class, valid between two dates, with where it comes
    from. Rates live here, not in code: they change by law, and invoices copy them."""

    country = models.ForeignKey(
        "regions.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="vat_rates",
    )
    tax_class = models.CharField(_("tax class"), max_length=24, choices=TaxClass.choices)
    category = models.CharField(
        _("VAT category"), max_length=2, choices=VatCategory.choices, default=VatCategory.STANDARD
    )
    rate = models.DecimalField(
        _("rate (%)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)]
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    exemption_reason = models.CharField(
        _("exemption reason"),
        max_length=200,
        blank=True,
        help_text=_("Required on the invoice for exempt and reverse-charge categories."),
    )
    source_url = models.URLField(_("source"), max_length=500)
    confirmed = models.BooleanField(
        _("confirmed"),
        default=False,
        help_text=_("Checked against the tax authority's own page."),
    )
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("VAT rate")
        verbose_name_plural = _("VAT rates")
        ordering = ["country_id", "tax_class", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "tax_class", "valid_from"], name="vat_rate_unique_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.get_tax_class_display()} {self.rate} %"

    def clean(self) -> None:
        _check_period(self.valid_from, self.valid_to)
        if self.category == VatCategory.STANDARD and self.rate <= 0:
            raise ValidationError({"rate": _("A taxed category needs a rate above zero.")})
        if self.category != VatCategory.STANDARD and self.rate != 0:
            raise ValidationError({"rate": _("This category has a rate of zero.")})
        needs_reason = self.category in (VatCategory.EXEMPT, VatCategory.REVERSE_CHARGE)
        if needs_reason and not self.exemption_reason:
            raise ValidationError({"exemption_reason": _("Give the exemption reason.")})


class Product(TimeStampedModel):
    """An item of the national catalogue (no region) or a region's own add-on, with its name
    and description in each language (read through get_name_display and
    get_description_display)."""

    TEXT_FIELDS = ("name", "description")

    class Kind(models.TextChoices):
        COMPANY_TICKET = "company_ticket", _("Personal company ticket")
        SUBSCRIPTION = "subscription", _("Monthly service")
        SERVICE = "service", _("One-off product or service")
        MEMBERSHIP_FEE = "membership_fee", _("Membership fee")

    class Billing(models.TextChoices):
        MONTHLY = "monthly", _("Every month")
        ONCE = "once", _("Once")

    code = models.SlugField(
        _("code"), max_length=40, help_text=_("Short and stable, e.g. city-bikes.")
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="own_products",
        help_text=_("Empty: part of the national catalogue."),
    )
    name = TranslatedTextField(_("name"))
    description = TranslatedTextField(_("description"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    billing = models.CharField(_("invoiced"), max_length=10, choices=Billing.choices)
    tax_class = models.CharField(
        _("tax class"), max_length=24, choices=TaxClass.choices, default=TaxClass.STANDARD
    )
    is_orderable = models.BooleanField(
        _("companies can order it"), default=True, help_text=_("On Min side.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order in lists"), default=100)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(region__isnull=True), name="product_national_code"
            ),
            models.UniqueConstraint(
                fields=["region", "code"],
                condition=Q(region__isnull=False),
                name="product_region_code",
            ),
        ]

    def __str__(self) -> str:
        return self.get_name_display() or self.code

    def fallback_language(self) -> str | None:
        return self.region.default_language if self.region_id else None

    def missing_languages(self) -> list[str]:
        """The languages the name is not written in yet."""
        return missing_languages(self.name)

    @property
    def is_national(self) -> bool:
        return self.region_id is None

    @property
    def is_ticket(self) -> bool:
        return self.kind == self.Kind.COMPANY_TICKET

    @property
    def is_monthly(self) -> bool:
        return self.billing == self.Billing.MONTHLY


class RegionOffer(models.Model):
    """A region switches a product on (or off) for its members."""

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.CASCADE, related_name="offers"
    )
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="offers"
    )
    is_enabled = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("product offered")
        verbose_name_plural = _("products offered")
        constraints = [models.UniqueConstraint(fields=["region", "product"], name="offer_unique")]

    def __str__(self) -> str:
        return f"{self.region} – {self.product}"


class Price(models.Model):
    """A product's price in a region from one date (to another). Invoices copy the price
    they use, so a new price never changes an issued invoice."""

    class Basis(models.TextChoices):
        FIXED = "fixed", _("Fixed price")
        ANNUAL_PASS = "annual_pass", _("The ordinary annual pass ÷ 12")

    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.CASCADE, related_name="prices"
    )
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.PROTECT, related_name="prices"
    )
    basis = models.CharField(
        _("price basis"), max_length=12, choices=Basis.choices, default=Basis.FIXED
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Per unit and, for monthly products, per month."),
    )
    includes_vat = models.BooleanField(
        _("the amount includes VAT"),
        default=False,
        help_text=_("Tick for a consumer price such as 199 kr a month."),
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("set"), auto_now_add=True)

    class Meta:
        verbose_name = _("price")
        verbose_name_plural = _("prices")
        ordering = ["product__sort_order", "product__code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "product", "valid_from"], name="price_unique_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.product} {self.amount} ({self.valid_from})"

    def clean(self) -> None:
        _check_period(self.valid_from, self.valid_to)
        if self.basis == self.Basis.FIXED and self.amount is None:
            raise ValidationError({"amount": _("Give the amount.")})
        if self.basis == self.Basis.ANNUAL_PASS and self.product_id and not self.product.is_ticket:
            raise ValidationError(
                {"basis": _("Only the company ticket can follow the annual pass.")}
            )


class AnnualPassPrice(models.Model):
    """The region's ordinary annual public transport pass, as sold to the public (VAT
    included). The national proposal prices the company ticket at this ÷ 12."""

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="annual_pass_prices",
    )
    amount = models.DecimalField(
        _("annual pass price, VAT included"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("set"), auto_now_add=True)

    class Meta:
        verbose_name = _("annual pass price")
        verbose_name_plural = _("annual pass prices")
        ordering = ["-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["region", "valid_from"], name="annual_pass_unique")
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.amount} ({self.valid_from})"

    def clean(self) -> None:
        _check_period(self.valid_from, self.valid_to)


# The product code of the membership fee in the national catalogue (see seed.py).
MEMBERSHIP_FEE_CODE = "membership-fee"
