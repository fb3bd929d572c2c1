import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from pendel.core.dates import region_today
from pendel.core.models import TimeStampedModel

# What erasure blanks; department and age group stay for the anonymous statistics
# (an erased row counts as ended, see EmployeeQuerySet).
PERSONAL_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "postcode",
    "start_date",
    "end_date",
    "language",
)


class AgeGroup(models.TextChoices):
    UNDER_25 = "under_25", _("Under 25")
    FROM_25 = "25_34", _("25–34")
    FROM_35 = "35_44", _("35–44")
    FROM_45 = "45_54", _("45–54")
    FROM_55 = "55_64", _("55–64")
    FROM_65 = "65_plus", _("65+")


# The ages each group covers, for reading an age or a range from a file.
AGE_BOUNDS = {
    AgeGroup.UNDER_25: (0, 24),
    AgeGroup.FROM_25: (25, 34),
    AgeGroup.FROM_35: (35, 44),
    AgeGroup.FROM_45: (45, 54),
    AgeGroup.FROM_55: (55, 64),
    AgeGroup.FROM_65: (65, 150),
}


class EmployeeQuerySet(models.QuerySet):
    def active(self, *, on: date):
        """Employees still employed on the day (the region's today, for a rule) and not
        erased."""
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gt=on), erased_at__isnull=True)

    def ended(self, *, on: date):
        return self.filter(Q(end_date__lte=on) | Q(erased_at__isnull=False))


class Employee(TimeStampedModel):
    """A person employed at a location. Ended, never deleted; personal fields can be erased."""

    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        on_delete=models.PROTECT,
        related_name="employees",
    )
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    email = models.EmailField(_("work email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    department = models.CharField(_("department"), max_length=100, blank=True)
    age_group = models.CharField(
        _("age group"), max_length=10, choices=AgeGroup.choices, blank=True
    )
    postcode = models.CharField(_("home postcode"), max_length=10, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The survey is sent in this language. Empty: the region's language."),
    )
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    objects = EmployeeQuerySet.as_manager()

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["last_name", "first_name", "id"]
        constraints = [
            models.UniqueConstraint(
                "location",
                Lower("email"),
                condition=Q(end_date__isnull=True) & ~Q(email=""),
                name="employee_email_unique_per_location",
            )
        ]
        indexes = [models.Index(fields=["location", "end_date"])]

    def __str__(self) -> str:
        return self.full_name or str(_("Erased employee"))

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def is_active(self, *, on: date | None = None) -> bool:
        on = on or region_today(self.location.region)
        return not self.is_erased and (self.end_date is None or self.end_date > on)


def import_file_path(instance, filename: str) -> str:
    """A random name, not the uploaded one: that may hold personal data or odd characters."""
    return f"employee-imports/{uuid.uuid4().hex}.json"


class EmployeeImport(TimeStampedModel):
    """An uploaded employee file: its preview, then (all or nothing) its application."""

    class Status(models.TextChoices):
        READING = "reading", _("Being read")
        UNREADABLE = "unreadable", _("Could not be read")
        READY = "ready", _("Ready to apply")
        INVALID = "invalid", _("Has errors")
        APPLIED = "applied", _("Imported")
        DISCARDED = "discarded", _("Discarded")

    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="employee_imports",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    # The rows as checked at upload (JSON), until the import is applied or discarded; while
    # a large file is read in the background, the uploaded file itself.
    file = models.FileField(_("checked rows"), upload_to=import_file_path, blank=True)
    original_name = models.CharField(_("file name"), max_length=255)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    added = models.PositiveIntegerField(_("added"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    ended = models.PositiveIntegerField(_("ended"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)

    class Meta:
        verbose_name = _("employee import")
        verbose_name_plural = _("employee imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def counts(self) -> tuple[int, int, int]:
        return (self.added, self.changed, self.ended)
