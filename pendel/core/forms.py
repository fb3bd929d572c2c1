"""Form helpers that every app's views share."""

import hashlib

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
