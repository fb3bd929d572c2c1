"""Issue 14: the staff start pages say what to do next. The advisor sees their members
first, open surveys against their threshold, follow-ups, applications and overdue
invoices of their own regions only; the coordinator sees the figures per region, and no
figure about fewer answers than the minimum group size."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.companies.models import AdvisorNote, Application, Membership
from pendel.invoicing.models import Invoice
from pendel.portal.tests.test_min_side_next_steps import open_wave
from pendel.surveys.models import SurveySettings


def start_page(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("staff:home"))
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def member(region, name: str, *, advisor=None, status: str = "active") -> Membership:
    organisation = OrganisationFactory(name=name, country=region.country)
    location = LocationFactory(organisation=organisation, region=region, name="Sentrum")
    return Membership.objects.create(location=location, status=status, advisor=advisor)


_sequence = iter(range(1, 1000))


def invoice(membership, *, due_days_ago: int, total: str, paid: str = "0") -> Invoice:
    location = membership.location
    today = timezone.localdate()
    sequence = next(_sequence)
    return Invoice.objects.create(
        region=location.region,
        organisation=location.organisation,
        location=location,
        sequence=sequence,
        number=f"T-{sequence}",
        issue_date=today - timedelta(days=due_days_ago + 14),
        due_date=today - timedelta(days=due_days_ago),
        period_start=today.replace(day=1),
        period_end=today,
        currency=location.region.country.currency,
        language="nb",
        seller={},
        buyer={},
        buyer_reference="ref",
        line_total=Decimal(total),
        vat_total=Decimal("0"),
        total=Decimal(total),
        paid_total=Decimal(paid),
        status=Invoice.Status.SENT,
    )


@pytest.mark.django_db
def test_my_members_come_first_and_another_regions_never_appear(client, world):
    member(world.region, "Aaa Region Member AS", advisor=world.staff_and_contact)
    member(world.region, "Zzz My Member AS", advisor=world.advisor)
    member(world.other_region, "Twentse Buurman B.V.", advisor=world.other_advisor)
    member(world.region, "Ended Member AS", advisor=world.advisor, status="ended")
    page = start_page(client, world.advisor)
    assert page.index("Zzz My Member AS") < page.index("Aaa Region Member AS")
    assert "You are the advisor of 1 of them." in page
    assert "Twentse Buurman" not in page
    assert "Ended Member AS" not in page


@pytest.mark.django_db
def test_an_overdue_invoice_with_money_owed_appears(client, world):
    owing = member(world.region, "Skylder AS", advisor=world.advisor)
    paid = member(world.region, "Betalt AS", advisor=world.advisor)
    elsewhere = member(world.other_region, "Achterstand B.V.")
    invoice(owing, due_days_ago=10, total="1250.00", paid="250.00")
    invoice(owing, due_days_ago=-5, total="999.00")  # not due yet
    invoice(paid, due_days_ago=10, total="500.00", paid="500.00")
    invoice(elsewhere, due_days_ago=10, total="700.00")
    page = start_page(client, world.advisor)
    block = page[page.index("Invoices overdue") : page.index("All overdue invoices")]
    assert "Skylder AS" in block
    assert "1" in block and "000" in block  # the balance, 1 000,00 in the region's format
    assert "999" not in block
    assert "Betalt AS" not in block
    assert "Achterstand" not in page


@pytest.mark.django_db
def test_a_rate_below_the_threshold_is_shown_as_such(client, world):
    low = member(world.region, "Lav Svar AS", advisor=world.advisor)
    high = member(world.region, "Hoy Svar AS", advisor=world.advisor)
    few = member(world.region, "Lite Lag AS", advisor=world.advisor)
    open_wave(low.location, delivered=20, answered=5)
    open_wave(high.location, delivered=10, answered=9)
    open_wave(few.location, delivered=4, answered=4)
    page = start_page(client, world.advisor)
    threshold = SurveySettings(region=world.region).baseline_threshold
    assert f"25 % answered, below the threshold of {threshold} %" in page
    assert f"90 % answered, threshold {threshold} % reached" in page
    assert "No rate yet: fewer than 5 reached" in page
    assert "100 %" not in page  # the group of four shows no figure


@pytest.mark.django_db
def test_follow_ups_due_and_applications_waiting_appear(client, world):
    membership = member(world.region, "Oppfolging AS", advisor=world.advisor)
    today = timezone.localdate()
    AdvisorNote.objects.create(
        membership=membership,
        author=world.advisor,
        happened_on=today - timedelta(days=20),
        follow_up_on=today - timedelta(days=2),
        text="Ring om sykkelparkering",
    )
    for region, name, confirmed in [
        (world.region, "Ny Søker AS", True),
        (world.region, "Ubekreftet AS", False),
        (world.other_region, "Nieuwe Aanvrager B.V.", True),
    ]:
        Application.objects.create(
            region=region,
            company_name=name,
            organisation_number="923609016",
            location_name="Sentrum",
            street_address="Storgata 1",
            postcode="1606",
            municipality="Fredrikstad",
            employee_count=40,
            contact_first_name="Kari",
            contact_last_name="Nordmann",
            contact_email="kari@example.com",
            language="nb",
            email_confirmed_at=timezone.now() if confirmed else None,
        )
    page = start_page(client, world.advisor)
    assert "Ring om sykkelparkering" in page
    assert "Was due" in page
    assert "Ny Søker AS" in page
    assert "Ubekreftet" not in page
    assert "Nieuwe Aanvrager" not in page


@pytest.mark.django_db
def test_the_dual_role_person_sees_only_the_region_they_work_in(client, world):
    member(world.region, "Glomma Medlem AS")
    member(world.third_region, "Jæren Medlem AS")
    page = start_page(client, world.staff_and_contact)
    assert "Glomma Medlem AS" in page
    assert "Jæren Medlem AS" not in page
    assert "The programmes in" not in page  # the national figures are the coordinator's


@pytest.mark.django_db
def test_outsiders_get_no_start_page(client, world):
    client.force_login(world.contact)
    assert client.get(reverse("staff:home")).status_code == 404


@pytest.mark.django_db
def test_the_coordinator_sees_no_figure_about_fewer_answers_than_the_minimum(client, world):
    small = member(world.region, "Fire Svar AS")
    big = member(world.other_region, "Grote Groep B.V.")
    open_wave(small.location, delivered=4, answered=4)
    open_wave(big.location, delivered=12, answered=6)
    invoice(big, due_days_ago=3, total="400.00")
    page = start_page(client, world.coordinator)
    table = page[page.index("The programmes in") : page.index("Survey figures count")]
    glomma = table[table.index(world.region.programme_name) :]
    glomma = glomma[: glomma.index("</tr>")]
    assert "fewer than 5" in glomma and "not shown" in glomma
    overijssel = table[table.index(world.other_region.programme_name) :]
    overijssel = overijssel[: overijssel.index("</tr>")]
    assert ">6<" in overijssel and "50 %" in overijssel
    assert "1 invoice" in overijssel


@pytest.mark.django_db
def test_the_rate_reads_in_the_advisors_language(client, world):
    low = member(world.region, "Lav Svar AS", advisor=world.advisor)
    open_wave(low.location, delivered=20, answered=5)
    world.advisor.language = "nb"
    world.advisor.save(update_fields=["language"])
    page = start_page(client, world.advisor)
    threshold = SurveySettings(region=world.region).baseline_threshold
    assert f"25 % har svart, under grensen på {threshold} %" in page


@pytest.mark.django_db
def test_invoiced_this_year_is_less_the_credit_notes(client, world):
    big = member(world.other_region, "Grote Groep B.V.")
    billed = invoice(big, due_days_ago=-10, total="400.00")
    credit = invoice(big, due_days_ago=-10, total="150.00")
    Invoice.objects.filter(pk=credit.pk).update(
        kind=Invoice.Kind.CREDIT_NOTE, credited_invoice=billed
    )
    # Issued today: this year's, whatever day the test runs.
    Invoice.objects.filter(pk__in=[billed.pk, credit.pk]).update(issue_date=timezone.localdate())
    page = start_page(client, world.coordinator)
    row = page[page.index(world.other_region.programme_name) :]
    row = row[: row.index("</tr>")]
    assert "250.00" in row
    assert "400.00" not in row
