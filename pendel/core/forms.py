"""Form helpers that every app's views share."""

import hashlib
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError


def apply_validation_error(form, error: ValidationError, *, field: str | None = None) -> None:
    """Show a service's refusal on the form: each message next to the field it names when
    the form has that field, the others on `field` (or above the form, when None)."""
    if not hasattr(error, "error_dict"):
        form.add_error(field, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else field, errors)


def message_validation_error(request, error: ValidationError) -> None:
    """A service's refusal where no form shows it: one error message per sentence."""
    for message in error.messages:
        messages.error(request, message)


def confirmation_digest(*parts) -> str:
    """A short fingerprint of what a summary page showed ("Show price", then "Place the
    order"): the second step goes ahead only when the values are still the ones shown.
    Not a secret; it only keeps a changed form from being confirmed unseen."""
    return hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class SummaryLine:
    """One line of a form's error summary: the message, and the field it belongs to (its
    label and the id the link jumps to), or none for an error about the whole form."""

    message: str
    label: str = ""
    anchor: str = ""


def error_summary(form) -> list[SummaryLine]:
    """Every error of a bound form, in the order of the form: first those about the whole
    form, then each field's. The template `includes/error_summary.html` shows them above
    the form, each linked to its field, so someone who cannot see the page's red texts (a
    screen reader, a phone showing the top) hears at once what to correct."""
    if not form.is_bound or not form.errors:
        return []
    lines = [SummaryLine(str(message)) for message in form.non_field_errors()]
    for field in form:
        for message in field.errors:
            if field.is_hidden:
                lines.append(SummaryLine(str(message)))
            else:
                lines.append(SummaryLine(str(message), str(field.label), field.id_for_label))
    return lines
