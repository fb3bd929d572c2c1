"""Issue 10, item 2: a contact person adding the e-mail of an existing account asks that
account's owner; nothing changes for them until they accept by the link in their mail,
logged in as that account. Staff accounts cannot be added this way at all."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pendel.accounts.access import roles_for
from pendel.accounts.factories import UserFactory
from pendel.accounts.models import Role
from pendel.companies.models import ContactInvitation
from pendel.companies.tasks import token_hash

LINK = re.compile(r"https?://\S+/company/contacts/join/([\w-]+)/")


def invite(client, world, email, *, location=None):
    client.force_login(world.contact)
    return client.post(
        reverse("company:contact_list"),
        {
            "first_name": "Joost",
            "last_name": "Visser",
            "email": email,
            "location": (location or world.location).pk,
        },
    )


def min_side(client, user) -> str:
    client.force_login(user)
    return client.get(reverse("company:home")).content.decode()


def link_in_mail(to: str) -> str:
    message = [m for m in mail.outbox if m.to == [to]][-1]
    return LINK.search(message.body).group(0)


@pytest.fixture
def attacked(client, world, django_capture_on_commit_callbacks):
    """Fredrikstad Fisk's contact adds the e-mail of Twentse Tegels' contact person."""
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, world, "HR@tegels.example.com")
    assert response.status_code == 302
    return response


def test_adding_another_companys_contact_changes_nothing_for_them(client, world, attacked):
    victim = world.other_contact
    assert not Role.objects.filter(user=victim, location=world.location).exists()
    assert [o.name for o in roles_for(victim).organisations] == ["Twentse Tegels B.V."]
    page = min_side(client, victim)
    assert "Twentse Tegels" in page and "Fredrikstad Fisk" not in page
    # The attacker's list does not show the victim either.
    client.force_login(world.contact)
    contacts = client.get(reverse("company:contact_list")).content.decode()
    assert "hr@tegels.example.com" not in contacts


def test_the_owner_is_asked_by_mail_and_only_a_hash_is_kept(world, attacked):
    url = link_in_mail("hr@tegels.example.com")
    token = LINK.search(url).group(1)
    invitation = ContactInvitation.objects.get(user=world.other_contact)
    assert invitation.token_hash == token_hash(token) != token
    assert token not in str(ContactInvitation.objects.values().get())
    assert invitation.expires_at > timezone.now() + timedelta(days=13)


def test_accepting_by_the_link_attaches_the_account(client, world, attacked):
    url = link_in_mail("hr@tegels.example.com")
    client.force_login(world.other_contact)
    page = client.get(url)
    assert page.status_code == 200 and "Fredrikstad Fisk AS" in page.content.decode()
    assert not Role.objects.filter(user=world.other_contact, location=world.location).exists()
    response = client.post(url)
    assert response["Location"] == reverse("company:home")
    role = Role.objects.get(user=world.other_contact, location=world.location)
    assert role.kind == Role.Kind.CONTACT_PERSON and not role.is_primary
    assert "Fredrikstad Fisk AS" in client.get(reverse("company:home")).content.decode()


def test_the_link_works_once(client, world, attacked):
    url = link_in_mail("hr@tegels.example.com")
    client.force_login(world.other_contact)
    assert client.post(url).status_code == 302
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Role.objects.filter(user=world.other_contact, location=world.location).count() == 1


@pytest.mark.parametrize("who", ["contact", "advisor", "staff_and_contact", "coordinator"])
def test_another_user_opening_the_link_gets_404(client, world, attacked, who):
    url = link_in_mail("hr@tegels.example.com")
    client.force_login(getattr(world, who))
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not Role.objects.filter(location=world.location, user=world.other_contact).exists()
    assert Role.objects.filter(location=world.location).count() == 1


def test_an_expired_link_gets_404(client, world, attacked):
    url = link_in_mail("hr@tegels.example.com")
    ContactInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    client.force_login(world.other_contact)
    assert client.post(url).status_code == 404
    assert not Role.objects.filter(user=world.other_contact, location=world.location).exists()


def test_the_link_asks_for_a_login_first(client, world, attacked):
    url = link_in_mail("hr@tegels.example.com")
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["advisor", "other_advisor", "coordinator", "staff_and_contact"])
def test_staff_accounts_cannot_be_added(client, world, who, django_capture_on_commit_callbacks):
    staff = getattr(world, who)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, world, staff.email.upper())
    assert response.status_code == 200
    assert "belongs to programme staff" in response.content.decode()
    assert not Role.objects.filter(user=staff, location=world.location).exists()
    assert not ContactInvitation.objects.exists()
    assert not [m for m in mail.outbox if m.to == [staff.email]]


def test_a_superuser_cannot_be_added(client, world, django_capture_on_commit_callbacks):
    admin = UserFactory(email="root@example.com", is_superuser=True, is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, world, admin.email)
    assert response.status_code == 200
    assert not ContactInvitation.objects.exists() and not mail.outbox


def test_the_staff_refusal_is_in_the_users_language(client, world):
    client.force_login(world.contact)
    response = client.post(
        reverse("company:contact_list"),
        {
            "first_name": "A",
            "last_name": "B",
            "email": world.advisor.email,
            "location": world.location.pk,
        },
        HTTP_ACCEPT_LANGUAGE="nb",
    )
    assert "tilhører" in response.content.decode()


def test_a_brand_new_email_keeps_todays_flow(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, world, "ny@fisk.example.com")
    role = Role.objects.get(user__email="ny@fisk.example.com")
    assert role.location == world.location
    assert "/accounts/invitation/" in mail.outbox[-1].body
    assert not ContactInvitation.objects.exists()


def test_asking_again_replaces_the_first_link(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, world, "hr@tegels.example.com")
    first = link_in_mail("hr@tegels.example.com")
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, world, "hr@tegels.example.com")
    second = link_in_mail("hr@tegels.example.com")
    client.force_login(world.other_contact)
    assert client.post(first).status_code == 404
    assert client.post(second).status_code == 302
