"""Builders for the event and sign-up tests: a location whose baseline survey has closed, a
bike check with ten places, sign-ups through the service."""

import io
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from pendel.activities.events import event_photo_add
from pendel.activities.factories import ActivityTypeFactory, EventFactory
from pendel.activities.models import SignUp
from pendel.activities.signups import signup_create
from pendel.core.tokens import new_token, token_hash
from pendel.surveys.models import Wave


def baseline(location, *, closed: bool = True, closes_in_days: int = -1) -> Wave:
    today = timezone.localdate()
    return Wave.objects.create(
        location=location,
        kind=Wave.Kind.BASELINE,
        opens_on=today - timedelta(days=20),
        closes_on=today + timedelta(days=closes_in_days),
        dispatched_at=timezone.now() - timedelta(days=20),
        closed_at=timezone.now() if closed else None,
    )


def bike_check(**fields):
    return ActivityTypeFactory(
        code=fields.pop("code", "bike-check-test"),
        name={"nb": "Sykkelsjekk", "en": "Bike check", "sv": "Cykelkoll", "nl": "Fietscheck"},
        capacity=10,
        **fields,
    )


def event_for(location, *, capacity=10, days=14, **fields):
    starts = fields.pop("starts_at", timezone.now() + timedelta(days=days))
    return EventFactory(
        location=location,
        activity_type=fields.pop("activity_type", None) or bike_check(),
        capacity=capacity,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        signup_code=fields.pop("signup_code", f"code-{location.pk}-{days}"),
        **fields,
    )


def sign_up(event, number: int, *, consent=True, language="nb"):
    signup, _created = signup_create(
        event=event,
        name=f"Ansatt {number}",
        email=f"ansatt{number}@example.com",
        consent=consent,
        language=language,
    )
    return signup


def png(size=(40, 20), name="photo.png") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 90, 160)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def matrix_objects(location, advisor) -> dict:
    """One event of the tenant's location, with a photo (consent given) and a sign-up whose
    cancel link is known: the access matrix fills the URLs of events with them."""
    event = event_for(
        location,
        activity_type=bike_check(code=f"bike-check-{location.pk}"),
        signup_code=f"matrix-{location.pk}",
        photo_consent=True,
    )
    photo = event_photo_add(actor=advisor, event=event, upload=png())
    signup = sign_up(event, location.pk)
    token = new_token()
    SignUp.objects.filter(pk=signup.pk).update(cancel_token_hash=token_hash(token))
    return {
        "event": event.pk,
        "photo": photo.pk,
        "signup_code": event.signup_code,
        "cancel_token": token,
    }


# --- for tests/test_query_counts.py: each adds a batch of rows, returns what the page shows ---
def query_count_events(location, advisor, batch: int, rows: int) -> list[str]:
    """`rows` events at the location, each with a sign-up and an advisor."""
    shown = []
    for n in range(rows):
        place = f"Rom {batch}-{n}"
        event = event_for(
            location,
            activity_type=bike_check(code=f"qc-{location.pk}-{batch}-{n}"),
            signup_code=f"qc-{location.pk}-{batch}-{n}",
            place=place,
        )
        event.advisors.add(advisor)
        sign_up(event, batch * 100 + n)
        shown.append(place)
    return shown


def query_count_signups(event, batch: int, rows: int) -> list[str]:
    """`rows` more sign-ups of the event (the last ones on the waiting list)."""
    people = [sign_up(event, 1000 + batch * 100 + n) for n in range(rows)]
    return [person.name for person in people]
