"""The loaded demo looks like the real thing (issue 13, item 9): postcodes that exist and
belong to their towns, e-mail addresses anyone can type into the invite form, real sectors,
dates in the order they happen, survey answers with a spread, texts in the region's
language. Each test loads the whole demo and checks the rows."""

from collections import Counter

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.validators import EmailValidator

from pendel.accounts.models import Role, User
from pendel.companies.forms import InviteForm
from pendel.companies.models import AdvisorNote, Application, Location, Membership, Organisation
from pendel.core.postcodes import postcode_exists, postcode_matches_town
from pendel.employees.models import Employee
from pendel.invoicing.models import Invoice, SellerProfile
from pendel.portal.demo import DUAL_ROLE, TEXTS
from pendel.surveys.models import Wave
from pendel.surveys.results import wave_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)


def test_every_demo_postcode_exists_and_belongs_to_its_town(demo):
    places = [
        (loc.region.country_id, loc.postcode, loc.municipality, str(loc))
        for loc in Location.objects.select_related("region", "organisation")
    ]
    places += [
        (app.region.country_id, app.postcode, app.municipality, app.company_name)
        for app in Application.objects.select_related("region")
    ]
    places += [
        (seller.region.country_id, seller.postcode, seller.city, seller.legal_name)
        for seller in SellerProfile.objects.select_related("region")
    ]
    assert len(places) >= 21
    wrong = [p for p in places if not postcode_matches_town(p[0], p[1], p[2])]
    assert wrong == []
    homes = Employee.objects.values_list("location__region__country_id", "postcode")
    assert homes and all(postcode_exists(country, code) for country, code in homes)


def test_every_demo_address_is_valid_and_the_invite_form_takes_it(demo):
    addresses = set(User.objects.values_list("email", flat=True))
    addresses |= set(Employee.objects.exclude(email="").values_list("email", flat=True))
    addresses |= set(Application.objects.values_list("contact_email", flat=True))
    validate = EmailValidator()
    invalid = []
    for address in sorted(addresses):
        try:
            validate(address)
        except ValidationError:
            invalid.append(address)
    assert invalid == []
    location = Location.objects.order_by("pk")
    contacts = User.objects.filter(roles__kind=Role.Kind.CONTACT_PERSON).distinct()
    for user in contacts:
        data = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email}
        form = InviteForm({**data, "location": location[0].pk}, locations=location)
        assert form.is_valid(), (user.email, form.errors)
    # Contact persons write from their company's domain (the dual-role advisor aside).
    assert all(not u.email.endswith("@pendel.demo") for u in contacts if u.email != DUAL_ROLE)
    assert all(user.email.isascii() for user in contacts)


def test_the_members_have_real_sectors(demo):
    sectors = Counter(Organisation.objects.values_list("sector", flat=True))
    assert sectors["other"] == 0
    assert len(sectors) >= 5
    assert max(sectors.values()) <= sum(sectors.values()) / 3


def test_membership_dates_come_in_the_order_they_happen(demo):
    signed = Membership.objects.exclude(agreement_signed_on=None).select_related("location__region")
    assert signed.count() >= 8
    baselines = {
        wave.location_id: wave.opens_on for wave in Wave.objects.filter(kind=Wave.Kind.BASELINE)
    }
    assert baselines
    for membership in signed:
        year = int(membership.agreement_version[:4])
        assert membership.agreement_signed_on.year >= year, membership
        assert membership.agreement_signed_on <= membership.joined_on, membership
        baseline = baselines.get(membership.location_id)
        if baseline:
            assert membership.joined_on <= baseline, membership
        events = membership.events.order_by("created_at", "id")
        approved, active = (events.get(to_status=status) for status in ("approved", "active"))
        assert approved.created_at.date() < membership.agreement_signed_on
        assert active.created_at.date() == membership.joined_on


def test_the_baseline_answers_have_a_plausible_spread(demo):
    """Share of 0.0 % cells. With about thirty respondents a category that one person in
    twenty chooses is absent from a table one time in five ((1 - 0.05)^30 ≈ 0.21); the demo
    draws from every answer by weight, so among the all-respondents tables only the rare
    categories (tram, ferry, e-scooter, motorcycle, "other", a hub) may be empty: at most
    15 % of those cells. The breakdowns have groups of five to ten, where a 7 % category is
    empty more often than not; all cells together: at most 25 %. The old demo (eight modes
    only, two fixed reasons, no one without a licence) had 37 % and 32 %."""
    wave = Wave.objects.filter(kind=Wave.Kind.BASELINE).order_by("closes_on").first()
    results = wave_results(wave)
    assert results.respondents >= 20
    whole = all_cells = whole_zero = all_zero = 0
    for table in results.tables.values():
        if table.unit != "share":
            continue
        for row in table.rows:
            if row.suppressed:
                continue
            zeros = sum(1 for column, _label in table.columns if row.share(column) == 0)
            all_cells += len(table.columns)
            all_zero += zeros
            if row.key == "all":
                whole += len(table.columns)
                whole_zero += zeros
    assert whole_zero / whole <= 0.15, (whole_zero, whole)
    assert all_zero / all_cells <= 0.25, (all_zero, all_cells)


def test_the_texts_are_in_each_regions_language(demo):
    for note in AdvisorNote.objects.select_related("membership__location__region"):
        language = note.membership.location.region.default_language
        assert note.text == TEXTS["followup"][language]
    for role in Role.objects.filter(kind=Role.Kind.REGION_STAFF).select_related("region"):
        assert role.title == TEXTS["advisor_title"][role.region.default_language]
    for application in Application.objects.select_related("region"):
        language = application.region.default_language
        assert application.message == TEXTS["application_message"][language]
    credit = Invoice.objects.filter(kind="credit_note").select_related("region").get()
    assert credit.region.default_language == "nb"
    assert "Én ansatt sluttet før måneden begynte." in credit.note
    departments = Employee.objects.values_list("location__region__country_id", "department")
    english = {"Sales", "Warehouse", "Production"}
    assert not any(department in english for _country, department in departments)
