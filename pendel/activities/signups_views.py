"""The public sign-up: no login, no JavaScript, phone first. The code in the link identifies
the event, not a person; the cancel link's token identifies one sign-up."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pendel.activities.events_forms import SignUpForm
from pendel.activities.events_selectors import event_for_code
from pendel.activities.models import SignUp
from pendel.activities.signups import signup_cancel as cancel_service
from pendel.activities.signups import signup_create, signup_for_token, signup_refusal
from pendel.activities.signups_counts import places_left, waiting_position
from pendel.core import ratelimit
from pendel.core.forms import apply_validation_error
from pendel.core.texts import active_language

# Sign-ups from one address per hour, and for one e-mail address: a colleague signing up
# a few people is fine; more is a script, or someone being flooded with mail.
SIGNUP_LIMIT = 20
SIGNUP_EMAIL_LIMIT = 5
SIGNUP_WINDOW_SECONDS = 60 * 60
SESSION_KEY = "activity_signups"


def _within_limits(request, email: str) -> bool:
    address = ratelimit.allow(
        "activity_signup:address",
        ratelimit.client_address(request),
        limit=SIGNUP_LIMIT,
        window_seconds=SIGNUP_WINDOW_SECONDS,
    )
    recipient = ratelimit.allow(
        "activity_signup:recipient",
        email,
        limit=SIGNUP_EMAIL_LIMIT,
        window_seconds=SIGNUP_WINDOW_SECONDS,
    )
    return address and recipient


def _remember(request, signup: SignUp) -> None:
    """The result page shows this browser's own sign-up (kept in its session only)."""
    kept = request.session.get(SESSION_KEY, {})
    kept[str(signup.event_id)] = signup.pk
    request.session[SESSION_KEY] = kept


def _page(request, event, form, status=200):
    context = {
        "event": event,
        "form": form,
        "refusal": signup_refusal(event),
        "places_left": places_left(event),
        "language": active_language(),
    }
    return render(request, "activities/signups/signup.html", context, status=status)


def event_signup(request, code: str):
    event = event_for_code(code)
    form = SignUpForm(request.POST or None)
    if request.method != "POST":
        return _page(request, event, form)
    if not form.is_valid():
        return _page(request, event, form, status=400)
    data = form.cleaned_data
    if not _within_limits(request, data["email"]):
        form.add_error(
            None,
            _(
                "Too many sign-ups have been sent from here or for this email address. Nothing "
                "was saved; please try again in an hour."
            ),
        )
        return _page(request, event, form, status=429)
    try:
        signup, created = signup_create(
            event=event,
            name=data["name"],
            email=data["email"],
            consent=data["consent_contact"],
            language=get_language() or "",
        )
    except ValidationError as error:
        apply_validation_error(form, error)
        return _page(request, event, form, status=400)
    _remember(request, signup)
    if not created:
        request.session["activity_signup_again"] = signup.pk
    return redirect("portal:event_signed_up", code=code)


def event_signed_up(request, code: str):
    event = event_for_code(code)
    pk = request.session.get(SESSION_KEY, {}).get(str(event.pk))
    signup = SignUp.objects.filter(pk=pk, event=event).first() if pk else None
    if signup is None:
        return redirect("portal:event_signup", code=code)
    context = {
        "event": event,
        "signup": signup,
        "position": waiting_position(signup),
        "again": request.session.pop("activity_signup_again", None) == signup.pk,
    }
    return render(request, "activities/signups/signed_up.html", context)


def signup_cancel(request, cancel_token: str):
    """GET asks to confirm; POST gives the place up (the next on the waiting list gets it)."""
    signup = signup_for_token(cancel_token)
    if request.method == "POST" and signup.status != SignUp.Status.CANCELLED:
        cancel_service(signup=signup)
        return redirect("portal:signup_cancel", cancel_token=cancel_token)
    context = {"signup": signup, "event": signup.event}
    return render(request, "activities/signups/cancel.html", context)
