"""Photos of an event: only with the company's consent, checked and resized, shown to the
region's staff and the company's contact persons only; withdrawing consent deletes them."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from PIL import Image

from pendel.activities import events as services
from pendel.activities.models import EventPhoto
from pendel.activities.tests.events_builders import event_for, png


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def event(world):
    return event_for(world.location)


def test_a_photo_without_consent_is_refused_and_nothing_stored(world, event):
    with pytest.raises(ValidationError) as refused:
        services.event_photo_add(actor=world.advisor, event=event, upload=png())
    assert "has not agreed to photos" in " ".join(refused.value.messages)
    assert not EventPhoto.objects.exists()


def test_the_staff_upload_page_refuses_it_too(client, world, event):
    client.force_login(world.advisor)
    url = reverse("staff:event_photo_add", args=[event.pk])
    response = client.post(url, {"image": png()})
    assert response.status_code == 400
    assert "has not agreed to photos" in response.content.decode()
    assert not EventPhoto.objects.exists()


def test_with_consent_it_is_stored_smaller_without_metadata(world, event):
    services.event_photo_consent_set(actor=world.contact, event=event, consent=True)
    photo = services.event_photo_add(
        actor=world.advisor, event=event, upload=png((4000, 2000)), caption="Sykler"
    )
    stored = Image.open(io.BytesIO(photo.image.read()))
    assert (stored.format, stored.size) == ("JPEG", (1600, 800))
    assert not stored.info.get("exif")


def test_a_file_that_is_no_image_is_refused(world, event):
    services.event_photo_consent_set(actor=world.contact, event=event, consent=True)
    fake = png()
    fake.file = io.BytesIO(b"<svg onload=alert(1)>")
    fake.size = 21
    with pytest.raises(ValidationError):
        services.event_photo_add(actor=world.advisor, event=event, upload=fake)
    assert not EventPhoto.objects.exists()


def test_staff_and_the_companys_contact_see_it_nobody_else(client, world, event):
    services.event_photo_consent_set(actor=world.contact, event=event, consent=True)
    photo = services.event_photo_add(actor=world.advisor, event=event, upload=png())
    staff_url = reverse("staff:event_photo", args=[photo.pk])
    company_url = reverse("company:event_photo", args=[photo.pk])
    seen = {}
    for name, user, url in [
        ("advisor", world.advisor, staff_url),
        ("contact", world.contact, company_url),
        ("other advisor", world.other_advisor, staff_url),
        ("other contact", world.other_contact, company_url),
        ("Mari as contact", world.staff_and_contact, company_url),
    ]:
        client.force_login(user)
        response = client.get(url)
        seen[name] = response.status_code
        if response.status_code == 200:
            assert response["Cache-Control"] == "private, no-store"
    assert seen == {
        "advisor": 200,
        "contact": 200,
        "other advisor": 404,
        "other contact": 404,
        "Mari as contact": 404,
    }
    client.logout()
    assert client.get(staff_url).status_code == 302  # to the login page


def test_withdrawing_consent_deletes_the_photos(world, event, django_capture_on_commit_callbacks):
    services.event_photo_consent_set(actor=world.contact, event=event, consent=True)
    photo = services.event_photo_add(actor=world.advisor, event=event, upload=png())
    storage, name = photo.image.storage, photo.image.name
    with django_capture_on_commit_callbacks(execute=True):
        services.event_photo_consent_set(actor=world.contact, event=event, consent=False)
    assert not EventPhoto.objects.exists()
    assert not storage.exists(name)
