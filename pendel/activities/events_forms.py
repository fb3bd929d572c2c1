"""Input shapes for events and sign-ups; the rules are the services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pendel.activities.models import Event

MAX_WALK_INS = 10_000


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


class LocationChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.organisation.name} – {obj.name}"


class PlannedChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        location = obj.plan.location
        return (
            f"{location.organisation.name} – {location.name}: {obj.activity_type} ({obj.plan.year})"
        )


class AdvisorChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.email


class EventScheduleForm(forms.Form):
    planned = PlannedChoice(
        label=_("From the activity plan"),
        queryset=None,
        required=False,
        empty_label=_("Not from a plan"),
        help_text=_("The planned activity becomes scheduled; its workplace and activity are used."),
    )
    location = LocationChoice(label=_("Workplace"), queryset=None, required=False)
    activity_type = forms.ModelChoiceField(label=_("Activity"), queryset=None, required=False)
    day = forms.DateField(label=_("Date"), widget=DateInput())
    starts = forms.TimeField(label=_("Starts"), widget=TimeInput())
    ends = forms.TimeField(label=_("Ends"), widget=TimeInput())
    place = forms.CharField(
        label=_("Place"), max_length=200, help_text=_("For example: the canteen, 2nd floor.")
    )
    advisors = AdvisorChoice(
        label=_("Advisors responsible"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=100_000,
        required=False,
        help_text=_("Empty: the activity's usual number of places (none: no limit)."),
    )

    def __init__(self, *args, planned, locations, activity_types, advisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["planned"].queryset = planned
        self.fields["location"].queryset = locations
        self.fields["activity_type"].queryset = activity_types
        self.fields["advisors"].queryset = advisors

    def clean(self):
        data = super().clean()
        if data.get("planned"):
            data["location"] = data["planned"].plan.location
            data["activity_type"] = data["planned"].activity_type
        else:
            if not data.get("location"):
                self.add_error("location", _("Choose the workplace, or a planned activity."))
            if not data.get("activity_type"):
                self.add_error("activity_type", _("Choose the activity, or a planned activity."))
        return data


class EventCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it cancelled?"),
        max_length=300,
        help_text=_("Everyone who signed up gets an email with this reason."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AttendanceForm(forms.Form):
    attended = forms.MultipleChoiceField(
        label=_("Who came"), required=False, widget=forms.CheckboxSelectMultiple
    )
    walk_ins = forms.IntegerField(
        label=_("Came without signing up"), min_value=0, max_value=MAX_WALK_INS, initial=0
    )
    outcome_note = forms.CharField(
        label=_("How did it go?"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A short note for the company's follow-up: what was done, what came of it."),
    )

    def __init__(self, *args, signups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(str(s.pk), s.name) for s in signups]


class PhotoForm(forms.Form):
    image = forms.FileField(label=_("Photo"), help_text=_("PNG, JPEG or WebP, at most 10 MB."))
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


class PhotoConsentForm(forms.Form):
    photo_consent = forms.BooleanField(
        label=_("We agree that photos of this activity are taken and kept"),
        required=False,
        help_text=_("Withdrawing consent deletes the photos that were kept."),
    )


class SignUpForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("We send the confirmation here, with a link to cancel."),
    )
    consent_contact = forms.BooleanField(
        label=_("You may email me about this activity (a reminder the day before)"),
        required=False,
        help_text=_("Optional. Without it you get only the confirmation and news of your place."),
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Write your name."))
        return name


STATUS_FILTER = [("", _("All statuses")), *Event.Status.choices]
WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]


class EventFilterForm(forms.Form):
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTER, required=False)
