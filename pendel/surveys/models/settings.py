from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from pendel.surveys.models.waves import Wave

# No group smaller than this is ever shown, whatever a region sets.
MIN_GROUP_SIZE_FLOOR = 5


class SurveySettings(models.Model):
    """A region's rules for its surveys; created with the defaults when first needed."""

    region = models.OneToOneField(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        related_name="survey_settings",
    )
    baseline_threshold = models.PositiveSmallIntegerField(
        _("response rate needed, first survey (%)"),
        default=75,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    follow_up_threshold = models.PositiveSmallIntegerField(
        _("response rate needed, yearly surveys (%)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    min_group_size = models.PositiveSmallIntegerField(
        _("smallest group shown"),
        default=MIN_GROUP_SIZE_FLOOR,
        validators=[MinValueValidator(MIN_GROUP_SIZE_FLOOR), MaxValueValidator(50)],
        help_text=_("Results of fewer respondents than this are never shown. At least 5."),
    )
    count_non_respondents_as_drive_alone = models.BooleanField(
        _("count non-respondents as driving alone"),
        default=False,
        help_text=_(
            "A cautious car share: everyone invited who did not answer counts as driving "
            "alone. Shown beside the car share of those who answered."
        ),
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
        verbose_name = _("survey settings")
        verbose_name_plural = _("survey settings")

    def __str__(self) -> str:
        return str(self.region)

    def threshold_for(self, kind: str) -> int:
        if kind == Wave.Kind.BASELINE:
            return self.baseline_threshold
        return self.follow_up_threshold
