"""Repeated failed logins lock the account and the address, on the site and in the admin;
every login, failure and lock-out is in the audit trail."""

import json

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from pendel.accounts.factories import PASSWORD, UserFactory
from pendel.accounts.tests.test_login import reset_link
from pendel.core.audit import audit_sentence
from pendel.core.models import AuditEvent

LIMIT = settings.AXES_FAILURE_LIMIT
LOGIN = reverse("accounts:login")


def attempt(client, username, password, address="10.0.0.1", url=LOGIN, **extra):
    data = {"username": username, "password": password}
    return client.post(url, data, REMOTE_ADDR=address, **extra)


def test_the_account_is_locked_after_repeated_failures_even_from_other_addresses(client, world):
    for n in range(LIMIT):
        attempt(client, "hr@fisk.example.com", "wrong-password", address=f"10.0.0.{n}")
    response = attempt(
        client, "hr@fisk.example.com", PASSWORD, address="10.9.9.9", HTTP_ACCEPT_LANGUAGE="nb"
    )
    assert response.status_code == 429
    assert "company:home" not in str(response.get("Location"))
    html = response.content.decode()
    assert reverse("accounts:password_reset") in html
    assert "for mange mislykkede innlogginger" in html
    # Spelled differently, it is the same account.
    assert attempt(client, "HR@Fisk.example.com ", PASSWORD, address="10.9.9.8").status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_address_is_locked_after_failures_across_accounts(client, world):
    for n in range(LIMIT):
        attempt(client, f"guess{n}@example.com", "wrong-password", address="10.0.0.7")
    assert attempt(client, "hr@fisk.example.com", PASSWORD, address="10.0.0.7").status_code == 429
    assert attempt(client, "hr@fisk.example.com", PASSWORD, address="10.0.0.8").status_code == 302


def test_the_admin_login_is_throttled_too(client, db):
    UserFactory(email="root@example.com", is_staff=True, is_superuser=True)
    admin_login = "/admin/login/"
    for _ in range(LIMIT):
        attempt(client, "root@example.com", "wrong-password", url=admin_login)
    response = attempt(client, "root@example.com", PASSWORD, url=admin_login)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_fewer_failures_than_the_limit_do_not_lock(client, world):
    for _ in range(LIMIT - 1):
        attempt(client, "hr@fisk.example.com", "wrong-password")
    assert attempt(client, "hr@fisk.example.com", PASSWORD).status_code == 302


@pytest.mark.django_db(transaction=True)
def test_a_locked_out_user_can_still_reset_the_password_and_log_in(client, world):
    for _ in range(LIMIT):
        attempt(client, "hr@fisk.example.com", "wrong-password", address="10.0.0.1")
    assert attempt(client, "hr@fisk.example.com", PASSWORD, address="10.0.0.2").status_code == 429
    client.post(reverse("accounts:password_reset"), {"email": "hr@fisk.example.com"})
    assert len(mail.outbox) == 1
    response = client.get(reset_link(mail.outbox[0]), follow=True)
    new = "a-brand-new-long-secret"
    client.post(response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert attempt(client, "hr@fisk.example.com", new, address="10.0.0.2").status_code == 302


def test_logins_failures_and_lock_outs_are_in_the_audit_trail_without_the_password(client, world):
    attempt(client, "hr@fisk.example.com", PASSWORD, address="10.1.1.1")
    login = AuditEvent.objects.get(action="user.logged_in")
    assert login.actor == world.contact and login.changes == {"address": "10.1.1.1"}
    other = Client()
    for _ in range(LIMIT + 1):
        attempt(other, "advisor@example.com", "Secret-Guess-42", address="10.2.2.2")
    failures = AuditEvent.objects.filter(action="user.login_failed")
    assert failures.count() == LIMIT + 1
    first = failures.first()
    assert first.changes["username"] == "advisor@example.com"
    assert first.object_id == str(world.advisor.pk)
    assert "advisor@example.com" in audit_sentence(first) and "10.2.2.2" in audit_sentence(first)
    assert AuditEvent.objects.filter(action="user.locked_out").exists()
    stored = json.dumps(list(AuditEvent.objects.values_list("changes", flat=True)))
    assert "Secret-Guess-42" not in stored


def test_a_failure_for_an_unknown_username_is_recorded_too(client, world):
    attempt(client, "nobody@example.com", "whatever")
    event = AuditEvent.objects.get(action="user.login_failed")
    assert event.changes["username"] == "nobody@example.com" and event.object_id == "-"
