"""The whole path of a new member: apply, approval, invitation, password, employee import."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.companies.models import Location
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def apply_on_the_public_form(page, region) -> None:
    page.goto(f"/programmes/{region.slug}/join/")
    assert_accessible(page)
    page.get_by_label("Company name").fill("Glomma Bakeri AS")
    page.get_by_label("Organisation number").fill("923 609 016")
    page.get_by_label("Sector").select_option("retail")
    page.get_by_label(re.compile(r"^Workplace")).fill("Sarpsborg")
    workplace = page.get_by_role("group", name="The workplace")
    workplace.get_by_label("Street address").fill("Storgata 1")
    workplace.get_by_label(re.compile(r"^Postcode")).fill("1706")
    page.get_by_label("Number of employees at this workplace").fill("42")
    invoicing = page.get_by_role("group", name="Invoicing")
    invoicing.get_by_label(re.compile(r"^Invoice address")).fill("Postboks 12")
    invoicing.get_by_label(re.compile(r"^Postcode")).fill("1701")
    invoicing.get_by_label(re.compile(r"^City")).fill("Sarpsborg")
    invoicing.get_by_label(re.compile(r"^Invoice email")).fill("faktura@bakeri.example.no")
    page.get_by_label("First name").fill("Kari")
    page.get_by_label("Last name").fill("Hansen")
    page.get_by_label("Work email").fill("kari@bakeri.example.no")
    page.get_by_label(re.compile(r"^Phone")).fill("912 34 567")
    page.get_by_label("Our logo may be shown").check()
    page.get_by_role("button", name="Send application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    # Nothing reaches the staff until the address is confirmed by the link in the mail.
    (confirmation,) = mail.outbox
    assert confirmation.to == ["kari@bakeri.example.no"]
    assert "Glomma Bakeri" not in confirmation.body
    link = re.search(r"/programmes/\S+/join/confirm/\S+/", confirmation.body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm and send the application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your application has been sent")
    assert {"advisor@example.com", "kari@bakeri.example.no"} <= {m.to[0] for m in mail.outbox}


def approve_as_advisor(page) -> str:
    log_in(page, "advisor@example.com", PASSWORD)
    page.get_by_role("link", name="Applications").first.click()
    page.get_by_role("link", name="Glomma Bakeri AS").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Glomma Bakeri AS")
    assert_accessible(page)
    page.get_by_role("button", name="Approve and invite the contact person").click()
    expect(
        page.get_by_text("The application is approved and the contact person has been invited.")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Glomma Bakeri AS")
    assert_accessible(page)
    return page.url


def set_password_from_the_invitation(page) -> None:
    invitation = next(m for m in reversed(mail.outbox) if m.to == ["kari@bakeri.example.no"])
    link = next(line for line in invitation.body.splitlines() if "/accounts/invitation/" in line)
    page.goto(urlsplit(link.strip()).path)
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Pendel")
    page.get_by_label(re.compile(r"^New password( \*)?$")).fill("bakeri-hemmelig-2026")
    page.get_by_label("New password confirmation").fill("bakeri-hemmelig-2026")
    page.get_by_role("button", name="Save password").click()
    # Logged in with the new password at once: Min side, no login form in between.
    expect(page.get_by_text("Your password is saved. Welcome to Pendel.")).to_be_visible()


BAD_CSV = (
    "Fornavn;Etternavn;E-post;Avdeling\r\n"
    "Åse;Ødegård;ase@bakeri.example.no;Bakeriet\r\n"
    "Bjørn;Dæhlie;ikke-en-epost;Bakeriet\r\n"
    "Per;Ås;per@bakeri.example.no;Kontoret\r\n"
    ";Hansen;hansen@bakeri.example.no;Butikken\r\n"
)
GOOD_CSV = BAD_CSV.replace("ikke-en-epost", "bjorn@bakeri.example.no").replace(
    ";Hansen;", "Jon;Hansen;"
)


def import_employees(page, tmp_path) -> None:
    """A semicolon CSV in Windows-1252 with a Norwegian header, as HR systems export it."""
    page.get_by_role("link", name="Employees").first.click()
    page.get_by_role("button", name="Import from file").click()
    assert_accessible(page)
    bad = tmp_path / "ansatte.csv"
    bad.write_bytes(BAD_CSV.encode("cp1252"))
    page.get_by_label(re.compile(r"^Employee file")).set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text(
        "2 rows have errors and will be left out."
    )
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(3)  # the header and two errors
    expect(page.get_by_role("button", name="Download the rows with errors (CSV)")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "import-errors")

    page.get_by_role("button", name="Discard").click()
    page.get_by_role("button", name="Import from file").click()
    good = tmp_path / "ansatte-rettet.csv"
    good.write_bytes(GOOD_CSV.encode("cp1252"))
    page.get_by_label(re.compile(r"^Employee file")).set_input_files(str(good))
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("button", name="Apply the import").click()
    expect(page.get_by_role("cell", name="Ødegård").first).to_be_visible()
    expect(page.get_by_role("cell", name="bjorn@bakeri.example.no")).to_be_visible()
    assert_accessible(page)


def test_a_company_applies_is_approved_and_its_contact_sets_a_password(
    page, browser, world, tmp_path
):
    apply_on_the_public_form(page, world.region)
    member_url = approve_as_advisor(page)

    page.context.clear_cookies()
    set_password_from_the_invitation(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Glomma Bakeri AS")
    expect(page.get_by_text("Approved")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "min-side-new-member")
    import_employees(page, tmp_path)
    screenshot(page, "employees-imported")

    # An advisor of another region sees none of it.
    page.context.clear_cookies()
    log_in(page, "adviseur@example.com", PASSWORD)
    assert page.goto(member_url).status == 404
    page.goto("/staff/members/")
    expect(page.get_by_text("Glomma Bakeri")).to_have_count(0)
    page.goto("/staff/applications/?status=approved")
    expect(page.get_by_text("Glomma Bakeri")).to_have_count(0)
    location = Location.objects.get(organisation__name="Glomma Bakeri AS")
    employees = page.goto(f"/staff/locations/{location.pk}/employees/")
    assert employees.status == 404
