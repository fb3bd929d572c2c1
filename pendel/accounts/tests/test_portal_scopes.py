"""A user may hold several roles. Each portal's guard narrows them to that portal: the back
office sees regions and no contact rights, Min side one organisation (the one the user acts
for) and only their own locations of it, no region rights. The navigation switches between
the portals and between organisations."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation

from pendel.accounts.access import (
    ORGANISATION_SESSION_KEY,
    Portal,
    Scope,
    request_scope,
    roles_for,
    scope_for,
)
from pendel.accounts.factories import UserFactory, make_contact
from pendel.accounts.models import Role
from pendel.companies.factories import LocationFactory
from pendel.documents.tests.factories import make_document
from pendel.employees.factories import EmployeeFactory


@pytest.fixture
def staffed(world):
    """An employee at each company of the world, by names that show where they leak."""
    for location, name in (
        (world.location, "Frode"),
        (world.third_location, "Sigrid"),
        (world.fourth_location, "Solveig"),
    ):
        EmployeeFactory(location=location, first_name=name, last_name="Ansatt")
    return world


def choose(client, organisation_id):
    session = client.session
    session[ORGANISATION_SESSION_KEY] = organisation_id
    session.save()


# The scope of each portal, exactly.


def test_the_back_office_scope_has_only_the_users_regions(world):
    assert scope_for(world.staff_and_contact, Portal.STAFF) == Scope(
        user_id=world.staff_and_contact.pk, region_ids=frozenset({world.region.pk})
    )


def test_the_min_side_scope_has_only_the_organisation_and_its_locations(world):
    assert scope_for(world.staff_and_contact, Portal.COMPANY) == Scope(
        user_id=world.staff_and_contact.pk,
        organisation_id=world.third_company.pk,
        location_ids=frozenset({world.third_location.pk}),
    )


def test_a_scope_cannot_hold_region_rights_and_contact_rights():
    with pytest.raises(ValueError):
        Scope(region_ids=frozenset({1}), location_ids=frozenset({2}))
    with pytest.raises(ValueError):
        Scope(all_regions=True, organisation_id=3)


def test_a_view_without_a_guard_has_no_scope(rf, world):
    request = rf.get("/")
    request.user = world.staff_and_contact
    with pytest.raises(ImproperlyConfigured):
        request_scope(request)


def test_the_dual_role_user_lands_in_the_back_office(client, world):
    client.force_login(world.staff_and_contact)
    assert client.get("/")["Location"] == reverse("staff:home")
    assert scope_for(world.staff_and_contact).region_ids == {world.region.pk}


# Mutant (a): the superuser keeps every region.


def test_a_superuser_without_roles_sees_every_region(client, world):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    assert scope_for(superuser, Portal.STAFF).all_regions
    client.force_login(superuser)
    page = client.get(reverse("staff:region_list")).content.decode()
    for programme in ("HjemJobbHjem Nedre Glomma", "Twente Mobiel", "HjemJobbHjem Nord-Jæren"):
        assert programme in page
    assert client.get(reverse("staff:task_list")).status_code == 200
    detail = client.get(reverse("staff:region_detail", args=[world.third_region.slug]))
    assert detail.status_code == 200


# Mutant (b): a contact person has their own locations, not all of the organisation's.


@pytest.fixture
def second_location(world):
    """Fredrikstad Fisk's second workplace, with a contact person of its own."""
    sarpsborg = LocationFactory(organisation=world.company, region=world.region, name="Sarpsborg")
    make_contact(sarpsborg, email="sarpsborg@fisk.example.com")
    EmployeeFactory(location=sarpsborg, first_name="Sara", last_name="Sarpsborgsen")
    EmployeeFactory(location=world.location, first_name="Frode", last_name="Fiskesen")
    make_document(actor=world.advisor, location=sarpsborg, title="Avtale Sarpsborg")
    return sarpsborg


def test_a_contact_person_has_only_their_own_locations(world, second_location):
    scope = scope_for(world.contact, Portal.COMPANY)
    assert scope.organisation_id == world.company.pk
    assert scope.location_ids == {world.location.pk}


def test_min_side_hides_the_organisations_other_locations(client, world, second_location):
    client.force_login(world.contact)
    employees = reverse("company:employee_list")
    assert client.get(f"{employees}?location={second_location.pk}").status_code == 404
    page = client.get(employees).content.decode()
    assert "Frode Fiskesen" in page
    assert "Sarpsborgsen" not in page and "Sarpsborg" not in page
    documents = client.get(reverse("company:document_list")).content.decode()
    assert "Avtale Sarpsborg" not in documents
    contacts = client.get(reverse("company:contact_list")).content.decode()
    assert "sarpsborg@fisk.example.com" not in contacts


# Mutant (c): no region rights on Min side, no contact rights in the back office.


def test_min_side_gives_region_staff_no_region_rights(client, world, staffed):
    client.force_login(world.staff_and_contact)
    page = client.get(reverse("company:employee_list")).content.decode()
    assert "Sigrid Ansatt" in page
    assert "Frode" not in page and "Solveig" not in page
    home = client.get(reverse("company:home"))
    assert home.status_code == 200
    assert "Sandnes Sykkel AS" in home.content.decode()
    assert "Fredrikstad Fisk" not in home.content.decode()
    at_region = f"{reverse('company:employee_list')}?location={world.location.pk}"
    assert client.get(at_region).status_code == 404


def test_the_back_office_gives_a_contact_person_no_contact_rights(client, world, staffed):
    client.force_login(world.staff_and_contact)
    assert client.get(reverse("staff:home")).context["counts"] == {
        "regions": 1,
        "organisations": 1,
        "locations": 1,
        "users": 3,
    }
    regions = client.get(reverse("staff:region_list")).content.decode()
    assert "HjemJobbHjem Nedre Glomma" in regions and "Nord-Jæren" not in regions
    own = reverse("staff:employee_list", args=[world.location.pk])
    assert "Frode Ansatt" in client.get(own).content.decode()
    company = reverse("staff:employee_list", args=[world.third_location.pk])
    assert client.get(company).status_code == 404
    users = client.get(reverse("staff:user_list")).content.decode()
    assert "per@example.com" not in users and "Sandnes" not in users


def test_a_contact_person_only_still_cannot_enter_the_back_office(client, world):
    client.force_login(world.contact_of_two)
    assert client.get(reverse("staff:home")).status_code == 404


# The switch between the portals.


def test_the_back_office_offers_the_switch_to_min_side(client, world):
    client.force_login(world.staff_and_contact)
    page = client.get(reverse("staff:home")).content.decode()
    assert f'<a href="{reverse("company:home")}">Switch to My page</a>' in page
    assert reverse("staff:member_list") in page
    assert reverse("company:employee_list") not in page


def test_min_side_offers_the_switch_to_the_back_office(client, world):
    client.force_login(world.staff_and_contact)
    page = client.get(reverse("company:home")).content.decode()
    assert f'<a href="{reverse("staff:home")}">Switch to the back office</a>' in page
    assert reverse("company:employee_list") in page
    assert reverse("staff:member_list") not in page


def test_the_switch_is_translated(client, world):
    client.force_login(world.staff_and_contact)
    with translation.override("en"):  # the request's language does not outlive the test
        page = client.get(reverse("staff:home"), HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "Bytt til Min side" in page


def test_pages_outside_both_portals_still_work_with_the_switch(client, world):
    client.force_login(world.staff_and_contact)
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("staff:member_list") in page  # the portal the user lands in
    assert "Switch to My page" in page
    assert (
        client.get(reverse("portal:programme_detail", args=[world.region.slug])).status_code == 200
    )


@pytest.mark.parametrize("persona", ["advisor", "contact", "coordinator"])
def test_a_single_role_user_gets_no_switch(client, world, persona):
    client.force_login(getattr(world, persona))
    page = client.get(client.get("/")["Location"]).content.decode()
    assert "Switch to" not in page
    assert "change company" not in page


# The organisation a contact person of two acts for.


def test_a_contact_of_two_acts_for_the_first_by_name(client, world, staffed):
    assert world.fourth_company.pk < world.third_company.pk  # not the first by id
    client.force_login(world.contact_of_two)
    page = client.get(reverse("company:home")).content.decode()
    assert "<h1>Sandnes Sykkel AS</h1>" in page
    assert "Acting for Sandnes Sykkel AS – change company" in page
    assert reverse("company:organisation_choice") in page
    employees = client.get(reverse("company:employee_list")).content.decode()
    assert "Sigrid" in employees and "Solveig" not in employees


def test_the_choice_page_lists_the_users_organisations(client, world):
    client.force_login(world.contact_of_two)
    page = client.get(reverse("company:organisation_choice")).content.decode()
    assert "Sandnes Sykkel AS" in page and "Stavanger Sjømat AS" in page
    assert "Fredrikstad Fisk" not in page
    assert f'value="{world.third_company.pk}"' in page
    assert "checked" in page.split(f'value="{world.third_company.pk}"')[1].split(">")[0]
    assert 'type="radio"' in page and "<legend>" in page


def test_choosing_the_other_organisation_shows_only_that_one(client, world, staffed):
    client.force_login(world.contact_of_two)
    response = client.post(
        reverse("company:organisation_choice"), {"organisation": world.fourth_company.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("company:home")
    page = client.get(reverse("company:home")).content.decode()
    assert "<h1>Stavanger Sjømat AS</h1>" in page
    assert "You now act for Stavanger Sjømat AS." in page
    employees = client.get(reverse("company:employee_list")).content.decode()
    assert "Solveig" in employees and "Sigrid" not in employees
    assert (
        client.get(
            f"{reverse('company:employee_list')}?location={world.third_location.pk}"
        ).status_code
        == 404
    )


@pytest.mark.parametrize("posted", ["company", "other_company", "nonsense", ""])
def test_choosing_an_organisation_one_does_not_hold_is_refused(client, world, posted):
    client.force_login(world.contact_of_two)
    value = getattr(world, posted).pk if posted in ("company", "other_company") else posted
    response = client.post(reverse("company:organisation_choice"), {"organisation": value})
    assert response.status_code == 200
    assert response.context["form"].errors["organisation"]
    assert ORGANISATION_SESSION_KEY not in client.session
    assert "Fredrikstad Fisk" not in response.content.decode()


def test_a_choice_the_roles_do_not_hold_gives_the_first_organisations_scope(world):
    expected = scope_for(world.contact_of_two, Portal.COMPANY)
    assert expected.organisation_id == world.third_company.pk
    for forged in (world.company.pk, world.fourth_location.pk * 1000, "1", None):
        scope = scope_for(world.contact_of_two, Portal.COMPANY, organisation_id=forged)
        assert scope == expected


@pytest.mark.parametrize("forged", ["company", "other_company", "nonsense", "text"])
def test_a_forged_choice_falls_back_to_the_first_organisation(client, world, staffed, forged):
    for organisation, location in (
        (world.company, world.location),
        (world.other_company, world.other_location),
    ):
        make_document(
            actor=world.coordinator,
            location=location,
            title=f"Rammeavtale {organisation.name}",
            whole_company=True,
        )
    client.force_login(world.contact_of_two)
    value = {"nonsense": 10**9, "text": "x' or 1=1"}.get(forged)
    choose(client, value if value is not None else getattr(world, forged).pk)
    page = client.get(reverse("company:home")).content.decode()
    assert "<h1>Sandnes Sykkel AS</h1>" in page
    assert "Fredrikstad Fisk" not in page and "Twentse Tegels" not in page
    employees = client.get(reverse("company:employee_list")).content.decode()
    assert "Sigrid" in employees and "Frode" not in employees
    documents = client.get(reverse("company:document_list")).content.decode()
    assert "Rammeavtale" not in documents
    settings = client.get(reverse("company:billing_settings")).content.decode()
    assert "Sandnes Sykkel AS" in settings and "Fredrikstad Fisk" not in settings


def test_a_stale_choice_falls_back_when_the_role_is_gone(client, world, staffed):
    client.force_login(world.contact_of_two)
    chosen = client.post(
        reverse("company:organisation_choice"),
        {"organisation": world.fourth_company.pk},
        follow=True,
    )
    assert "<h1>Stavanger Sjømat AS</h1>" in chosen.content.decode()
    Role.objects.filter(user=world.contact_of_two, location=world.fourth_location).delete()
    page = client.get(reverse("company:home")).content.decode()
    assert "<h1>Sandnes Sykkel AS</h1>" in page
    assert "Stavanger Sjømat" not in page
    assert "change company" not in page  # one organisation left: nothing to choose


def test_the_dual_role_user_cannot_choose_an_organisation_of_their_region(client, world):
    """Region staff of Nedre Glomma: Fredrikstad Fisk is in their back office, not theirs
    to act for on Min side."""
    client.force_login(world.staff_and_contact)
    choose(client, world.company.pk)
    page = client.get(reverse("company:home")).content.decode()
    assert "<h1>Sandnes Sykkel AS</h1>" in page and "Fredrikstad Fisk" not in page
    response = client.post(
        reverse("company:organisation_choice"), {"organisation": world.company.pk}
    )
    assert response.status_code == 200


def test_the_choice_page_is_translated(client, world):
    client.force_login(world.contact_of_two)
    with translation.override("en"):
        choice = client.get(reverse("company:organisation_choice"), HTTP_ACCEPT_LANGUAGE="sv")
    page = choice.content.decode()
    assert "Välj företag" in page and "Vilket företag företräder du?" in page


def test_roles_are_read_in_one_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        roles = roles_for(world.contact_of_two)
    assert [o.name for o in roles.organisations] == ["Sandnes Sykkel AS", "Stavanger Sjømat AS"]
