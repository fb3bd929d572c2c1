from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse

from pendel.accounts.factories import PASSWORD


def test_it_logs_in_with_email_and_password(client, world):
    response = client.post(
        reverse("accounts:login"), {"username": "advisor@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("staff:home")).status_code == 200


def test_a_wrong_password_gives_a_message_in_the_users_language(client, world):
    response = client.post(
        reverse("accounts:login"),
        {"username": "advisor@example.com", "password": "wrong"},
        HTTP_ACCEPT_LANGUAGE="nb",
    )
    assert response.status_code == 200
    assert "Vennligst oppgi korrekt" in response.content.decode()


def test_logout_needs_a_post_and_ends_the_session(client, world):
    client.force_login(world.advisor)
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("staff:home")).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_password_reset_mails_a_link_that_sets_a_new_password(client, world):
    client.post(reverse("accounts:password_reset"), {"email": "advisor@example.com"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password/reset/" in line)
    path = urlsplit(link.strip()).path  # the link is made from SITE_URL
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "a-new-long-secret", "new_password2": "a-new-long-secret"}
    )
    assert client.login(username="advisor@example.com", password="a-new-long-secret")


@pytest.mark.django_db(transaction=True)
def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, world):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.com"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []
