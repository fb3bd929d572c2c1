import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pendel.documents.files import safe_filename


def document_path(instance: "Document", filename: str) -> str:
    """documents/<region>/<random>/<name>: the name is kept for people, the random part
    makes the path impossible to guess (files are only ever served through a view)."""
    return f"documents/{instance.region_id}/{uuid.uuid4().hex}/{safe_filename(filename)}"


class Document(models.Model):
    """A file shared between a region and a company, or kept by the region for itself.

    Deleting keeps the row (who uploaded what, when, and who deleted it) but removes the
    file itself from storage: a deleted document may hold personal data and must be gone.
    """

    class Category(models.TextChoices):
        AGREEMENT = "agreement", _("Agreement")
        ACTIVITY_PLAN = "activity_plan", _("Activity plan")
        REPORT = "report", _("Report")
        INVOICE = "invoice", _("Invoice")
        SURVEY_RESULTS = "survey_results", _("Survey results")
        OTHER = "other", _("Other document")

    class Visibility(models.TextChoices):
        SHARED = "shared", _("Shared with the company")
        REGION = "region", _("Region staff only")

    organisation = models.ForeignKey(
        "companies.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    location = models.ForeignKey(
        "companies.Location",
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("Empty: the document concerns the whole company."),
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.SHARED
    )
    # Empty once the document has been deleted.
    file = models.FileField(_("file"), upload_to=document_path, max_length=255, blank=True)
    original_filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=127)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    # Users are deactivated, not deleted: PROTECT keeps the record of who did it honest.
    # Empty for a file that Pendel made itself (an invoice, a report).
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    # Set for a file the law keeps (an issued invoice): it cannot be deleted before then.
    retained_until = models.DateField(
        _("kept by law until"),
        null=True,
        blank=True,
        help_text=_("Bookkeeping law keeps this file until this day; it cannot be deleted before."),
    )
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deleted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-id"]
        indexes = [
            models.Index(fields=["region", "-uploaded_at"], name="document_region_idx"),
            models.Index(fields=["organisation", "-uploaded_at"], name="document_org_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """A location document belongs to that location's company and region."""
        if self.location_id is None:
            return
        if self.location.organisation_id != self.organisation_id:
            raise ValidationError({"location": _("The location does not belong to this company.")})
        if self.location.region_id != self.region_id:
            raise ValidationError(
                {"location": _("A location's documents are filed under its own region.")}
            )

    def is_retained(self, today) -> bool:
        return self.retained_until is not None and today <= self.retained_until

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
