"""A service's ValidationError shown on the form, or as messages, the same way everywhere."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.test import RequestFactory

from pendel.core.forms import apply_validation_error, message_validation_error


class EndForm(forms.Form):
    end_date = forms.DateField()
    email = forms.EmailField(required=False)


def bound_form() -> EndForm:
    form = EndForm({"end_date": "2026-03-01"})
    assert form.is_valid()
    return form


def test_a_message_for_a_field_of_the_form_goes_next_to_it():
    form = bound_form()
    apply_validation_error(form, ValidationError({"end_date": "Before the start date."}))
    assert form.errors == {"end_date": ["Before the start date."]}
    assert "end_date" not in form.cleaned_data


def test_a_field_the_form_lacks_and_a_plain_message_go_above_the_form():
    form = bound_form()
    apply_validation_error(
        form, ValidationError({"region": "Not in this region.", NON_FIELD_ERRORS: "Closed."})
    )
    assert form.non_field_errors() == ["Not in this region.", "Closed."]
    other = bound_form()
    apply_validation_error(other, ValidationError(["One.", "Two."]))
    assert other.non_field_errors() == ["One.", "Two."]


def test_unnamed_messages_can_go_on_a_chosen_field():
    form = bound_form()
    apply_validation_error(form, ValidationError("Already invited."), field="email")
    assert form.errors == {"email": ["Already invited."]}


def test_without_a_form_each_sentence_is_a_message():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    message_validation_error(request, ValidationError({"amount": "Too much.", "on": "Too late."}))
    assert [str(m) for m in get_messages(request)] == ["Too much.", "Too late."]
