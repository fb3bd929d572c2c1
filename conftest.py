"""Personas shared by every test. There is always an outsider: a second region in another
country with its own advisor, company and contact person."""

from dataclasses import dataclass

import pytest
from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.test import RequestFactory
from django.test.client import ClientMixin
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from pendel.accounts.access import roles_for
from pendel.accounts.factories import (
    add_contact_role,
    make_advisor,
    make_contact,
    make_coordinator,
    pass_two_factor,
)
from pendel.accounts.signals import login_recorded
from pendel.accounts.two_factor import must_use_two_factor
from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.regions.factories import CountryFactory, RegionFactory

# The same examples on every run, so that main stays green unless the code changes.
hypothesis_settings.register_profile("pendel", derandomize=True, deadline=None, database=None)
hypothesis_settings.load_profile("pendel")


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate limits count in the cache; every test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _test_logins(monkeypatch):
    """Two shortcuts past the login form, made to fit the accounts' rules.

    `client.force_login(user)` means a complete login: for a user who needs the second
    factor (staff) the session is also marked as verified, with a real TOTP device of
    theirs; `client.force_login(user, verified=False)` stops after the password, as the
    two-factor tests need. It is no login anyone made, so it leaves no line in the audit
    trail (tests that check "nothing was written" stay true).

    `client.login(username=…, password=…)` checks the password through every backend,
    the lock-out's included, which needs the request it came with: it gets one."""
    original_force_login = ClientMixin.force_login
    original_login = ClientMixin.login

    def force_login(self, user, backend=None, *, verified=True):
        user_logged_in.disconnect(login_recorded)
        try:
            original_force_login(self, user, backend)
        finally:
            user_logged_in.connect(login_recorded)
        if verified and must_use_two_factor(user, has_staff_role=roles_for(user).is_staff):
            pass_two_factor(self, user)

    def login(self, **credentials):
        credentials.setdefault("request", RequestFactory().post("/accounts/login/"))
        return original_login(self, **credentials)

    monkeypatch.setattr(ClientMixin, "force_login", force_login)
    monkeypatch.setattr(ClientMixin, "login", login)


@pytest.fixture(autouse=True)
def _site_language():
    """A request in another language leaves that language active in the thread; every test
    starts and ends in the site's language, so no test depends on the one before it."""
    translation.deactivate()
    yield
    translation.deactivate()


@dataclass
class World:
    region: object
    other_region: object
    coordinator: object
    advisor: object
    other_advisor: object
    company: object
    location: object
    contact: object
    other_company: object
    other_location: object
    other_contact: object
    # Several roles at once. Nord-Jæren is a third region with two companies of its own:
    # `staff_and_contact` is region staff in Nedre Glomma (`region`) and contact person of
    # Sandnes Sykkel in Nord-Jæren; `contact_of_two` is contact person of both Nord-Jæren
    # companies (Sandnes Sykkel comes first by name; Stavanger Sjømat was created first).
    third_region: object
    third_company: object
    third_location: object
    fourth_company: object
    fourth_location: object
    staff_and_contact: object
    contact_of_two: object


@pytest.fixture
def world(db) -> World:
    norway = CountryFactory(
        code="NO", currency="NOK", default_language="nb", time_zone="Europe/Oslo"
    )
    netherlands = CountryFactory(
        code="NL", currency="EUR", default_language="nl", time_zone="Europe/Amsterdam"
    )
    region = RegionFactory(slug="nedre-glomma", name="Nedre Glomma", country=norway)
    other_region = RegionFactory(
        slug="overijssel",
        name="Overijssel",
        programme_name="Twente Mobiel",
        transport_authority="Provincie Overijssel",
        country=netherlands,
    )
    company = OrganisationFactory(name="Fredrikstad Fisk AS", country=norway)
    location = LocationFactory(organisation=company, region=region, name="Fredrikstad")
    other_company = OrganisationFactory(
        name="Twentse Tegels B.V.", country=netherlands, organisation_number="12345678"
    )
    other_location = LocationFactory(
        organisation=other_company, region=other_region, name="Enschede"
    )
    third_region = RegionFactory(
        slug="nord-jaeren", name="Nord-Jæren", transport_authority="Kolumbus", country=norway
    )
    fourth_company = OrganisationFactory(name="Stavanger Sjømat AS", country=norway)
    fourth_location = LocationFactory(
        organisation=fourth_company, region=third_region, name="Stavanger", municipality="Stavanger"
    )
    third_company = OrganisationFactory(name="Sandnes Sykkel AS", country=norway)
    third_location = LocationFactory(
        organisation=third_company, region=third_region, name="Sandnes", municipality="Sandnes"
    )
    staff_and_contact = make_advisor(region, email="mari@example.com", first_name="Mari")
    add_contact_role(staff_and_contact, third_location)
    contact_of_two = make_contact(fourth_location, email="per@example.com", first_name="Per")
    add_contact_role(contact_of_two, third_location)
    return World(
        region=region,
        other_region=other_region,
        coordinator=make_coordinator(email="coordinator@example.com", first_name="Ingrid"),
        advisor=make_advisor(region, email="advisor@example.com", first_name="Ola"),
        other_advisor=make_advisor(other_region, email="adviseur@example.com", first_name="Sanne"),
        company=company,
        location=location,
        contact=make_contact(location, email="hr@fisk.example.com", first_name="Hanne"),
        other_company=other_company,
        other_location=other_location,
        other_contact=make_contact(
            other_location, email="hr@tegels.example.com", first_name="Joost"
        ),
        third_region=third_region,
        third_company=third_company,
        third_location=third_location,
        fourth_company=fourth_company,
        fourth_location=fourth_location,
        staff_and_contact=staff_and_contact,
        contact_of_two=contact_of_two,
    )
