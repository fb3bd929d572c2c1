"""Where each answer is stored. A standard question's code names a typed column of Response
(or, for its multiple-choice questions, rows of ResponseChoice); any other question is kept
in Response.extra under its answer key. These functions translate between the stored form
and the answering forms' values (strings, or lists of strings)."""

from decimal import Decimal

from pendel.employees.models import AgeGroup
from pendel.surveys.choices import DAY_CHOICES, CarAccess, ChangeFactor, Mode, Parking, Reason
from pendel.surveys.models import Question, Response

# Columns that hold one answer, with the values they accept (None: any value of the kind).
COLUMN_VALUES: dict[str, set[str] | None] = {
    "main_mode": set(Mode.values),
    "distance_km": None,
    "home_postcode": None,
    "mode_mon": {value for value, _label in DAY_CHOICES},
    "mode_tue": {value for value, _label in DAY_CHOICES},
    "mode_wed": {value for value, _label in DAY_CHOICES},
    "mode_thu": {value for value, _label in DAY_CHOICES},
    "mode_fri": {value for value, _label in DAY_CHOICES},
    "days_office": None,
    "days_home": None,
    "days_hub": None,
    "car_access": set(CarAccess.values),
    "parking": set(Parking.values),
    "willingness": {"1", "2", "3", "4", "5"},
    "age_group": set(AgeGroup.values),
    "department": None,
    "is_manager": {"yes", "no"},
}
# Multiple-choice standard questions: rows of ResponseChoice.
CHOICE_VALUES: dict[str, set[str]] = {
    "reasons": set(Reason.values),
    "change_factors": set(ChangeFactor.values),
}
INTEGER_COLUMNS = {"days_office", "days_home", "days_hub", "willingness"}
STANDARD_CODES = set(COLUMN_VALUES) | set(CHOICE_VALUES)


def to_column(code: str, value):
    """A form value as the typed column stores it; empty answers become NULL or ''."""
    if value in (None, "", []):
        return None if code in INTEGER_COLUMNS | {"distance_km", "is_manager"} else ""
    if code == "is_manager":
        return value == "yes"
    if code in INTEGER_COLUMNS:
        return int(value)
    if code == "distance_km":
        return Decimal(value)
    return str(value)


def from_column(code: str, value):
    """A stored column value as the form shows it."""
    if value is None or value == "":
        return ""
    if code == "is_manager":
        return "yes" if value else "no"
    if code == "distance_km":
        return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
    return str(value)


def stored_answers(response: Response | None, questions: list[Question]) -> dict:
    """The saved answers of `questions`, keyed as the forms key them."""
    if response is None:
        return {}
    chosen: dict[str, list[str]] = {}
    if any(question.code in CHOICE_VALUES for question in questions):
        for question_code, value in response.choices.values_list("question", "value"):
            chosen.setdefault(question_code, []).append(value)
    answers = {}
    for question in questions:
        key = question.answer_key
        if question.code in COLUMN_VALUES:
            answers[key] = from_column(question.code, getattr(response, question.code))
        elif question.code in CHOICE_VALUES:
            answers[key] = chosen.get(question.code, [])
        elif key in response.extra:
            answers[key] = response.extra[key]
    return answers


def split_answers(questions: list[Question], cleaned: dict) -> tuple[dict, dict, dict]:
    """Cleaned form values → (column values, ticked options per question, extra answers)."""
    columns, choices, extra = {}, {}, {}
    for question in questions:
        value = cleaned.get(question.answer_key)
        if question.code in COLUMN_VALUES:
            columns[question.code] = to_column(question.code, value)
        elif question.code in CHOICE_VALUES:
            choices[question.code] = [v for v in value or [] if v in CHOICE_VALUES[question.code]]
        else:
            extra[question.answer_key] = _jsonable(value)
    return columns, choices, extra


def _jsonable(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return "" if value is None else str(value)
