"""The region switch (issue 14): the national coordinator, or region staff of several
regions, chooses one region (or all) in the shell; the back office's lists and dashboards
then show that region alone, national pages stay national, the rights stay the user's, and
a choice that is not theirs is refused or, found in the session, ignored."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from pendel.accounts.access import REGION_SESSION_KEY, Portal, Scope, roles_for
from pendel.accounts.models import Role
from pendel.companies.models import AdvisorNote, Application, Membership
from pendel.documents.tests.factories import make_document

LISTS = ("staff:member_list", "staff:application_list", "staff:document_list", "staff:home")


@pytest.fixture
def members(world, settings, tmp_path):
    """In each of the three regions: a member with a follow-up, an application and a
    document, each named after its company."""
    settings.MEDIA_ROOT = tmp_path / "media"
    for location, advisor in (
        (world.location, world.advisor),
        (world.other_location, world.other_advisor),
        (world.third_location, world.coordinator),
    ):
        membership = Membership.objects.create(location=location, status="active")
        name = location.organisation.name
        AdvisorNote.objects.create(
            membership=membership,
            author=advisor,
            happened_on=date(2026, 3, 2),
            text=f"Follow up {name}",
            follow_up_on=timezone.localdate(),
        )
        Application.objects.create(
            region=location.region,
            language="en",
            company_name=f"Applicant near {name}",
            organisation_number="923609016",
            sector="retail",
            location_name="X",
            street_address="Storgata 1",
            postcode="1706",
            municipality="Sarpsborg",
            employee_count=4,
            contact_first_name="Kari",
            contact_last_name="Hansen",
            contact_email=f"kari{location.pk}@example.com",
            contact_phone="+4791234567",
            contact_title="HR",
            email_confirmed_at=timezone.now(),
        )
        make_document(actor=advisor, location=location, title=f"Agreement of {name}")
    return world


NAMES = ("Fredrikstad Fisk", "Twentse Tegels", "Sandnes Sykkel")


def choose(client, region_id, **extra):
    return client.post(reverse("staff:region_choose"), {"region": region_id, **extra})


def shown(client, url_name) -> set[str]:
    page = client.get(reverse(url_name), {"all": "1"}).content.decode()  # all: follow-ups
    return {name for name in NAMES if name in page}


def tamper(client, value):
    session = client.session
    session[REGION_SESSION_KEY] = value
    session.save()


@pytest.fixture
def two_region_advisor(world):
    """Region staff in Nedre Glomma and Nord-Jæren."""
    user = world.advisor
    Role.objects.create(user=user, kind=Role.Kind.REGION_STAFF, region=world.third_region)
    return user


# The coordinator


def test_the_coordinator_chooses_a_region_and_every_list_shows_it_alone(client, members):
    client.force_login(members.coordinator)
    for url_name in (*LISTS, "staff:followups"):
        assert shown(client, url_name) == set(NAMES), url_name
    response = choose(client, members.region.pk, next=reverse("staff:member_list"))
    assert response.status_code == 302 and response["Location"] == reverse("staff:member_list")
    for url_name in (*LISTS, "staff:followups"):
        assert shown(client, url_name) == {"Fredrikstad Fisk"}, url_name
    choose(client, "")
    assert shown(client, "staff:member_list") == set(NAMES)


def test_the_message_and_the_shell_say_which_region_is_shown(client, members):
    client.force_login(members.coordinator)
    page = client.get(reverse("staff:member_list")).content.decode()
    assert 'id="region-switch"' in page and "All regions" in page
    assert "region-theme-" not in page  # every region: Pendel's own colours
    choose(client, members.third_region.pk)
    page = client.get(reverse("staff:member_list")).content.decode()
    assert "You now see Nord-Jæren only." in page
    assert f'<option value="{members.third_region.pk}" selected>' in page
    assert f"region-theme-{members.third_region.pk}" in page


def test_national_pages_stay_national_and_say_so(client, members):
    client.force_login(members.coordinator)
    choose(client, members.region.pk)
    page = client.get(reverse("staff:national_overview")).content.decode()
    for programme in ("HjemJobbHjem Nedre Glomma", "Twente Mobiel", "HjemJobbHjem Nord-Jæren"):
        assert programme in page
    assert "This page is national: it shows every region." in page


def test_the_coordinator_keeps_the_coordinators_rights_looking_at_one_region(client, members):
    client.force_login(members.coordinator)
    choose(client, members.other_region.pk)
    page = client.get(reverse("staff:survey_template_list")).content.decode()
    assert "Make a new version" in page
    assert 'href="/staff/national/"' in client.get(reverse("staff:home")).content.decode()


def test_a_page_of_another_region_offers_to_show_all_regions(client, members):
    client.force_login(members.coordinator)
    choose(client, members.region.pk)
    url = reverse("staff:region_detail", args=[members.other_region.slug])
    response = client.get(url)
    assert response.status_code == 404
    assert "You are looking at one region only." in response.content.decode()
    back = choose(client, "", next=url)
    assert back["Location"] == url and client.get(url).status_code == 200


def test_a_region_that_does_not_exist_is_refused_and_a_tampered_one_ignored(client, members):
    client.force_login(members.coordinator)
    assert choose(client, 999_999).status_code == 404
    assert choose(client, "x").status_code == 404
    assert REGION_SESSION_KEY not in client.session
    tamper(client, 999_999)
    assert shown(client, "staff:member_list") == set(NAMES)
    assert REGION_SESSION_KEY not in client.session  # forgotten


# Region staff


def test_region_staff_of_two_regions_choose_among_theirs(client, members, two_region_advisor):
    client.force_login(two_region_advisor)
    page = client.get(reverse("staff:member_list")).content.decode()
    assert "All my regions" in page and "Overijssel" not in page
    assert shown(client, "staff:member_list") == {"Fredrikstad Fisk", "Sandnes Sykkel"}
    choose(client, members.third_region.pk)
    assert shown(client, "staff:member_list") == {"Sandnes Sykkel"}
    assert shown(client, "staff:application_list") == {"Sandnes Sykkel"}


def test_region_staff_cannot_choose_a_region_not_theirs(client, members, two_region_advisor):
    client.force_login(two_region_advisor)
    choose(client, members.region.pk)
    assert choose(client, members.other_region.pk).status_code == 404
    assert client.session[REGION_SESSION_KEY] == members.region.pk  # nothing changed
    assert shown(client, "staff:member_list") == {"Fredrikstad Fisk"}


def test_a_foreign_region_in_the_session_is_ignored(client, members, two_region_advisor):
    client.force_login(two_region_advisor)
    for value in (members.other_region.pk, str(members.region.pk), True, [1]):
        tamper(client, value)
        assert shown(client, "staff:member_list") == {"Fredrikstad Fisk", "Sandnes Sykkel"}
        response = client.get(reverse("staff:region_detail", args=[members.other_region.slug]))
        assert response.status_code == 404


def test_a_role_taken_away_ends_the_choice(client, members, two_region_advisor):
    client.force_login(two_region_advisor)
    choose(client, members.third_region.pk)
    Role.objects.filter(user=two_region_advisor, region=members.third_region).delete()
    assert shown(client, "staff:member_list") == {"Fredrikstad Fisk"}


def test_staff_of_one_region_get_no_switch(client, members):
    client.force_login(members.advisor)
    assert 'id="region-switch"' not in client.get(reverse("staff:home")).content.decode()


# The dual-role persona and outsiders


def test_mari_cannot_look_at_the_region_she_is_contact_person_in(client, members):
    client.force_login(members.staff_and_contact)
    assert choose(client, members.third_region.pk).status_code == 404
    assert REGION_SESSION_KEY not in client.session
    tamper(client, members.third_region.pk)
    assert shown(client, "staff:member_list") == {"Fredrikstad Fisk"}
    # Min side is not narrowed by a region: she acts for Sandnes Sykkel there.
    assert "Sandnes Sykkel" in client.get(reverse("company:home")).content.decode()


def test_outsiders_cannot_use_the_switch(client, members):
    assert choose(client, members.region.pk).status_code == 302  # to the login page
    assert REGION_SESSION_KEY not in client.session
    client.force_login(members.contact)
    assert choose(client, members.region.pk).status_code == 404
    assert REGION_SESSION_KEY not in client.session


# The scope itself


def test_a_narrowed_scope_sees_one_region_and_keeps_the_rights(world):
    roles = roles_for(world.coordinator)
    scope = roles.scope(Portal.STAFF, region_id=world.region.pk)
    assert scope == Scope(
        user_id=world.coordinator.pk,
        region_ids=frozenset({world.region.pk}),
        coordinator=True,
        chosen_region_id=world.region.pk,
    )
    assert not scope.all_regions and scope.is_coordinator
    advisor = roles_for(world.advisor).scope(Portal.STAFF, region_id=world.other_region.pk)
    assert advisor.region_ids == {world.region.pk} and advisor.chosen_region_id is None
    assert not advisor.is_coordinator
    with pytest.raises(ValueError):
        Scope(region_ids=frozenset({1, 2}), chosen_region_id=1)
