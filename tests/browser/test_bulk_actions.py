"""Safe bulk actions and member logos in a browser: the survey's send confirmation shows
each language's mail and sends on one click; the contact person uploads a logo and the
programme page shows it. Desktop in English, a phone in Norwegian without JavaScript."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.companies.models import Membership
from pendel.companies.services import organisation_logo_set
from pendel.surveys.models import Invitation
from pendel.surveys.services import template_seed_standard
from pendel.surveys.tests.conftest import make_employees, make_wave
from tests.browser.conftest import (
    assert_accessible,
    assert_fits_the_screen,
    log_in,
    pass_second_factor,
    screenshot,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def png_bytes(size=(900, 300)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 90, 160)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SURVEY_MAIL_PER_MINUTE = 100_000


def test_the_advisor_confirms_the_survey_after_seeing_each_mail(page, phone, world, media):
    template_seed_standard()
    wave = make_wave(world.location)
    make_employees(world.location, 4, language="en")
    make_employees(world.location, 3, start=10, language="nb")
    log_in(page, "advisor@example.com", PASSWORD)
    page.goto(f"/staff/surveys/{wave.pk}/")
    page.get_by_role("link", name="Send the survey").click()

    expect(page.get_by_role("heading", name="7 employees will get the mail")).to_be_visible()
    expect(page.get_by_text("4 recipients")).to_be_visible()
    assert_accessible(page)
    assert_fits_the_screen(page)
    screenshot(page, "survey-send-confirmation")
    assert not Invitation.objects.exists()

    phone.goto("/accounts/login/")
    phone.get_by_label("E-postadresse").fill("advisor@example.com")
    phone.get_by_label("Passord").fill(PASSWORD)
    phone.get_by_role("button", name="Logg inn").click()
    pass_second_factor(phone, "advisor@example.com")
    phone.goto(f"/staff/surveys/{wave.pk}/send/")
    assert_fits_the_screen(phone)
    screenshot(phone, "survey-send-confirmation-phone")

    page.get_by_role("button", name="Send the survey").click()
    expect(page.get_by_text("The survey has been sent to 7 employees.")).to_be_visible()
    assert Invitation.objects.filter(wave=wave).count() == 7


def test_the_contact_person_uploads_a_logo_shown_on_the_programme_page(page, world, media):
    Membership.objects.create(location=world.location, status="active", logo_consent=True)
    log_in(page, "hr@fisk.example.com", PASSWORD)
    page.goto("/company/logo/")
    page.get_by_label("Logo").set_input_files(
        files=[{"name": "logo.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    page.get_by_role("button", name="Upload the logo").click()
    expect(page.get_by_text("The logo has been saved.")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/programmes/{world.region.slug}/")
    logo = page.get_by_role("img", name=world.company.name)
    expect(logo).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", logo.element_handle()) == 600
    assert_accessible(page)


def test_the_programme_page_on_a_phone_fits_with_logos(phone, world, media):
    Membership.objects.create(location=world.location, status="active", logo_consent=True)
    upload = SimpleUploadedFile("logo.png", png_bytes((600, 300)), content_type="image/png")
    organisation_logo_set(organisation=world.company, upload=upload, actor=None)
    phone.goto(f"/programmes/{world.region.slug}/")
    expect(phone.get_by_role("img", name=world.company.name)).to_be_visible()
    assert_fits_the_screen(phone)
