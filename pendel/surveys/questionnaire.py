"""The answering forms: one form per page of a wave's questions, built from the frozen
template in the respondent's language, with a clear translated message for every mistake.
The pages are plain HTML forms; nothing needs JavaScript."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext

from pendel.core.money import format_number
from pendel.surveys.answers import stored_answers
from pendel.surveys.models import Question, Response, Wave

TEXT_MAX_LENGTH = 200
SHORT_TEXT_CODES = {"home_postcode": 10, "department": 100}
DAY_CODES = ("days_office", "days_home", "days_hub")
# Filled in from the employer's list (the invitation's copy) and always optional: the
# respondent may change them or choose "Prefer not to say", and then no group is stored.
EMPLOYER_LIST_CODES = ("department", "age_group")


def _required_message() -> str:
    return gettext("Please answer this question.")


class NumberAnswerField(forms.Field):
    """A number typed as the respondent writes it: "12,5" and "12.5" both work."""

    def __init__(self, *, min_value, max_value, decimals: int, **kwargs):
        self.min_value, self.max_value, self.decimals = min_value, max_value, decimals
        super().__init__(**kwargs)

    def to_python(self, value):
        text = str(value or "").strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError(self._kind_message(), code="invalid") from None
        if not number.is_finite():
            raise ValidationError(self._kind_message(), code="invalid")
        if self.decimals == 0 and number != number.to_integral_value():
            raise ValidationError(gettext("Enter a whole number."), code="invalid")
        if abs(number) >= 10**9:
            raise ValidationError(self._kind_message(), code="invalid")
        return number.quantize(Decimal(1).scaleb(-self.decimals), rounding=ROUND_HALF_UP)

    def _kind_message(self) -> str:
        if self.decimals == 0:
            return gettext("Enter a whole number.")
        return gettext("Enter a number, for example 12.5.")

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        low, high = self.min_value, self.max_value
        if (low is not None and value < low) or (high is not None and value > high):
            raise ValidationError(
                gettext("Enter a number from %(min)s to %(max)s.")
                % {"min": format_number(low), "max": format_number(high)},
                code="range",
            )


class LimitedMultipleChoiceField(forms.MultipleChoiceField):
    def __init__(self, *, max_choices: int | None, **kwargs):
        self.max_choices = max_choices
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if self.max_choices and len(value) > self.max_choices:
            raise ValidationError(
                ngettext(
                    "Choose at most %(count)s option.",
                    "Choose at most %(count)s options.",
                    self.max_choices,
                )
                % {"count": self.max_choices},
                code="max_choices",
            )


def _withheld_choice() -> tuple[str, str]:
    return ("", gettext("Prefer not to say"))


def _department_choices(departments: list[str]) -> list[tuple[str, str]]:
    return [_withheld_choice(), *((d, d) for d in departments)]


def answer_field(
    question: Question, *, language: str, fallback: str, departments: list[str]
) -> forms.Field:
    """The form field for one question, with messages in the active language."""
    messages = {
        "required": _required_message(),
        "invalid_choice": gettext("Choose one of the options."),
    }
    withholdable = question.code in EMPLOYER_LIST_CODES
    common = {"required": question.required and not withholdable, "error_messages": messages}
    kind = question.kind
    if question.code == "department" and departments:
        return forms.ChoiceField(choices=_department_choices(departments), **common)
    if withholdable and kind == Question.Kind.SINGLE:
        choices = [*question.choices_in(language, fallback), _withheld_choice()]
        return forms.ChoiceField(choices=choices, **common)
    if kind in (Question.Kind.SINGLE, Question.Kind.SCALE):
        return forms.ChoiceField(choices=question.choices_in(language, fallback), **common)
    if kind == Question.Kind.MULTIPLE:
        return LimitedMultipleChoiceField(
            choices=question.choices_in(language, fallback),
            max_choices=question.max_choices,
            **common,
        )
    if kind == Question.Kind.NUMBER:
        return NumberAnswerField(
            min_value=question.min_value,
            max_value=question.max_value,
            decimals=question.decimals,
            **common,
        )
    max_length = SHORT_TEXT_CODES.get(question.code, TEXT_MAX_LENGTH)
    messages["max_length"] = gettext("Use at most %(limit_value)s characters.")
    return forms.CharField(max_length=max_length, **common)


@dataclass
class Item:
    """One question as the page shows it: a fieldset with its legend, help and errors."""

    name: str
    kind: str
    text: str
    help: str
    required: bool
    compact: bool
    choices: list[tuple[str, str, bool]] = field(default_factory=list)
    value: str = ""
    errors: list[str] = field(default_factory=list)
    min_value: object = None
    max_value: object = None
    decimals: int = 0
    max_length: int | None = None

    @property
    def dom_id(self) -> str:
        return f"q-{self.name}"

    @property
    def described_by(self) -> str:
        ids = [f"{self.dom_id}-help"] if self.help else []
        if self.errors:
            ids.append(f"{self.dom_id}-error")
        return " ".join(ids)


class StepForm(forms.Form):
    """The questions of one page. `fallback` is the region's language, for texts missing in
    `language`; `departments` are the wave's, offered as a list when there are any."""

    def __init__(
        self,
        *args,
        questions: list[Question],
        language: str,
        fallback: str,
        departments: list[str],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.questions, self.language, self.fallback = questions, language, fallback
        self.departments = departments
        for question in questions:
            self.fields[question.answer_key] = answer_field(
                question, language=language, fallback=fallback, departments=departments
            )

    def clean(self):
        cleaned = super().clean()
        names = set(self.fields)
        both_asked = {"distance_km", "home_postcode"} <= names and not self.errors
        if both_asked and cleaned.get("distance_km") is None and not cleaned.get("home_postcode"):
            self.add_error(
                "distance_km", gettext("Give the distance or the postcode of your home.")
            )
        days = [cleaned.get(code) for code in DAY_CODES if code in names]
        if sum(day or 0 for day in days) > 7:
            self.add_error(
                None,
                gettext(
                    "The days at the workplace, at home and at a hub add up to more than seven."
                ),
            )
        return cleaned

    def items(self) -> list[Item]:
        return [self._item(question, self.fallback) for question in self.questions]

    def _item(self, question: Question, fallback: str) -> Item:
        name = question.answer_key
        bound = self[name]
        value = bound.value()
        selected = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
        form_field = self.fields[name]
        choices = [
            (str(v), str(label), str(v) in selected)
            for v, label in getattr(form_field, "choices", [])
        ]
        is_department_choice = question.code == "department" and bool(self.departments)
        return Item(
            name=name,
            kind=Question.Kind.SINGLE if is_department_choice else question.kind,
            text=question.text_in(self.language, fallback),
            help=question.help_in(self.language, fallback),
            required=form_field.required,
            compact=question.compact or is_department_choice,
            choices=choices,
            value="" if value is None or isinstance(value, list | tuple) else str(value),
            errors=list(bound.errors),
            min_value=question.min_value,
            max_value=question.max_value,
            decimals=question.decimals,
            max_length=getattr(form_field, "max_length", None),
        )


def steps_of(questions: list[Question]) -> list[int]:
    return sorted({question.step for question in questions})


def questions_on(questions: list[Question], step: int) -> list[Question]:
    return [question for question in questions if question.step == step]


def initial_answers(response: Response | None, questions: list[Question], invitation) -> dict:
    """What the page shows before the respondent types: the saved answers; on a page not
    saved yet, the department and age group from the employer's list (the first page says
    so). A group the respondent withheld stays withheld when they come back."""
    answers = stored_answers(response, questions)
    saved = response is not None and any(q.step <= response.last_step for q in questions)
    if saved:
        return answers
    codes = {question.code for question in questions}
    for code in EMPLOYER_LIST_CODES:
        if code in codes and not answers.get(code):
            answers[code] = getattr(invitation, code)
    return answers


def step_form(wave: Wave, questions: list[Question], step: int, language: str, **kwargs):
    """The form of one page of a wave."""
    return StepForm(
        questions=questions_on(questions, step),
        language=language,
        fallback=wave.location.region.default_language,
        departments=wave.departments,
        **kwargs,
    )


def first_incomplete_step(
    *, wave: Wave, response: Response | None, questions: list[Question], language: str
) -> int | None:
    """The first page whose saved answers do not pass its form, or None when all do."""
    saved = stored_answers(response, questions)
    data = {key: value for key, value in saved.items() if value not in ("", None, [])}
    for step in steps_of(questions):
        form = step_form(wave, questions, step, language, data=data)
        if not form.is_valid():
            return step
    return None
