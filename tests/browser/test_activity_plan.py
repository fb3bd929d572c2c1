"""The yearly activity plan (issue 15): the contact person drafts a plan with four
activities, a bike check among them, on Min side and sends it; the advisor approves it."""

import re
from datetime import date

import pytest
from django.core import mail
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.activities.models import ActivityPlan, Event, SignUp
from pendel.activities.tests.builders import (
    member_with_baseline,
    plan_with_lines,
    seed_activity_catalogue,
)
from tests.browser.conftest import assert_accessible, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page, activity: str, month: str) -> None:
    form = page.locator("main form", has=page.get_by_label("Proposed month"))
    form.get_by_label("Activity").select_option(label=activity)
    form.get_by_label("Proposed month").select_option(label=month)
    form.get_by_role("button", name="Add to the plan").click()
    expect(page.get_by_text(f"{activity} has been added to the plan.")).to_be_visible()
    assert_accessible(page)


def test_the_contact_person_drafts_and_sends_the_plan_and_the_advisor_approves_it(page, world):
    seed_activity_catalogue()
    year = date.today().year
    member_with_baseline(
        world.location, closes_on=date(year, 2, 12), closed=True, advisor=world.advisor
    )
    log_in(page, world.contact.email, PASSWORD)
    assert_accessible(page)
    page.get_by_role("link", name="Activity plan", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name=f"Activity plan {year}").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Activity plan {year}")
    expect(page.get_by_text("4 activities are still to choose.")).to_be_visible()
    assert_accessible(page)

    choose(page, "Bike check", f"May {year}")
    expect(page.get_by_text("2 activities are still to choose.")).to_be_visible()
    choose(page, "Stand at the workplace", f"April {year}")
    choose(page, "Health talk", f"September {year}")
    expect(page.get_by_text("All activities are chosen.")).to_be_visible()
    lines = page.get_by_role("region", name="The activities of the plan")
    for activity in ("Travel survey", "Bike check", "Stand at the workplace", "Health talk"):
        expect(lines.locator("strong", has_text=activity)).to_be_visible()

    page.get_by_role("button", name="Send the plan to the advisor").click()
    expect(page.get_by_text("The plan has been sent to your advisor.").first).to_be_visible()
    assert_accessible(page)
    assert [m.to for m in mail.outbox] == [[world.advisor.email]]
    page.get_by_role("button", name="Log out").click()

    log_in(page, world.advisor.email, PASSWORD)
    page.get_by_role("link", name="Activity plans").click()
    assert_accessible(page)
    page.get_by_role("link", name="Fredrikstad Fisk AS").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Activity plan {year}")
    assert_accessible(page)
    page.get_by_label("Comment to the company").fill("Fin plan. Vi booker sykkelsjekken i mai.")
    page.get_by_role("button", name="Approve the plan").click()
    expect(page.get_by_text("The plan is approved.")).to_be_visible()
    assert_accessible(page)
    plan = ActivityPlan.objects.get(location=world.location, year=year)
    assert plan.status == ActivityPlan.Status.APPROVED
    assert plan.lines.get(activity_type__code="bike-check").activity_type.capacity == 10


def test_from_the_approved_plan_the_bike_check_is_scheduled_and_the_eleventh_waits(page, world):
    """Issue 15's path end to end: the approved plan's bike check (ten places) is scheduled
    from the plan, eleven employees sign up from the shared link, the eleventh is on the
    waiting list and gets the place when one of the ten cancels."""
    seed_activity_catalogue()
    year = date.today().year
    member_with_baseline(
        world.location, closes_on=date(year, 2, 12), closed=True, advisor=world.advisor
    )
    plan = plan_with_lines(
        world.location, year, [("bike-check", 12), ("stand", 11), ("health-talk", 10)]
    )
    ActivityPlan.objects.filter(pk=plan.pk).update(status=ActivityPlan.Status.APPROVED)

    log_in(page, world.advisor.email, PASSWORD)
    page.goto(f"/staff/activities/plans/{plan.pk}/")
    page.get_by_role("link", name="Schedule Bike check").click()
    assert_accessible(page)
    page.get_by_label("Date").fill(f"{year + 1}-01-14")
    page.get_by_label("Starts").fill("10:00")
    page.get_by_label("Ends").fill("13:00")
    page.locator("input[name=place]").fill("Sykkelparkeringen")
    page.get_by_role("button", name="Schedule", exact=True).click()
    expect(page.get_by_text("The activity has been scheduled.")).to_be_visible()
    assert_accessible(page)
    event = Event.objects.get(planned__plan=plan)
    assert event.capacity == 10
    assert plan.lines.get(activity_type__code="bike-check").status == "scheduled"
    page.get_by_role("button", name="Log out").click()

    for number in range(1, 12):
        page.goto(f"/activities/{event.signup_code}/")
        page.locator("input[name=name]").fill(f"Ansatt {number}")
        page.locator("input[name=email]").fill(f"ansatt{number}@example.com")
        page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "You are number 1 on the waiting list"
    )
    assert_accessible(page)
    assert SignUp.objects.filter(event=event, status="confirmed").count() == 10

    first = next(m for m in mail.outbox if m.to == ["ansatt1@example.com"])
    page.goto(re.search(r"http://\S+(/activities/cancel/[\w-]+/)", first.body).group(1))
    page.locator("main form button[type=submit]").click()
    assert SignUp.objects.get(email="ansatt11@example.com").status == "confirmed"
    assert SignUp.objects.filter(event=event, status="confirmed").count() == 10
    assert mail.outbox[-1].to == ["ansatt11@example.com"]
