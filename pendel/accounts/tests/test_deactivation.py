"""Issue 13, item 5: deactivating an account ends its access at once (every session, every
link), is recorded under the name of whoever did it, and follows who may deactivate whom."""

from urllib.parse import urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from pendel.accounts.access import deactivation_refused, scope_for
from pendel.accounts.links import INVITATION, account_link
from pendel.accounts.models import User
from pendel.accounts.services import user_deactivate
from pendel.core.models import AuditEvent


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    assert client.get(reverse("company:home")).status_code in (200, 404)
    return client


def deactivate(client, actor, target):
    client.force_login(actor)
    return client.post(reverse("staff:user_deactivate", args=[target.pk]))


def test_deactivating_a_contact_person_ends_every_session_at_once(client, world):
    browser, phone = logged_in(world.contact), logged_in(world.contact)
    assert browser.get(reverse("company:home")).status_code == 200
    response = deactivate(client, world.advisor, world.contact)
    assert response.status_code == 302
    for session in (browser, phone):
        page = session.get(reverse("company:home"))
        assert page.status_code == 302 and "login" in page["Location"]
    remaining = [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id")]
    assert str(world.contact.pk) not in [s.get_decoded()["_auth_user_id"] for s in remaining]
    world.contact.refresh_from_db()
    assert not world.contact.is_active and not world.contact.has_usable_password()
    assert not Client().login(email=world.contact.email, password="x")


def test_the_audit_trail_names_who_deactivated(client, world):
    deactivate(client, world.advisor, world.contact)
    event = AuditEvent.objects.get(action="user.deactivated")
    assert event.actor == world.advisor
    assert event.object_id == str(world.contact.pk) and event.region_id == world.region.pk


def test_a_link_sent_before_no_longer_works(client, world):
    link = urlsplit(account_link(world.contact, INVITATION)).path
    assert b'type="password"' in Client().get(link, follow=True).content
    deactivate(client, world.advisor, world.contact)
    assert b'type="password"' not in Client().get(link, follow=True).content


def test_deactivating_twice_is_harmless(world):
    assert user_deactivate(user=world.contact, actor=world.advisor) is True
    assert user_deactivate(user=world.contact, actor=world.advisor) is False
    assert AuditEvent.objects.filter(action="user.deactivated").count() == 1


def test_the_page_asks_first_and_changes_nothing_on_opening(client, world):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:user_deactivate", args=[world.contact.pk]))
    assert page.status_code == 200 and "Deactivate the account" in page.content.decode()
    world.contact.refresh_from_db()
    assert world.contact.is_active


@pytest.mark.parametrize("actor", ["other_advisor", "contact", "other_contact", "contact_of_two"])
def test_outsiders_get_404_and_nothing_changes(client, world, actor):
    response = deactivate(client, getattr(world, actor), world.contact)
    assert response.status_code == 404
    world.contact.refresh_from_db()
    assert world.contact.is_active


def test_an_account_with_a_role_in_another_region_is_the_coordinators(client, world):
    # Mari is staff in Nedre Glomma and contact person in Nord-Jæren.
    response = deactivate(client, world.advisor, world.staff_and_contact)
    assert response.status_code == 404
    assert User.objects.get(pk=world.staff_and_contact.pk).is_active


def test_the_dual_role_user_cannot_deactivate_from_min_side_or_beyond_their_region(client, world):
    # As staff of Nedre Glomma Mari may deactivate its contact; Nord-Jæren's are not hers.
    response = deactivate(client, world.staff_and_contact, world.contact_of_two)
    assert response.status_code == 404
    assert User.objects.get(pk=world.contact_of_two.pk).is_active
    assert deactivate(client, world.staff_and_contact, world.contact).status_code == 302


def test_advisors_cannot_deactivate_staff_but_the_coordinator_can(client, world):
    colleague = world.staff_and_contact
    response = deactivate(client, world.advisor, world.advisor)
    assert response.status_code == 400
    assert "your own account" in response.content.decode()
    assert deactivate(client, world.coordinator, colleague).status_code == 302
    assert not User.objects.get(pk=colleague.pk).is_active


def test_who_may_deactivate_whom(world):
    region_scope = scope_for(world.advisor)
    national = scope_for(world.coordinator)
    refused = deactivation_refused
    assert refused(region_scope, actor=world.advisor, target=world.contact) == ""
    assert "national coordinator" in refused(
        region_scope, actor=world.advisor, target=world.staff_and_contact
    )
    assert refused(national, actor=world.coordinator, target=world.advisor) == ""
    assert "administration" in refused(national, actor=world.advisor, target=world.coordinator)
    assert "own account" in refused(national, actor=world.coordinator, target=world.coordinator)


def test_the_user_list_offers_deactivation_only_where_it_works(client, world):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:user_list")).content.decode()
    assert reverse("staff:user_deactivate", args=[world.contact.pk]) in page
    assert reverse("staff:user_deactivate", args=[world.staff_and_contact.pk]) not in page
    assert reverse("staff:user_deactivate", args=[world.advisor.pk]) not in page
