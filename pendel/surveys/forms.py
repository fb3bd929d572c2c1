"""Forms of the back office: waves, their extension, bounces, region settings and questions,
the template's texts, and the results filter. The answering forms are in questionnaire.py."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from pendel.core.fields import BoundedDateField, IdChoiceField, bounded_formfield
from pendel.core.texts import (
    LANGUAGE_CODES,
    add_translated_fields,
    collect_translated,
    language_name,
)
from pendel.surveys.models import Question, SurveySettings, Wave


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class WaveForm(forms.Form):
    location = IdChoiceField(queryset=None, label=_("Location"))
    whole_organisation = forms.BooleanField(
        label=_("The same survey at every location of this organisation that you manage"),
        required=False,
    )
    kind = forms.ChoiceField(label=_("Kind of survey"), choices=Wave.Kind.choices)
    opens_on = BoundedDateField(label=_("Opens on"), widget=DateInput())
    closes_on = BoundedDateField(label=_("Closes on"), widget=DateInput())
    reminder_1_days = forms.IntegerField(
        label=_("First reminder, days after opening"),
        min_value=1,
        max_value=90,
        required=False,
        initial=7,
        help_text=_("Sent to those who have not answered. Leave empty for no reminder."),
    )
    reminder_2_days = forms.IntegerField(
        label=_("Second reminder, days after opening"),
        min_value=1,
        max_value=90,
        required=False,
        initial=14,
    )

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        today = timezone.localdate()
        self.fields["opens_on"].initial = today
        self.fields["closes_on"].initial = today + timedelta(days=21)

    def reminder_days(self) -> list[int]:
        days = [self.cleaned_data.get("reminder_1_days"), self.cleaned_data.get("reminder_2_days")]
        return sorted({day for day in days if day})

    def clean(self):
        cleaned = super().clean()
        opens_on, closes_on = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens_on and closes_on:
            for day in self.reminder_days():
                if opens_on + timedelta(days=day) > closes_on:
                    self.add_error(
                        "reminder_2_days"
                        if day == max(self.reminder_days())
                        else "reminder_1_days",
                        gettext("The reminder would come after the survey has closed."),
                    )
        return cleaned


class WaveExtendForm(forms.Form):
    closes_on = BoundedDateField(label=_("New close date"), widget=DateInput())
    reminder_on = BoundedDateField(
        label=_("Extra reminder on"),
        widget=DateInput(),
        required=False,
        help_text=_("Sent to those who have not answered yet."),
    )


class UndeliveredForm(forms.Form):
    emails = forms.CharField(
        label=_("Addresses the mail did not reach"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One address per line, e.g. from the bounce messages."),
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=200, required=False, initial=_("Returned as undeliverable")
    )

    def clean_emails(self) -> list[str]:
        addresses = [line.strip() for line in self.cleaned_data["emails"].split() if line.strip()]
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError(
                    gettext("“%(address)s” is not an email address.") % {"address": address[:100]}
                ) from None
        return addresses


class SurveySettingsForm(forms.ModelForm):
    class Meta:
        formfield_callback = bounded_formfield
        model = SurveySettings
        fields = [
            "baseline_threshold",
            "follow_up_threshold",
            "min_group_size",
            "count_non_respondents_as_drive_alone",
        ]


class RegionQuestionForm(forms.Form):
    """A region's own question: its type, and its texts and options per language."""

    kind = forms.ChoiceField(label=_("Type of question"), choices=Question.Kind.choices)
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    # As the question keeps them: at most eight digits, one of them after the point.
    min_value = forms.DecimalField(
        label=_("Lowest number"), required=False, max_digits=8, decimal_places=1
    )
    max_value = forms.DecimalField(
        label=_("Highest number"), required=False, max_digits=8, decimal_places=1
    )
    position = forms.IntegerField(label=_("Order"), min_value=0, max_value=999, initial=0)

    def __init__(self, *args, region, question: Question | None = None, **kwargs):
        initial = kwargs.pop("initial", {}) or {}
        if question is not None:
            initial.update(
                kind=question.kind,
                required=question.required,
                min_value=question.min_value,
                max_value=question.max_value,
                position=question.position,
            )
        super().__init__(*args, initial=initial, **kwargs)
        self.region = region
        language = region.default_language
        add_translated_fields(
            self,
            "text",
            label=gettext("Question"),
            required_language=language,
            initial=question.text if question else None,
            max_length=300,
        )
        add_translated_fields(
            self,
            "help",
            label=gettext("Help text"),
            required_language=None,
            initial=question.help if question else None,
        )
        existing = question.options if question else []
        for code in LANGUAGE_CODES:
            self.fields[f"options_{code}"] = forms.CharField(
                label=f"{gettext('Options, one per line')} ({language_name(code)})",
                required=False,
                widget=forms.Textarea(attrs={"rows": 4, "lang": code}),
                initial="\n".join(option["label"].get(code, "") for option in existing),
            )

    def _options(self) -> list[dict]:
        lines = {
            code: [
                line.strip() for line in self.cleaned_data.get(f"options_{code}", "").splitlines()
            ]
            for code in LANGUAGE_CODES
        }
        main = [line for line in lines[self.region.default_language] if line]
        options = []
        for index, _label in enumerate(main):
            labels = {
                code: lines[code][index]
                for code in LANGUAGE_CODES
                if index < len(lines[code]) and lines[code][index]
            }
            options.append({"value": str(index + 1), "label": labels})
        return options

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) and len(self._options()) < 2:
            self.add_error(
                f"options_{self.region.default_language}",
                gettext("Give at least two options, one per line."),
            )
        low, high = cleaned.get("min_value"), cleaned.get("max_value")
        if low is not None and high is not None and low >= high:
            self.add_error("max_value", gettext("The highest number must be above the lowest."))
        return cleaned

    def question_data(self) -> dict:
        data = self.cleaned_data
        kind = data["kind"]
        options = self._options() if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) else []
        if kind == Question.Kind.SCALE:
            options = [{"value": str(point), "label": {}} for point in range(1, 6)]
        return {
            "kind": kind,
            "required": data["required"],
            "position": data["position"],
            "text": collect_translated(data, "text"),
            "help": collect_translated(data, "help"),
            "options": options,
            "min_value": data["min_value"] if kind == Question.Kind.NUMBER else None,
            "max_value": data["max_value"] if kind == Question.Kind.NUMBER else None,
            "decimals": 1 if kind == Question.Kind.NUMBER else 0,
        }


class QuestionTextsForm(forms.Form):
    """The wording of a standard question in a draft version, in every language."""

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        add_translated_fields(
            self,
            "text",
            label=gettext("Question"),
            required_language="en",
            initial=question.text,
            max_length=300,
        )
        add_translated_fields(
            self, "help", label=gettext("Help text"), required_language=None, initial=question.help
        )
        for option in question.options:
            add_translated_fields(
                self,
                f"option_{option['value']}",
                label=gettext("Option “%(value)s”") % {"value": option["value"]},
                required_language="en",
                initial=option.get("label", {}),
                max_length=200,
            )

    def option_names(self) -> list[str]:
        return [f"option_{option['value']}" for option in self.question.options]

    def texts(self) -> dict:
        return {
            "text": collect_translated(self.cleaned_data, "text"),
            "help_text": collect_translated(self.cleaned_data, "help"),
            "options": {
                str(option["value"]): collect_translated(
                    self.cleaned_data, f"option_{option['value']}"
                )
                for option in self.question.options
            },
        }


class TemplateVersionForm(forms.Form):
    change_note = forms.CharField(
        label=_("What changed"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, version, **kwargs):
        super().__init__(*args, initial={"change_note": version.change_note}, **kwargs)
        add_translated_fields(
            self, "title", label=gettext("Title"), required_language="en", initial=version.title
        )
        add_translated_fields(
            self,
            "intro",
            label=gettext("Introduction"),
            required_language="en",
            initial=version.intro,
            max_length=2000,
            textarea=True,
        )


class ResultsFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    kind = forms.ChoiceField(label=_("Kind of survey"), required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", gettext("All years")), *((y, y) for y in years)]
        self.fields["kind"].choices = [("", gettext("All surveys")), *Wave.Kind.choices]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        filters = {}
        if self.cleaned_data.get("year"):
            filters["opens_on__year"] = self.cleaned_data["year"]
        if self.cleaned_data.get("kind"):
            filters["kind"] = self.cleaned_data["kind"]
        return filters
