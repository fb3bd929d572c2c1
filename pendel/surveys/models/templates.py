"""The questionnaire: the national standard template in numbered versions, and the extra
questions a region adds. A published version never changes, so a wave that froze it keeps
asking exactly what it asked."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pendel.core.models import TimeStampedModel
from pendel.core.texts import TranslatedTextField, localized


class TemplateVersion(TimeStampedModel):
    """One version of the national standard questionnaire, in every language."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    number = models.PositiveIntegerField(_("version"), unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    title = TranslatedTextField(_("title"))
    intro = TranslatedTextField(_("introduction"))
    # One entry per page: {"title": {"nb": …}, "intro": {"nb": …}}
    steps = models.JSONField(_("pages"), default=list, blank=True)
    change_note = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("survey template version")
        verbose_name_plural = _("survey template versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["status"], condition=Q(status="draft"), name="one_draft_template_version"
            )
        ]

    def __str__(self) -> str:
        return f"{localized(self.title, 'en')} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def step_count(self) -> int:
        return len(self.steps)


class Question(models.Model):
    """A question of a template version (national) or of a region (its own extra questions).

    Standard questions have a `code` naming the typed column of Response they fill (see
    pendel.surveys.answers); a region's questions have none and are answered into JSON."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        NUMBER = "number", _("Number")
        SCALE = "scale", _("Scale")
        TEXT = "text", _("Short text")

    version = models.ForeignKey(
        TemplateVersion,
        verbose_name=_("template version"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_questions",
    )
    code = models.SlugField(_("code"), max_length=40, blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    step = models.PositiveSmallIntegerField(_("page"), default=1)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    required = models.BooleanField(_("answer required"), default=True)
    compact = models.BooleanField(
        _("drop-down list"), default=False, help_text=_("Show the options as a drop-down list.")
    )
    text = TranslatedTextField(_("question"))
    help = TranslatedTextField(_("help text"))
    # Choices and scale points: [{"value": "bus", "label": {"nb": "Buss", …}}, …]
    options = models.JSONField(_("options"), default=list, blank=True)
    min_value = models.DecimalField(
        _("lowest value"), max_digits=8, decimal_places=1, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("highest value"), max_digits=8, decimal_places=1, null=True, blank=True
    )
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=0)
    max_choices = models.PositiveSmallIntegerField(
        _("at most this many choices"), null=True, blank=True
    )
    is_active = models.BooleanField(_("asked in new surveys"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["step", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(version__isnull=False, region__isnull=True)
                | Q(version__isnull=True, region__isnull=False),
                name="question_in_version_or_region",
            ),
            models.UniqueConstraint(
                fields=["version", "code"],
                condition=~Q(code=""),
                name="question_code_unique_per_version",
            ),
        ]

    def __str__(self) -> str:
        return localized(self.text, "en") or self.code or str(self.pk)

    @property
    def answer_key(self) -> str:
        """Where the answer is kept: the typed column's name, or the question's id in JSON."""
        return self.code or f"q{self.pk}"

    def text_in(self, language: str, fallback: str | None = None) -> str:
        return localized(self.text, language, fallback)

    def help_in(self, language: str, fallback: str | None = None) -> str:
        return localized(self.help, language, fallback)

    def option_values(self) -> list[str]:
        return [str(option["value"]) for option in self.options]

    def choices_in(self, language: str, fallback: str | None = None) -> list[tuple[str, str]]:
        return [
            (str(option["value"]), localized(option.get("label"), language, fallback))
            for option in self.options
        ]
