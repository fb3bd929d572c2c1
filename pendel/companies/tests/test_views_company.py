import pytest
from django.core import mail
from django.urls import reverse

from pendel.accounts.models import Role, User


@pytest.mark.django_db(transaction=True)
def test_a_contact_person_invites_a_colleague(client, world, membership):
    client.force_login(world.contact)
    response = client.post(
        reverse("company:contact_list"),
        {
            "first_name": "Per",
            "last_name": "Olsen",
            "email": "per@fisk.example.com",
            "location": world.location.pk,
            "phone": "",
            "title": "",
        },
    )
    assert response.status_code == 302
    colleague = User.objects.get(email="per@fisk.example.com")
    role = Role.objects.get(user=colleague)
    assert role.location == world.location and not role.is_primary
    assert mail.outbox[-1].to == ["per@fisk.example.com"]
    assert "/accounts/invitation/" in mail.outbox[-1].body


def test_a_contact_person_cannot_invite_to_another_companys_location(client, world):
    client.force_login(world.contact)
    response = client.post(
        reverse("company:contact_list"),
        {
            "first_name": "Per",
            "last_name": "Olsen",
            "email": "per@x.example.com",
            "location": world.other_location.pk,
        },
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="per@x.example.com").exists()


def test_inviting_someone_twice_is_explained(client, world):
    client.force_login(world.contact)
    response = client.post(
        reverse("company:contact_list"),
        {
            "first_name": "H",
            "last_name": "H",
            "email": world.contact.email,
            "location": world.location.pk,
        },
    )
    assert "already a contact person" in response.content.decode()


def test_the_contact_list_shows_only_the_own_company(client, world):
    client.force_login(world.contact)
    page = client.get(reverse("company:contact_list")).content.decode()
    assert world.contact.email in page
    assert world.other_contact.email not in page


def test_min_side_shows_status_advisor_and_terms(client, world, membership):
    membership.fee_basis, membership.fee_amount = "per_employee_month", 10
    membership.save()
    client.force_login(world.contact)
    page = client.get(reverse("company:home"), HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    assert "Godkjent" in page
    assert world.advisor.email in page
    assert "kr\u00a010,00" in page
    assert "Twentse" not in page


def test_staff_cannot_use_the_company_contact_page(client, world):
    client.force_login(world.advisor)
    assert client.get(reverse("company:contact_list")).status_code == 404
