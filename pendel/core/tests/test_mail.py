"""Every mail has an HTML alternative in its region's theme, made from the text part:
the same words and the same links, the programme's colour, name, logo and website; a mail
without a region (a password reset) in Pendel's neutral theme."""

import io
import re
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image

from pendel.accounts.emails import send_access_granted
from pendel.companies.models import Membership
from pendel.core.colours import accent_tokens, contrast, text_on
from pendel.core.mail import NEUTRAL_COLOUR, TRAILING, URL, mail_message, mail_theme
from pendel.core.models import OutboxMessage
from pendel.employees.models import Employee
from pendel.surveys.services import template_seed_standard
from pendel.surveys.tests.conftest import dispatch, make_wave


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text, self.lang = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs["href"])
        if tag == "html":
            self.lang = attrs.get("lang")

    def handle_data(self, data):
        self.text.append(data)


def html_of(message) -> str:
    (html,) = [content for content, mime in message.alternatives if mime == "text/html"]
    return html


def parsed(message) -> _Page:
    page = _Page()
    page.feed(html_of(message))
    return page


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def assert_same_content(message) -> None:
    """The HTML says what the text says: its links are the text's links (the button and the
    address written out beneath it are the same link), and its words the text's words."""
    page = parsed(message)
    text_links = {url.rstrip(TRAILING) for url in URL.findall(message.body)}
    assert sorted(set(page.links)) == sorted(text_links)
    text_words = words(message.body)
    html_words = words(" ".join(page.text))
    for word in text_words:
        assert word in html_words, word


@pytest.fixture
def survey_mail(world, django_capture_on_commit_callbacks, settings):
    settings.SURVEY_MAIL_PER_MINUTE = 100_000
    template_seed_standard()
    world.region.brand_colour = "#2e7d32"
    world.region.website = "https://hjemjobbhjem.example.no"
    world.region.save()
    Membership.objects.create(location=world.location, status="active")
    Employee.objects.create(location=world.location, email="ola@fisk.example.com", language="nb")
    dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)
    return next(m for m in mail.outbox if m.to == ["ola@fisk.example.com"])


def test_a_survey_invitation_comes_in_the_regions_theme(world, survey_mail):
    html = html_of(survey_mail)
    page = parsed(survey_mail)
    assert page.lang == "nb"  # the recipient's language
    assert world.region.programme_name in " ".join(page.text)
    assert "#2e7d32" in html  # the band in the region's own colour
    assert accent_tokens("#2e7d32")["base-default"] in html  # the button, readable on white
    assert "https://hjemjobbhjem.example.no" in page.links  # the footer
    assert "Åpne lenken" in html  # the button speaks the recipient's language
    assert_same_content(survey_mail)
    # The survey link is the text's link, exactly.
    (link,) = [u for u in URL.findall(survey_mail.body) if "/s/" in u]
    assert page.links.count(link) == 2  # the button and the address beneath it


def test_the_html_has_no_stylesheet_and_no_remote_image(survey_mail):
    html = html_of(survey_mail)
    assert "<link" not in html and "<style" not in html
    assert not re.search(r'<img[^>]+src="https?:', html)
    assert 'role="presentation"' in html  # tables for layout
    assert '<meta name="color-scheme" content="light">' in html


def test_a_password_reset_has_pendels_neutral_theme(
    world, client, django_capture_on_commit_callbacks
):
    world.region.brand_colour = "#2e7d32"
    world.region.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "advisor@example.com"})
    (message,) = mail.outbox
    html = html_of(message)
    assert NEUTRAL_COLOUR in html
    assert "#2e7d32" not in html
    assert ">Pendel<" in html
    assert world.region.programme_name not in html
    assert_same_content(message)


def test_mail_sent_through_the_task_queue_is_themed_too(world, django_capture_on_commit_callbacks):
    world.region.brand_colour = "#6a1b9a"
    world.region.save()
    with django_capture_on_commit_callbacks(execute=True):
        send_access_granted(
            user=world.contact, organisation="Fredrikstad Fisk AS", region=world.region
        )
    (message,) = mail.outbox
    assert "#6a1b9a" in html_of(message)
    assert world.region.programme_name in html_of(message)
    assert_same_content(message)


def test_the_text_is_escaped_in_the_html(world):
    message = mail_message(
        to=["x@example.com"],
        subject="Svar",
        body='Grunnen: <script>alert("x")</script> & mer.\nSe https://example.com/a?b=1&c=2.\n',
        language="nb",
        theme=mail_theme(world.region),
    )
    html = html_of(message)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    # The sentence's full stop is not part of the link; the query string is.
    assert 'href="https://example.com/a?b=1&amp;c=2"' in html
    assert_same_content(message)


@pytest.mark.parametrize("colour", ["#ffcc00", "#0b5cad", "#ffffff", "#000000", "#e30613"])
def test_the_band_text_is_readable_on_any_brand_colour(colour):
    assert contrast(text_on(colour), colour) >= 4.5
    assert contrast(accent_tokens(colour)["base-default"], "#ffffff") >= 4.5


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "#2e7d32").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_regions_logo_travels_inside_the_mail(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("regions/logo.png", ContentFile(_png()))
    # Region.logo is an image field; any object with its `name` stands in for it here.
    region = SimpleNamespace(
        programme_name="HjemJobbHjem",
        brand_colour="#2e7d32",
        website="",
        logo=SimpleNamespace(name=name),
    )
    message = mail_message(
        to=["x@example.com"],
        subject="Hei",
        body="Hei\n",
        language="nb",
        theme=mail_theme(region),
    )
    message.attach("faktura.pdf", b"%PDF-1.4", "application/pdf")
    assert 'src="cid:logo@pendel"' in html_of(message)
    assert 'alt="HjemJobbHjem"' in html_of(message)
    mime = message.message()
    assert mime.get_content_type() == "multipart/mixed"
    alternative, attachment = mime.get_payload()
    assert attachment.get_filename() == "faktura.pdf"  # still an ordinary attachment
    text, related = alternative.get_payload()
    assert text.get_content_type() == "text/plain"
    assert related.get_content_type() == "multipart/related"
    html, image = related.get_payload()
    assert html.get_content_type() == "text/html"
    assert image["Content-ID"] == "<logo@pendel>"
    assert image.get_payload(decode=True) == default_storage.open(name).read()


def test_without_a_logo_the_mail_names_the_programme_and_has_no_image(world):
    assert getattr(world.region, "logo", None) in (None, "") or not world.region.logo
    message = mail_message(
        to=["x@example.com"],
        subject="Hei",
        body="Hei\n",
        language="nb",
        theme=mail_theme(world.region),
    )
    assert "<img" not in html_of(message)
    assert world.region.programme_name in html_of(message)
    assert message.message().get_content_type() == "multipart/alternative"


@override_settings(EMAIL_BACKEND="pendel.core.mail.OutboxBackend", OUTBOX_VISIBLE=True)
def test_the_outbox_shows_the_html_in_a_sandboxed_frame(world, survey_mail):
    # survey_mail went to locmem; send it again into the outbox.
    mail.get_connection().send_messages([survey_mail])
    stored = OutboxMessage.objects.get()
    assert stored.html
    client = Client()
    client.force_login(world.advisor)
    page = client.get(reverse("core:outbox_message", args=[stored.pk])).content.decode()
    frame = reverse("core:outbox_message_html", args=[stored.pk])
    assert f'src="{frame}"' in page
    assert re.search(r"<iframe[^>]+sandbox=", page)
    response = client.get(frame)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "sandbox" in policy
    assert "script-src" not in policy  # nothing may run: default-src 'none'
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert world.region.programme_name in response.content.decode()
    assert Client().get(frame).status_code == 404  # not for anyone else
