"""An advisor imports a company's HR file on its behalf: an age band that is not Pendel's
is a warning, the column is ignored with a checkbox (no JavaScript needed), the row without
a last name is left out, and the good rows are imported."""

import re

import pytest
from playwright.sync_api import expect

from pendel.accounts.factories import PASSWORD
from pendel.core.models import AuditEvent
from pendel.employees.models import Employee
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HR_FILE = (
    "Ansattnr;Fornavn;Etternavn;E-post;Alder\r\n"
    "1001;Åse;Ødegård;ase@fisk.no;30-39\r\n"
    "1002;Bjørn;;bjorn@fisk.no;41\r\n"
    "1003;Ola;Nordmann;ola@fisk.no;25\r\n"
)


def test_an_advisor_imports_a_companys_file_and_ignores_a_column(page, world, tmp_path):
    log_in(page, "advisor@example.com", PASSWORD)
    page.goto(f"/staff/locations/{world.location.pk}/employees/")
    page.get_by_role("button", name="Import from file").click()
    expect(
        page.get_by_text("You import this file on behalf of Fredrikstad Fisk AS.")
    ).to_be_visible()
    upload = tmp_path / "ansatte.csv"
    upload.write_bytes(HR_FILE.encode("cp1252"))
    page.get_by_label(re.compile(r"^Employee file")).set_input_files(str(upload))
    page.get_by_role("button", name="Check the file").click()

    expect(page.locator("main").get_by_role("heading", level=2).first).to_contain_text(
        "1 row has errors and will be left out."
    )
    expect(page.get_by_text("1 cell is left out")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "staff-import-preview")

    page.get_by_label("Ignore Alder").check()
    page.get_by_role("button", name="Check the file again").click()
    expect(page.get_by_text("The file was checked again with the columns chosen.")).to_be_visible()
    expect(page.get_by_text("1 cell is left out")).to_have_count(0)
    expect(page.get_by_label("Ignore Alder")).to_be_checked()

    page.get_by_role("button", name="Import the rows without errors").click()
    expect(page.get_by_text("The file was imported: 2 added, 0 changed, 0 ended.")).to_be_visible()
    expect(page.get_by_text("1 row with errors was left out.")).to_be_visible()
    assert_accessible(page)

    assert dict(Employee.objects.values_list("first_name", "age_group")) == {"Åse": "", "Ola": ""}
    actors = set(
        AuditEvent.objects.filter(action__startswith="employee").values_list("actor", flat=True)
    )
    assert actors == {world.advisor.pk}
