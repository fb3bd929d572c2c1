"""What a company has ordered: personal company tickets for its employees and other products
(an event, e-bike leasing), month by month.

Months are stored as their first day. `end_month` is the first month no longer included
(empty: until cancelled), so "cancelled from March" is end_month = 1 March and a ticket
that runs January and February has start_month = 1 January, end_month = 1 March.
"""

import uuid
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from pendel.core.dates import add_months
from pendel.core.models import TimeStampedModel

SHARE_VALIDATORS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


class RunsInMonth(models.QuerySet):
    def running_in(self, month: date):
        """Rows that include the month (month = its first day)."""
        return self.filter(
            Q(end_month__isnull=True) | Q(end_month__gt=month), start_month__lte=month
        )


class Order(TimeStampedModel):
    """One order by a company for one location: a set of company tickets, or a quantity of
    another product, from a month on."""

    organisation = models.ForeignKey(
        "companies.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="orders",
    )
    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="orders",
    )
    product = models.ForeignKey(
        "catalogue.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        related_name="orders",
    )
    start_month = models.DateField(_("from month"))
    end_month = models.DateField(
        _("cancelled from"),
        null=True,
        blank=True,
        help_text=_("The first month no longer included. Empty: until cancelled."),
    )
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    employer_share = models.DecimalField(
        _("share the employer pays (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("100"),
        validators=SHARE_VALIDATORS,
    )
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("E.g. the date of the event.")
    )
    ordered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ordered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RunsInMonth.as_manager()

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-start_month", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_month__isnull=True) | Q(end_month__gte=F("start_month")),
                name="order_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(employer_share__gte=0) & Q(employer_share__lte=100),
                name="order_share_0_100",
            ),
        ]
        indexes = [models.Index(fields=["location", "start_month"])]

    def __str__(self) -> str:
        return f"{self.product} – {self.location}"

    @property
    def employee_share(self) -> Decimal:
        return Decimal("100") - self.employer_share

    def is_running_in(self, month: date) -> bool:
        return self.start_month <= month and (self.end_month is None or self.end_month > month)

    @property
    def last_month(self) -> date | None:
        return add_months(self.end_month, -1) if self.end_month else None


class Ticket(models.Model):
    """One employee's personal company ticket, month by month, under an order."""

    class EndReason(models.TextChoices):
        CANCELLED = "cancelled", _("Cancelled")
        LEFT = "left", _("The employee left")

    order = models.ForeignKey(
        Order, verbose_name=_("order"), on_delete=models.PROTECT, related_name="tickets"
    )
    employee = models.ForeignKey(
        "employees.Employee",
        verbose_name=_("employee"),
        on_delete=models.PROTECT,
        related_name="tickets",
    )
    reference = models.UUIDField(_("ticket reference"), default=uuid.uuid4, unique=True)
    start_month = models.DateField(_("from month"))
    end_month = models.DateField(_("ends before"), null=True, blank=True)
    end_reason = models.CharField(
        _("why it ended"), max_length=10, choices=EndReason.choices, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RunsInMonth.as_manager()

    class Meta:
        verbose_name = _("company ticket")
        verbose_name_plural = _("company tickets")
        ordering = ["employee__last_name", "employee__first_name", "-start_month"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_month__isnull=True) | Q(end_month__gte=F("start_month")),
                name="ticket_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["employee"],
                condition=Q(end_month__isnull=True),
                name="ticket_one_open_per_employee",
            ),
        ]
        indexes = [models.Index(fields=["start_month", "end_month"])]

    def __str__(self) -> str:
        return f"{self.employee} ({self.start_month:%Y-%m})"

    @property
    def last_month(self) -> date | None:
        return add_months(self.end_month, -1) if self.end_month else None

    @property
    def is_void(self) -> bool:
        """Cancelled before its first month."""
        return self.end_month is not None and self.end_month <= self.start_month


class HandoffKey(models.Model):
    """A key a ticketing system uses to read a region's active tickets (see handoff.py).
    Only a hash is stored; the key itself is shown once, when it is made."""

    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="handoff_keys",
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("E.g. the ticketing system."))
    prefix = models.CharField(_("key starts with"), max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("ticket hand-off key")
        verbose_name_plural = _("ticket hand-off keys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
