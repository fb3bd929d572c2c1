"""Invitations follow the employee list (issue 11): the contact person ends one employee,
gives another an end date in the employee form and erases a third; their survey links show
the closed page, no reminder goes to them, and the advisor's page counts them apart."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.core.dates import region_today
from pendel.surveys.due_tasks import survey_reminders_due
from pendel.surveys.models import Invitation
from pendel.surveys.services import template_seed_standard, wave_dispatch
from pendel.surveys.tests.conftest import make_employees, make_wave, move_dates
from pendel.surveys.tests.helpers import with_mailed_tokens
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CLOSED = "This survey is closed for you"


def test_ended_and_erased_employees_links_close_and_the_rate_counts_them_apart(page, world):
    template_seed_standard()  # a data migration made it, but earlier browser tests flushed it
    people = make_employees(world.location, 10, department="Lager", language="en")
    wave = make_wave(world.location)
    wave_dispatch(wave=wave, actor=world.advisor)
    token = {
        i.employee_id: i.token for i in with_mailed_tokens(Invitation.objects.filter(wave=wave))
    }
    today = region_today(world.region).isoformat()

    log_in(page, "hr@fisk.example.com", PASSWORD)
    page.goto(f"/company/employees/?location={world.location.pk}")
    page.get_by_role("link", name="End Person0 Test").click()
    page.get_by_label("Last day of employment").fill(today)
    page.get_by_role("button", name="End employment").click()
    expect(page.get_by_text("Person0 Test was ended.")).to_be_visible()

    page.get_by_role("link", name="Edit Person1 Test").click()
    page.get_by_label("End date").fill(today)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Person1 Test was saved.")).to_be_visible()

    page.get_by_role("link", name="Edit Person2 Test").click()
    page.get_by_role("button", name="Erase personal data").click()
    page.get_by_role("button", name="Erase personal data").click()
    expect(page.get_by_text("The employee's personal data was erased.")).to_be_visible()
    assert_accessible(page)

    for person in people[:3]:
        page.goto(f"/s/{token[person.pk]}/")
        expect(page.get_by_role("heading", level=1)).to_have_text(CLOSED)
        expect(page.get_by_role("button", name="Start the survey")).to_have_count(0)
    expect(page.get_by_text("Lager")).to_have_count(0)  # the erased one's group is not shown
    assert_accessible(page)
    screenshot(page, "survey-closed-for-you")
    page.goto(f"/s/{token[people[3].pk]}/")
    expect(page.get_by_role("button", name="Start the survey")).to_be_visible()

    move_dates(wave, -3)  # the first reminder is due today
    mail.outbox.clear()
    survey_reminders_due.enqueue(wave_id=wave.pk, reminder=1)
    reminded = {message.to[0] for message in mail.outbox}
    assert len(reminded) == 7
    assert not reminded & {people[0].email, people[1].email, people[2].email}

    page.context.clear_cookies()
    log_in(page, "advisor@example.com", PASSWORD)
    page.goto(f"/staff/surveys/{wave.pk}/")
    expect(
        page.get_by_text(
            "3 invitations were closed because the employees left or their data was erased"
        )
    ).to_be_visible()
    expect(page.get_by_text("(0 of 7 delivered invitations answered)")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "survey-rate-closed-apart")
