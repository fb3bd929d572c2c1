"""A run makes drafts that staff review before any number is spent, then issue: once, even
when clicked twice; a draft that changed after the review is not issued but shown again;
a month that has not begun needs a confirmation; an unconfirmed VAT rate stops the drafts
that use it until the coordinator confirms it."""

import re
import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from pendel.catalogue.models import VatRate
from pendel.catalogue.tests.builders import national
from pendel.core.models import AuditEvent
from pendel.invoicing import review
from pendel.invoicing.models import DraftInvoice, Invoice, InvoiceCounter, InvoiceRun
from pendel.invoicing.services import (
    invoice_run_issue,
    invoice_run_issue_process,
    invoice_run_start,
)
from pendel.invoicing.tests.builders import (
    MARCH,
    confirm_rates,
    issue_reviewed,
    many_companies,
    numbers,
    plan_month,
    run_month,
)
from pendel.invoicing.tests.test_numbering import (
    RETRY_DEADLINE_SECONDS,
    _retrying,
    _thread,
    assert_gapless,
)
from pendel.orders.tests import builders as orders

FEBRUARY = date(2026, 2, 1)


@pytest.fixture
def ticket(billing):
    return national("company-ticket")


@pytest.fixture
def planned(billing, ticket):
    """Two Norwegian customers with tickets in March, planned into drafts."""
    world = billing.world
    orders.ticket_order(world.location, orders.employees(world.location, 4), ticket, start=MARCH)
    national_no = billing.national_no
    orders.ticket_order(national_no, orders.employees(national_no, 2), ticket, start=MARCH)
    return plan_month(billing.no)


def page_of(client, run) -> str:
    return client.get(reverse("staff:invoice_run_detail", args=[run.pk])).content.decode()


@pytest.fixture
def issue_post(django_capture_on_commit_callbacks):
    """Click "Issue"; the issue task runs when the request's transaction commits."""

    def post(client, run, version=None):
        version = run.plan_version if version is None else version
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                reverse("staff:invoice_run_issue", args=[run.pk]), {"version": version}, follow=True
            )

    return post


def test_planning_makes_drafts_and_spends_no_number(billing, planned):
    assert planned.status == "review"
    assert planned.drafts.count() == 2
    assert not Invoice.objects.exists()
    assert not InvoiceCounter.objects.filter(last_number__gt=0).exists()
    draft = planned.drafts.get(organisation=billing.world.company)
    # 4 tickets at 177.6786 net (199 kr with 12 % VAT), the employer paying it all
    assert str(draft.line_total) == "710.71" and str(draft.total) == "796.00"
    assert draft.validation == "passed" and draft.findings == []


def test_the_review_page_shows_totals_last_month_checks_and_routes(client, billing, ticket):
    world = billing.world
    orders.ticket_order(world.location, orders.employees(world.location, 4), ticket, start=FEBRUARY)
    run_month(billing.no, FEBRUARY)
    february = Invoice.objects.get()
    late = orders.employees(world.location, 1, prefix="Ny")
    orders.ticket_order(world.location, late, ticket, start=MARCH)
    billing.national.invoice_email = ""
    billing.national.save()
    national_no = billing.national_no
    orders.ticket_order(national_no, orders.employees(national_no, 2), ticket, start=MARCH)
    run = plan_month(billing.no, MARCH)

    client.force_login(world.advisor)
    page = page_of(client, run)
    assert "Drafts to review" in page
    assert "Fredrikstad Fisk AS" in page and "Nordvei Logistikk AS" in page
    assert "kr\xa0796,00" in page or "796.00" in page or "796,00" in page  # last month
    assert "995,00" in page or "995.00" in page  # this month: five tickets
    assert "199,00" in page or "199.00" in page  # the change
    assert ": 4 → 5" in page  # the company ticket: four employees in February, five now
    assert "New this month" in page  # Nordvei had no invoice in February
    assert "No e-invoice route" in page  # Nordvei has no address to send to
    assert "Passes the e-invoice rules" in page
    assert "Issue 2 invoices" in page
    assert february.number in Invoice.objects.values_list("number", flat=True)
    assert Invoice.objects.count() == 1  # the review issued nothing


def test_a_draft_that_breaks_the_peppol_rules_is_shown_with_its_findings(
    client, billing, ticket, monkeypatch
):
    """The check runs the real rules on the document the draft would be issued as; here
    that document loses its buyer reference on the way (PEPPOL-EN16931-R003)."""
    original = review.invoice_xml

    def without_reference(invoice, lines=None):
        xml = original(invoice, lines=lines).decode()
        return re.sub(r"<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", "", xml).encode()

    monkeypatch.setattr(review, "invoice_xml", without_reference)
    world = billing.world
    orders.ticket_order(world.location, orders.employees(world.location, 1), ticket, start=MARCH)
    run = plan_month(billing.no)
    draft = run.drafts.get()
    assert draft.validation == "failed"
    assert "PEPPOL-EN16931-R003" in {finding["rule"] for finding in draft.findings}
    client.force_login(world.advisor)
    page = page_of(client, run)
    assert "PEPPOL-EN16931-R003" in page
    assert "1 draft breaks the PEPPOL BIS Billing 3.0 rules" in page
    assert "Issue 1 invoice" not in page  # a number is never spent on what cannot be sent
    with pytest.raises(ValidationError):
        invoice_run_issue(actor=world.advisor, run=run, version=run.plan_version)

    monkeypatch.undo()  # the cause is put right; the drafts are made again
    run = plan_month(billing.no)
    assert run.drafts.get().validation == "passed"
    assert invoice_run_issue(actor=world.advisor, run=run, version=run.plan_version)
    assert invoice_run_issue_process(run_id=run.pk).status == "done"
    assert numbers(billing.no) == [1]


def test_a_broken_draft_is_held_back_while_the_others_are_issued(billing, ticket, monkeypatch):
    world = billing.world
    original = review.invoice_xml

    def broken_for_fisk(invoice, lines=None):
        xml = original(invoice, lines=lines).decode()
        if invoice.organisation_id == world.company.pk:
            xml = re.sub(r"<cbc:BuyerReference>[^<]*</cbc:BuyerReference>", "", xml)
        return xml.encode()

    monkeypatch.setattr(review, "invoice_xml", broken_for_fisk)
    orders.ticket_order(world.location, orders.employees(world.location, 2), ticket, start=MARCH)
    national_no = billing.national_no
    orders.ticket_order(national_no, orders.employees(national_no, 2), ticket, start=MARCH)
    run = plan_month(billing.no)
    assert invoice_run_issue(actor=world.advisor, run=run, version=run.plan_version)
    run = invoice_run_issue_process(run_id=run.pk)
    assert run.status == "review"
    assert list(Invoice.objects.values_list("organisation__name", flat=True)) == [
        "Nordvei Logistikk AS"
    ]
    held = run.drafts.get()
    assert held.organisation == world.company and held.validation == "failed"


def test_issue_issues_the_reviewed_drafts_once_even_when_clicked_twice(
    client, billing, planned, issue_post
):
    client.force_login(billing.world.advisor)
    response = issue_post(client, planned)
    assert "The reviewed drafts are being issued." in response.content.decode()
    planned.refresh_from_db()
    assert planned.status == "done"
    assert numbers(billing.no) == [1, 2]
    assert not DraftInvoice.objects.exists()
    issuers = set(Invoice.objects.values_list("created_by", flat=True))
    assert issuers == {billing.world.advisor.pk}  # who clicked "Issue"

    response = issue_post(client, planned, version=planned.plan_version)  # the second click
    assert "Nothing was issued from this page" in response.content.decode()
    assert numbers(billing.no) == [1, 2]
    requests = AuditEvent.objects.filter(action="invoice_run.issue_requested")
    assert requests.count() == 1


def test_a_page_older_than_the_drafts_issues_nothing(client, billing, planned, issue_post):
    client.force_login(billing.world.advisor)
    response = issue_post(client, planned, version=planned.plan_version - 1)
    assert "Nothing was issued from this page" in response.content.decode()
    planned.refresh_from_db()
    assert planned.status == "review" and not Invoice.objects.exists()


def test_bad_input_to_issue_changes_nothing(client, billing, planned):
    client.force_login(billing.world.advisor)
    for version in ("", "x", "9" * 30):
        response = client.post(
            reverse("staff:invoice_run_issue", args=[planned.pk]), {"version": version}
        )
        assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.status == "review" and not Invoice.objects.exists()


def test_a_new_ticket_after_the_review_holds_that_customer_back(
    client, billing, planned, ticket, issue_post
):
    """The review saw four tickets for Fredrikstad Fisk; a fifth comes before "Issue".
    Nordvei's draft is unchanged and issued; Fredrikstad Fisk's is not issued with what
    nobody reviewed, but shown again, marked as changed, and issued on the next click."""
    world = billing.world
    late = orders.employees(world.location, 1, prefix="Ny")
    orders.ticket_order(world.location, late, ticket, start=MARCH)
    client.force_login(world.advisor)
    issue_post(client, planned)

    planned.refresh_from_db()
    assert planned.status == "review"
    assert list(Invoice.objects.values_list("organisation__name", flat=True)) == [
        "Nordvei Logistikk AS"
    ]
    held = planned.drafts.get()
    assert held.organisation == world.company and held.changed
    assert str(held.total) == "995.00"  # five tickets now
    page = page_of(client, planned)
    assert "Changed since the last review" in page
    assert "1 draft changed after the last review and was not issued" in page

    issue_post(client, planned)
    planned.refresh_from_db()
    assert planned.status == "done"
    assert numbers(billing.no) == [1, 2]
    assert Invoice.objects.get(organisation=world.company).total == held.total


def test_discarding_drafts_spends_nothing_and_the_month_can_be_planned_again(
    client, billing, planned
):
    client.force_login(billing.world.advisor)
    response = client.post(
        reverse("staff:invoice_run_discard", args=[planned.pk]),
        {"version": planned.plan_version},
        follow=True,
    )
    assert "No invoice number was used." in response.content.decode()
    planned.refresh_from_db()
    assert planned.status == "discarded" and not planned.drafts.exists()
    assert AuditEvent.objects.filter(action="invoice_run.drafts_discarded").exists()
    run = plan_month(billing.no)
    assert run.status == "review" and run.drafts.count() == 2
    issue_reviewed(run)
    assert numbers(billing.no) == [1, 2]


def test_a_month_with_nothing_to_invoice_is_done_without_a_review(billing):
    run = plan_month(billing.no)
    assert run.status == "done" and not run.drafts.exists()


def test_a_month_that_has_not_begun_needs_the_advance_confirmation(client, billing, world):
    next_month = date(2027, 1, 1)  # today is 3 December 2026 in the tests' world
    client.force_login(world.advisor)
    response = client.post(
        reverse("staff:invoice_run_start"),
        {"region": world.region.pk, "period": "2027-01"},
        follow=True,
    )
    assert "has not begun yet" in response.content.decode()
    assert not InvoiceRun.objects.exists()

    with pytest.raises(ValidationError):
        invoice_run_start(actor=world.advisor, region=billing.no, period=next_month)
    run = invoice_run_start(
        actor=world.advisor, region=billing.no, period=next_month, in_advance=True
    )
    assert run.in_advance
    event = AuditEvent.objects.get(action="invoice_run.started")
    assert event.changes["in_advance"] is True


def test_this_month_needs_no_confirmation(billing, world):
    run = invoice_run_start(actor=world.advisor, region=billing.no, period=date(2026, 12, 1))
    assert not run.in_advance


def test_an_unconfirmed_vat_rate_blocks_the_drafts_using_it_until_confirmed(
    client, billing, ticket, issue_post
):
    """The Dutch 9 % for passenger transport is seeded unconfirmed."""
    world = billing.world
    location = world.other_location
    orders.ticket_order(location, orders.employees(location, 3), ticket, start=MARCH)
    run = plan_month(billing.nl)
    rate = VatRate.objects.get(country="NL", tax_class="passenger_transport")
    assert not rate.confirmed

    client.force_login(world.other_advisor)
    page = page_of(client, run)
    assert "1 draft cannot be issued" in page
    assert "The national coordinator confirms VAT rates." in page
    assert "Issue 1 invoice" not in page
    response = issue_post(client, run)
    assert "each waits for a VAT rate" in response.content.decode()
    run.refresh_from_db()
    assert run.status == "review" and not Invoice.objects.exists()

    client.force_login(world.coordinator)
    page = page_of(client, run)
    confirm = reverse("staff:vat_rate_confirm", args=[rate.pk])
    run_page = reverse("staff:invoice_run_detail", args=[run.pk])
    assert f"{confirm}?next={run_page}" in page
    response = client.post(
        confirm,
        {
            "source_url": "https://www.belastingdienst.nl/btw-tarieven",
            "source_text": "9% voor personenvervoer",
            "next": run_page,
        },
    )
    assert response["Location"] == run_page  # back to the review
    rate.refresh_from_db()
    assert rate.confirmed and rate.checked_on is not None
    assert "«9% voor personenvervoer»" in rate.note
    event = AuditEvent.objects.get(action="vat_rate.confirmed")
    assert event.actor == world.coordinator
    assert event.changes["source_text"] == "9% voor personenvervoer"
    assert event.changes["source_url"] == "https://www.belastingdienst.nl/btw-tarieven"

    client.force_login(world.other_advisor)
    assert "Issue 1 invoice" in page_of(client, run)
    issue_post(client, run)
    run.refresh_from_db()
    assert run.status == "done"
    assert Invoice.objects.get().lines.get().vat_rate_confirmed


def test_a_blocked_draft_stays_in_review_while_the_others_are_issued(billing, planned):
    """Fredrikstad Fisk also has an event (standard rate); Norway's 25 % is found doubtful
    after the review. Nordvei (tickets only, 12 %) is issued; Fredrikstad Fisk waits,
    unchanged, until the rate is confirmed again."""
    world = billing.world
    orders.product_order(world.location, national("event"), start=MARCH)
    run = plan_month(billing.no)
    VatRate.objects.filter(country="NO", tax_class="standard").update(confirmed=False)
    assert invoice_run_issue(actor=world.advisor, run=run, version=run.plan_version)
    run = invoice_run_issue_process(run_id=run.pk)
    assert run.status == "review"
    assert list(Invoice.objects.values_list("organisation__name", flat=True)) == [
        "Nordvei Logistikk AS"
    ]
    held = run.drafts.get()
    assert held.organisation == world.company and not held.changed
    with pytest.raises(ValidationError):  # nothing else can be issued
        invoice_run_issue(actor=world.advisor, run=run, version=run.plan_version)
    confirm_rates(billing.no)
    assert invoice_run_issue(actor=world.advisor, run=run, version=run.plan_version)
    run = invoice_run_issue_process(run_id=run.pk)
    assert run.status == "done" and numbers(billing.no) == [1, 2]


def test_staff_of_another_region_and_contact_persons_get_404(client, billing, planned):
    world = billing.world
    for user in (world.other_advisor, world.contact, world.other_contact, world.contact_of_two):
        client.force_login(user)
        assert page_status(client, "staff:invoice_run_detail", planned) == 404
        for name in ("staff:invoice_run_issue", "staff:invoice_run_discard"):
            response = client.post(
                reverse(name, args=[planned.pk]), {"version": planned.plan_version}
            )
            assert response.status_code == 404
    planned.refresh_from_db()
    assert planned.status == "review" and not Invoice.objects.exists()


def test_the_dual_role_persona_acts_as_staff_of_her_own_region_only(
    client, billing, planned, issue_post
):
    """Mari is staff in Nedre Glomma and contact person in Nord-Jæren."""
    world = billing.world
    client.force_login(world.staff_and_contact)
    assert page_status(client, "staff:invoice_run_detail", planned) == 200
    other = InvoiceRun.objects.create(region=world.other_region, period=MARCH, status="review")
    assert page_status(client, "staff:invoice_run_detail", other) == 404
    response = client.post(
        reverse("staff:invoice_run_issue", args=[other.pk]), {"version": other.plan_version}
    )
    assert response.status_code == 404
    issue_post(client, planned)
    planned.refresh_from_db()
    assert planned.status == "done"


def page_status(client, name, run) -> int:
    return client.get(reverse(name, args=[run.pk])).status_code


def test_the_progress_part_asks_for_the_whole_page_once_drafts_are_ready(client, billing, planned):
    client.force_login(billing.world.advisor)
    url = reverse("staff:invoice_run_detail", args=[planned.pk])
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.status_code == 204 and response["HX-Refresh"] == "true"
    InvoiceRun.objects.filter(pk=planned.pk).update(status="running")
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<progress" in partial and "<html" not in partial


@pytest.mark.django_db(transaction=True)
def test_two_issues_at_once_issue_once_with_gapless_numbers(world):
    """Two clicks (two requests) and their tasks at the same moment: the run's row lock
    lets one ask; the counter's lock and BilledItem keep two workers from billing twice."""
    from pendel.invoicing.tests.builders import make_billing

    billing = make_billing(world)
    many_companies(billing, 6)
    run = plan_month(billing.no)
    barrier = threading.Barrier(2)
    errors: list[Exception] = []
    asked: list[bool] = []

    def click_and_work():
        asked.append(
            _retrying(lambda: invoice_run_issue(actor=None, run=run, version=run.plan_version))
        )
        _retrying(lambda: invoice_run_issue_process(run_id=run.pk))  # as a second worker

    threads = [_thread(click_and_work, barrier, errors) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=RETRY_DEADLINE_SECONDS * 2)
    assert errors == []
    assert sorted(asked) == [False, True]
    run.refresh_from_db()
    assert run.status == "done"
    assert Invoice.objects.count() == 6
    assert_gapless(billing.no)
