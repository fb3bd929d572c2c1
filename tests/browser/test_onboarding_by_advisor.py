"""Issue 13: an advisor onboards a company that said yes on the phone. They add it as a
member directly, invite its contact person, who accepts, logs in and sees on Min side what
the programme expects next."""

import re

import pytest
from django.core import mail
from openpyxl import Workbook
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.companies.models import Location
from pendel.core.models import AuditEvent
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONTACT = "kari@bakeri.example.no"


def add_the_member(page) -> None:
    page.get_by_role("link", name="Members").first.click()
    page.get_by_role("button", name="Add a member").click()
    assert_accessible(page)
    page.get_by_label("Company name").fill("X")
    page.get_by_label("Organisation number").fill("923 609 016")
    page.get_by_label("Sector").select_option("retail")
    page.get_by_label(re.compile(r"^Workplace")).fill("Sarpsborg")
    page.get_by_label("Street address").fill("Storgata 1")
    page.get_by_label("Postcode").fill("1706")
    page.get_by_label("Municipality").fill("Sarpsborg")
    page.get_by_label("Number of employees at this workplace").fill("86")
    page.get_by_role("button", name="Add the member").click()
    # A name that is no company's: the summary says so above the form and links to the field.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem with the form")
    assert_accessible(page)
    screenshot(page, "member-create-error-summary")
    summary.get_by_role("link", name=re.compile("Company name")).click()
    expect(page.get_by_label("Company name")).to_be_focused()
    page.get_by_label("Company name").fill("Glomma Bakeri AS")
    page.get_by_role("button", name="Add the member").click()
    expect(page.get_by_text("Glomma Bakeri AS is now a member.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Glomma Bakeri AS – Sarpsborg")
    assert_accessible(page)


def invite_the_contact_person(page) -> None:
    invite = page.locator("#invite-contact")
    invite.get_by_text("Invite a contact person").click()  # folded behind its action
    invite.get_by_label("First name").fill("Kari")
    invite.get_by_label("Last name").fill("Hansen")
    invite.get_by_label("Work email").fill(CONTACT)
    invite.get_by_label("Job title").fill("HR-leder")
    invite.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"{CONTACT} has been invited by email.")).to_be_visible()
    expect(page.get_by_role("cell", name=CONTACT)).to_be_visible()
    assert_accessible(page)


def accept_the_invitation(page) -> None:
    invitation = next(m for m in reversed(mail.outbox) if m.to == [CONTACT])
    link = next(line for line in invitation.body.splitlines() if "/accounts/invitation/" in line)
    page.goto(re.search(r"/accounts/invitation/\S+", link).group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Pendel")
    assert_accessible(page)
    page.get_by_label(re.compile(r"^New password( \*)?$")).fill("bakeri-hemmelig-2026")
    page.get_by_label("New password confirmation").fill("bakeri-hemmelig-2026")
    page.get_by_role("button", name="Save password").click()
    # Choosing the password logs the contact person in, straight to Min side.
    expect(page.get_by_text("Your password is saved. Welcome to Pendel.")).to_be_visible()


def import_the_hr_file(page, tmp_path) -> None:
    """The advisor imports the company's HR export (XLSX, a title row above the header) on
    its behalf, from the member's employee list."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Ansatte Glomma Bakeri AS, desember 2026"])
    sheet.append(["Fornavn", "Etternavn", "E-post", "Alder"])
    for number in range(1, 21):
        sheet.append([f"Ansatt{number}", "Bakke", f"ansatt{number}@bakeri.example.no", "30-39"])
    upload = tmp_path / "ansatte.xlsx"
    workbook.save(upload)
    location = Location.objects.get(organisation__name="Glomma Bakeri AS")
    page.goto(f"/staff/locations/{location.pk}/employees/")
    page.get_by_role("button", name="Import from file").click()
    expect(page.get_by_text("You import this file on behalf of Glomma Bakeri AS.")).to_be_visible()
    page.get_by_label(re.compile(r"^Employee file")).set_input_files(str(upload))
    page.get_by_role("button", name="Check the file").click()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^(Apply the import|Import the rows)")).click()
    expect(page.get_by_text(re.compile("The file was imported: 20 added"))).to_be_visible()
    page.goto(f"/staff/members/{location.memberships.get().pk}/")


def test_an_advisor_onboards_a_member_whose_contact_sees_the_next_steps(page, world, tmp_path):
    log_in(page, "advisor@example.com", PASSWORD)
    add_the_member(page)
    invite_the_contact_person(page)

    import_the_hr_file(page, tmp_path)

    actions = set(AuditEvent.objects.filter(actor=world.advisor).values_list("action", flat=True))
    assert {"member.created", "contact.invited", "employee_import.applied"} <= actions

    page.context.clear_cookies()
    accept_the_invitation(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Glomma Bakeri AS")
    # The contact person was invited in the programme's language: Min side speaks Norwegian.
    steps = page.get_by_role("region", name="Dette venter programmet fra dere nå")
    expect(steps).to_contain_text("Signer samarbeidsavtalen.")
    expect(steps).to_contain_text(
        "86 på dette arbeidsstedet, slik dere oppga da dere ble med; 20 på ansattlisten deres"
    )
    expect(steps).to_contain_text("Legg til de 66 ansatte som mangler på listen")
    expect(steps).to_contain_text("Nullpunktsmålingen er ikke sendt ennå")
    expect(page.get_by_role("region", name="Fakturaer å betale")).to_contain_text(
        "Ingen fakturaer å betale."
    )
    assert_accessible(page)
    screenshot(page, "min-side-next-steps")


def test_deactivating_the_contact_person_ends_their_open_session(page, browser, live_server, world):
    log_in(page, "hr@fisk.example.com", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Fredrikstad Fisk AS")

    advisor = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    log_in(advisor, "advisor@example.com", PASSWORD)
    advisor.get_by_role("link", name="Users").first.click()
    advisor.get_by_role("link", name="Deactivate hr@fisk.example.com").click()
    assert_accessible(advisor)
    advisor.get_by_role("button", name="Deactivate the account").click()
    expect(advisor.get_by_text("every session of the account has ended")).to_be_visible()
    assert_accessible(advisor)
    advisor.context.close()

    # The contact person's next click finds the session gone.
    page.reload()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Email address").fill("hr@fisk.example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
