"""The questionnaire's upkeep: the standard template's versions (the coordinator) and the
regions' own questions (region staff). A published version is never edited; a wave that
froze it keeps it."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext

from pendel.core.audit import audit_record
from pendel.surveys import standard_v1, standard_v2
from pendel.surveys.audit import SurveysAction
from pendel.surveys.models import Question, TemplateVersion, Wave

# The standard template's versions kept as data modules, oldest first.
STANDARD_VERSIONS = [standard_v1, standard_v2]

QUESTION_COPY_FIELDS = [
    "code",
    "kind",
    "step",
    "position",
    "required",
    "compact",
    "text",
    "help",
    "options",
    "min_value",
    "max_value",
    "decimals",
    "max_choices",
]


def current_template_version() -> TemplateVersion | None:
    """The newest published version: what a wave dispatched now freezes."""
    return (
        TemplateVersion.objects.filter(status=TemplateVersion.Status.PUBLISHED)
        .order_by("-number")
        .first()
    )


def create_standard_version(version_model, question_model, data=standard_v1):
    """Create a published version from a data module such as standard_v1. Takes the model
    classes so that the data migration can pass its historical ones."""
    version = version_model.objects.create(
        number=data.NUMBER,
        status="published",
        title=data.TITLE,
        intro=data.INTRO,
        steps=data.STEPS,
        change_note=getattr(data, "CHANGE_NOTE", ""),
        published_at=timezone.now(),
    )
    question_model.objects.bulk_create(
        question_model(
            version=version,
            position=position,
            required=spec.get("required", True),
            compact=spec.get("compact", False),
            help=spec.get("help", {}),
            options=spec.get("options", []),
            decimals=spec.get("decimals", 0),
            min_value=spec.get("min_value"),
            max_value=spec.get("max_value"),
            max_choices=spec.get("max_choices"),
            code=spec["code"],
            kind=spec["kind"],
            step=spec["step"],
            text=spec["text"],
        )
        for position, spec in enumerate(data.QUESTIONS, start=1)
    )
    return version


@transaction.atomic
def template_seed_standard() -> TemplateVersion:
    """Idempotent: the national standard template's versions (1, 2), each created once; the
    newest of them, which new waves take."""
    version = None
    for data in STANDARD_VERSIONS:
        version = TemplateVersion.objects.filter(number=data.NUMBER).first()
        if version is None:
            version = create_standard_version(TemplateVersion, Question, data)
    return version


@transaction.atomic
def template_version_draft(*, actor) -> TemplateVersion:
    """A new draft copied from the current version; the one draft if it exists already."""
    draft = TemplateVersion.objects.filter(status=TemplateVersion.Status.DRAFT).first()
    if draft:
        return draft
    current = current_template_version()
    if current is None:
        raise ValidationError(gettext("There is no published version to start from."))
    number = (TemplateVersion.objects.aggregate(top=Max("number"))["top"] or 0) + 1
    draft = TemplateVersion.objects.create(
        number=number, title=current.title, intro=current.intro, steps=current.steps
    )
    Question.objects.bulk_create(
        Question(version=draft, **{name: getattr(q, name) for name in QUESTION_COPY_FIELDS})
        for q in current.questions.all()
    )
    _audit(actor, SurveysAction.TEMPLATE_DRAFTED, draft, {"from_version": current.number})
    return draft


def _check_draft(version: TemplateVersion) -> None:
    if not version.is_draft:
        raise ValidationError(
            gettext("A published version cannot be changed. Make a new version instead.")
        )


@transaction.atomic
def template_version_update(
    *, version: TemplateVersion, actor, title: dict, intro: dict, note: str
):
    version = TemplateVersion.objects.select_for_update().get(pk=version.pk)
    _check_draft(version)
    version.title, version.intro, version.change_note = title, intro, note
    version.full_clean()
    version.save(update_fields=["title", "intro", "change_note", "updated_at"])
    return version


@transaction.atomic
def question_update_texts(*, question: Question, actor, text: dict, help_text: dict, options: dict):
    """New wording in any language; `options` maps an option's value to its labels. The
    structure (codes, option values) stays: results count those."""
    version = TemplateVersion.objects.select_for_update().get(pk=question.version_id)
    _check_draft(version)
    question.text = text
    question.help = help_text
    question.options = [
        {**option, "label": options.get(str(option["value"]), option.get("label", {}))}
        for option in question.options
    ]
    question.full_clean()
    question.save(update_fields=["text", "help", "options"])
    _audit(actor, SurveysAction.QUESTION_TEXTS_CHANGED, version, {"question": question.code})
    return question


@transaction.atomic
def template_version_publish(*, version: TemplateVersion, actor) -> TemplateVersion:
    version = TemplateVersion.objects.select_for_update().get(pk=version.pk)
    _check_draft(version)
    missing = [
        question.code
        for question in version.questions.all()
        if not question.text.get("en") and not question.text.get("nb")
    ]
    if missing:
        raise ValidationError(
            gettext("Some questions have no text: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    version.status = TemplateVersion.Status.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = actor
    version.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    _audit(actor, SurveysAction.TEMPLATE_PUBLISHED, version, {"number": version.number})
    return version


@transaction.atomic
def region_question_save(*, region, actor, data: dict, question: Question | None = None):
    """Add a region's own question, or change one no wave has frozen yet."""
    if question is not None and question_is_frozen(question):
        raise ValidationError(
            gettext(
                "This question was asked in a survey already, so it cannot change. "
                "Stop asking it and add a new one instead."
            )
        )
    question = question or Question(region=region, step=0)
    for name, value in data.items():
        setattr(question, name, value)
    if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) and not question.options:
        raise ValidationError(gettext("Give at least two options, one per line."))
    question.full_clean()
    question.save()
    _audit(actor, SurveysAction.QUESTION_SAVED, question, {"region": region.slug}, region.pk)
    return question


def question_is_frozen(question: Question) -> bool:
    return Wave.objects.filter(region_questions=question, dispatched_at__isnull=False).exists()


def region_question_retire(*, question: Question, actor) -> Question:
    """Not asked in new surveys; waves that froze it keep it."""
    Question.objects.filter(pk=question.pk).update(is_active=False)
    _audit(actor, SurveysAction.QUESTION_RETIRED, question, {}, question.region_id)
    question.is_active = False
    return question


def _audit(actor, action: str, obj, changes: dict, region_id: int | None = None) -> None:
    audit_record(actor=actor, action=action, target=obj, region_id=region_id, changes=changes)
