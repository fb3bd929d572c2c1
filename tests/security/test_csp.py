"""Content-Security-Policy (issue 10, item 11): every page sends a policy that allows no
inline script or style, and no template brings one back.

The header test requests a sample of each portal; the template scan reads every template
of the project, so a new `style="…"`, `<style>`, inline `<script>` or `onclick=` fails CI
before a browser ever refuses it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from pendel.accounts.models import User
from pendel.companies.models import Membership
from pendel.employees.models import Employee
from pendel.regions.models import Region
from pendel.regions.views.public import brand_css
from pendel.surveys.services import template_seed_standard
from pendel.surveys.tests.conftest import dispatch, make_wave

REQUIRED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


def policy(response) -> dict[str, str]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"{response.request['PATH_INFO']} sends no Content-Security-Policy"
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        directives[name] = value.strip()
    return directives


def assert_strict(response) -> None:
    path = response.request["PATH_INFO"]
    assert response.status_code == 200, path
    directives = policy(response)
    header = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header, path
    assert "unsafe-eval" not in header, path
    for name, value in REQUIRED.items():
        assert directives.get(name) == value, f"{path}: {name} is {directives.get(name)!r}"


def survey_link(world, django_capture_on_commit_callbacks) -> str:
    """The survey page as an employee reaches it: the link in their invitation mail."""
    template_seed_standard()
    Membership.objects.create(location=world.location, status="active")
    Employee.objects.create(location=world.location, email="ola@fisk.example.com", language="en")
    dispatch(make_wave(world.location), world.advisor, django_capture_on_commit_callbacks)
    body = next(m.body for m in mail.outbox if m.to == ["ola@fisk.example.com"])
    return re.search(r"https?://[^/\s]+(/s/\S+)", body).group(1)


@pytest.fixture(autouse=True)
def _fast_mail(settings):
    settings.SURVEY_MAIL_PER_MINUTE = 100_000


def test_public_pages_send_a_strict_policy(world, client):
    for url in (
        reverse("portal:home"),
        reverse("portal:programme_detail", args=[world.region.slug]),
        reverse("portal:application_create", args=[world.region.slug]),
        reverse("accounts:login"),
        reverse("accounts:password_reset"),
    ):
        assert_strict(client.get(url))


def test_the_employee_survey_sends_a_strict_policy(world, django_capture_on_commit_callbacks):
    link = survey_link(world, django_capture_on_commit_callbacks)
    response = Client().get(link, follow=True)
    assert_strict(response)
    assert "brand-" in response.content.decode()


def test_min_side_sends_a_strict_policy(world, client):
    client.force_login(world.contact)
    for name in ("company:home", "company:employee_list", "company:contact_list"):
        assert_strict(client.get(reverse(name)))


def test_the_back_office_sends_a_strict_policy(world, client):
    client.force_login(world.advisor)
    for url in (
        reverse("staff:home"),
        reverse("staff:member_list"),
        reverse("staff:application_list"),
        reverse("staff:region_list"),
        reverse("staff:region_detail", args=[world.region.slug]),
    ):
        assert_strict(client.get(url))


def test_the_admin_sends_a_strict_policy(world, client):
    admin = User.objects.create_superuser(email="root@example.com", password="x" * 16)
    client.force_login(admin)
    for url in ("/admin/", "/admin/accounts/user/", f"/admin/accounts/user/{admin.pk}/change/"):
        assert_strict(client.get(url))


def test_htmx_does_not_inject_its_own_styles(world, client):
    page = client.get(reverse("portal:home")).content.decode()
    assert """<meta name="htmx-config" content='{"includeIndicatorStyles": false}'>""" in page
    css = (Path(settings.BASE_DIR) / "static" / "css" / "pendel.css").read_text()
    assert ".htmx-indicator" in css and ".htmx-request" in css


# --- the brand colours, without a style attribute -------------------------------------------
def test_a_region_colour_comes_from_the_brand_stylesheet(world, client):
    world.region.brand_colour = "#a1b2c3"
    world.region.save()
    page = client.get(reverse("portal:home")).content.decode()
    assert f"brand-{world.region.pk}" in page
    assert "#a1b2c3" not in page  # not inline any more
    assert reverse("portal:brand_css") in page
    sheet = client.get(reverse("portal:brand_css"))
    assert sheet.status_code == 200
    assert sheet["Content-Type"].startswith("text/css")
    assert f".brand-{world.region.pk} {{ --brand: #a1b2c3; }}" in sheet.content.decode()
    again = client.get(reverse("portal:brand_css"), HTTP_IF_NONE_MATCH=sheet["ETag"])
    assert again.status_code == 304


def test_the_brand_stylesheet_carries_nothing_but_colours(world):
    Region.objects.filter(pk=world.region.pk).update(brand_colour="red;}*{")
    sheet = brand_css()
    assert "red" not in sheet
    assert f".brand-{world.other_region.pk} " in sheet


def test_the_brand_stylesheet_is_one_query(world, client, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(reverse("portal:brand_css"))


# --- no inline style, script or event handler in any template -------------------------------
TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates"] + sorted(
    (Path(settings.BASE_DIR) / "pendel").glob("*/templates")
)
FORBIDDEN = [
    (re.compile(r"\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"<style\b", re.I), "a <style> element"),
    (re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>", re.I), "a <script> without src"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "an inline event handler"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def inline_code(text: str) -> list[str]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, what in FORBIDDEN:
            if pattern.search(line):
                found.append(f"line {number}: {what}")
    return found


def test_the_scan_finds_what_it_looks_for():
    assert inline_code('<p style="margin: 0">') == ["line 1: a style attribute"]
    assert inline_code("<style>p{}</style>") == ["line 1: a <style> element"]
    assert inline_code("<script>alert(1)</script>") == ["line 1: a <script> without src"]
    assert inline_code('<button onclick="go()">') == ["line 1: an inline event handler"]
    assert inline_code('<script src="/static/x.js" defer></script>') == []
    assert inline_code('<p class="region-heading brand-{{ region.pk }}">') == []


# Mail is not a page: mail clients keep only inline styles. The one mail layout
# (pendel/core/mail.py) is shown in Pendel only in the outbox's sandboxed frame, under a
# policy of its own (pendel/core/views.py, MAIL_FRAME_POLICY).
MAIL_LAYOUTS = {Path(settings.BASE_DIR) / "templates" / "emails" / "base.html"}


def test_no_template_has_inline_style_script_or_handlers():
    templates = [
        path
        for folder in TEMPLATE_DIRS
        for path in folder.rglob("*.html")
        if path not in MAIL_LAYOUTS
    ]
    assert len(templates) > 50
    problems = [
        f"{path.relative_to(settings.BASE_DIR)} {finding}"
        for path in templates
        for finding in inline_code(path.read_text())
    ]
    assert problems == []


def test_the_brand_stylesheet_gives_each_region_a_readable_theme(world):
    Region.objects.filter(pk=world.region.pk).update(brand_colour="#ffcc00")
    sheet = brand_css()
    rule = next(line for line in sheet.splitlines() if f".region-theme-{world.region.pk} " in line)
    # The yellow is darkened for white text on buttons: never the raw colour as a base.
    assert "--ds-color-accent-base-default: #ffcc00" not in rule
    assert "--ds-color-accent-base-default: #" in rule
