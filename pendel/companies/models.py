from django.db import models
from django.utils.translation import gettext_lazy as _

from pendel.core.models import TimeStampedModel


class Organisation(TimeStampedModel):
    """The legal entity: one organisation number in one country."""

    name = models.CharField(_("name"), max_length=200)
    country = models.ForeignKey(
        "regions.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    organisation_number = models.CharField(_("organisation number"), max_length=20)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "organisation_number"], name="organisation_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Location(TimeStampedModel):
    """A workplace of an organisation, in exactly one region."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="locations",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="locations",
    )
    name = models.CharField(_("location"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    employee_count = models.PositiveIntegerField(_("number of employees"), default=0)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return f"{self.organisation.name} – {self.name}"
