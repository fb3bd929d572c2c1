"""The travel habits survey from dispatch to qualification, as in the issue's scenario."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.companies.models import Membership
from pendel.employees.models import Employee
from pendel.surveys.models import Invitation, Wave
from pendel.surveys.services import template_seed_standard
from pendel.surveys.tests.helpers import PAGES, answer_all, with_mailed_tokens
from tests.browser.conftest import assert_accessible, assert_fits_the_screen, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# 30 employees; 23 answer: 15 of 20 in Lager, 5 of 7 in Salg and all 3 in Kontor.
DEPARTMENTS = [("Lager", 20, 15), ("Salg", 7, 5), ("Kontor", 3, 3)]


def make_employees(location) -> None:
    Employee.objects.bulk_create(
        Employee(
            location=location,
            first_name=f"Person{department}{n}",
            last_name="Nordmann",
            email=f"{department.lower()}{n}@fisk.example.com",
            department=department,
            language="en",
        )
        for department, count, _answering in DEPARTMENTS
        for n in range(count)
    )


def open_and_send_a_baseline_wave(page, location) -> Wave:
    log_in(page, "advisor@example.com", PASSWORD)
    page.get_by_role("link", name="Surveys", exact=True).first.click()
    page.get_by_role("button", name="New survey").click()
    assert_accessible(page)
    page.locator("#id_location").select_option(str(location.pk))
    page.get_by_label("Kind of survey").select_option("baseline")
    today = timezone.localdate()
    page.get_by_label("Opens on").fill(today.isoformat())
    page.get_by_label("Closes on").fill((today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name=re.compile("Create|Save")).click()
    page.get_by_role("link", name="Send the survey").click()
    expect(page.get_by_role("heading", name="30 employees will get the mail")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Send the survey").click()
    expect(page.get_by_text("The survey has been sent to 30 employees.")).to_be_visible()
    assert_accessible(page)
    return Wave.objects.get(location=location)


def answer_on_a_phone_without_javascript(phone, token: str) -> None:
    phone.goto(f"/s/{token}/")
    phone.get_by_role("button", name="Start the survey").click()
    for number, answers in PAGES.items():
        assert_fits_the_screen(phone)
        for name, value in answers.items():
            field = phone.locator(f"[name='{name}']").first
            kind = field.get_attribute("type") or field.evaluate("e => e.tagName.toLowerCase()")
            if kind in {"radio", "checkbox"}:
                for one in value if isinstance(value, list) else [value]:
                    phone.locator(f"[name='{name}'][value='{one}']").check()
            elif kind == "select":
                field.select_option(value)
            else:
                field.fill(value)
        label = "Send my answers" if number == len(PAGES) else "Next"
        phone.get_by_role("button", name=label).click()
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    screenshot(phone, "survey-done-phone")


def answer_by_link(invitations, department_of) -> None:
    """Employees who answer from their mail, as a browser without JavaScript posts."""
    client = Client()
    for invitation in invitations:
        pages = {**PAGES, 6: {**PAGES[6], "department": department_of[invitation.pk]}}
        answer_all(client, invitation.token, pages)


def test_a_baseline_wave_reaches_the_threshold_and_qualifies_the_company(
    page, phone, world, browser
):
    template_seed_standard()  # a data migration made it, but earlier browser tests flushed it
    membership = Membership.objects.create(
        location=world.location,
        status="active",
        advisor=world.advisor,
        agreement_signed_by="Hanne",
        agreement_signed_on=date(2026, 1, 5),
    )
    make_employees(world.location)
    wave = open_and_send_a_baseline_wave(page, world.location)
    invitations = with_mailed_tokens(Invitation.objects.filter(wave=wave).order_by("id"))
    assert len(invitations) == 30
    invited = {m.to[0] for m in mail.outbox if "/s/" in m.body}
    assert len(invited) == 30

    department_of = {i.pk: i.department for i in invitations}
    answering = [
        i
        for department, _count, answers in DEPARTMENTS
        for i in [x for x in invitations if x.department == department][:answers]
    ]
    answer_on_a_phone_without_javascript(phone, answering[0].token)
    answer_by_link(answering[1:], department_of)

    # The survey pages pass axe (JavaScript is on in this browser, for axe only).
    unanswered = next(i for i in invitations if i not in answering)
    page.goto(f"/s/{unanswered.token}/")
    assert_accessible(page)
    page.goto(f"/s/{unanswered.token}/1/")
    assert_accessible(page)

    # A second answer from the same link is refused.
    again = Client().get(f"/s/{answering[0].token}/1/", follow=True)
    assert "already" in again.content.decode()

    page.context.clear_cookies()
    log_in(page, "hr@fisk.example.com", PASSWORD)
    page.get_by_role("link", name="Surveys", exact=True).first.click()
    row = page.get_by_role("row").filter(has_text="Fredrikstad")
    expect(row).to_contain_text("76.7% (23/30)")
    expect(row).to_contain_text("75 %")
    expect(row).to_contain_text("met")
    assert_accessible(page)
    screenshot(page, "survey-response-rate")

    # The close date passes; the advisor closes the wave and the company qualifies.
    Wave.objects.filter(pk=wave.pk).update(
        opens_on=timezone.localdate() - timedelta(days=20),
        closes_on=timezone.localdate() - timedelta(days=1),
    )
    page.context.clear_cookies()
    log_in(page, "advisor@example.com", PASSWORD)
    page.goto(f"/staff/surveys/{wave.pk}/")
    page.get_by_role("button", name="Close the survey now").click()
    expect(page.get_by_text(re.compile("The survey is closed"))).to_be_visible()
    membership.refresh_from_db()
    assert membership.status == "qualified"

    # The contact person's results: Kontor, with three answers, shows no number.
    page.context.clear_cookies()
    log_in(page, "hr@fisk.example.com", PASSWORD)
    page.get_by_role("link", name="Surveys", exact=True).first.click()
    page.get_by_role("link", name="Baseline survey").click()
    page.locator("summary", has_text="By department").click()  # the breakdowns are folded
    kontor = page.get_by_role("row").filter(has_text="Kontor").first
    expect(kontor).to_be_visible()
    assert not re.search(r"\d", kontor.inner_text().replace("Kontor", ""))
    expect(page.get_by_text(re.compile("hidden: fewer than 5"))).not_to_have_count(0)
    assert_accessible(page)
    screenshot(page, "survey-results")
