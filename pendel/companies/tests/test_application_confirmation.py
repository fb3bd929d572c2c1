"""The public application (issue 10, item 6): rate-limited per address and per recipient,
and confirmed by its contact e-mail before staff or the applicant's address get anything
with the applicant's text in it."""

import hashlib
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pendel.companies.confirmation import application_confirmation_send
from pendel.companies.models import Application
from pendel.companies.tasks import application_unconfirmed_purge
from pendel.companies.tests.conftest import APPLICATION_FORM, confirmation_path
from pendel.companies.views.public import APPLICATION_LIMIT

pytestmark = pytest.mark.django_db(transaction=True)

# What the applicant typed that must not reach anyone before the address is confirmed.
APPLICANT_TEXT = ["Glomma Bakeri", "Kari", "Hansen", "Ring meg på fredag", "HR-leder", "Storgata"]
FORM = {**APPLICATION_FORM, "message": "Ring meg på fredag"}


def apply(client, world, data=None, *, address="192.0.2.1", language="nb"):
    url = reverse("portal:application_create", args=[world.region.slug])
    return client.post(url, data or FORM, HTTP_ACCEPT_LANGUAGE=language, REMOTE_ADDR=address)


def staff_sees(client, world, application) -> bool:
    client.force_login(world.advisor)
    listed = "Glomma Bakeri" in client.get(reverse("staff:application_list")).content.decode()
    detail = client.get(reverse("staff:application_detail", args=[application.pk]))
    client.logout()
    assert listed == (detail.status_code == 200)
    return listed


# --- confirmation ---------------------------------------------------------------------------
def test_submitting_mails_only_a_link_without_the_applicants_text(client, world):
    response = apply(client, world)
    assert response.status_code == 302
    thanks = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="nb")
    assert "Sjekk e-posten din" in thanks.content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kari.hansen@bakeri.example.no"]
    assert "Bekreft e-postadressen" in message.subject
    for text in APPLICANT_TEXT:
        assert text not in message.subject and text not in message.body, text
    assert "/join/confirm/" in message.body
    application = Application.objects.get()
    assert application.email_confirmed_at is None
    assert not staff_sees(client, world, application)


def test_the_token_is_kept_only_as_its_sha256_with_an_expiry(client, world):
    apply(client, world)
    token = confirmation_path(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    application = Application.objects.get()
    assert application.confirmation_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Application.objects.values().get())
    left = application.confirmation_expires_at - timezone.now()
    assert timedelta(days=2, hours=23) < left <= timedelta(days=3)


def test_the_task_table_holds_the_applications_id_not_the_link(client, world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    apply(client, world)
    application = Application.objects.get()
    assert mail.outbox == []  # the worker sends it
    rows = [str(row.args_kwargs) for row in DBTaskResult.objects.all()]
    assert rows and all("confirm" not in row and "@" not in row for row in rows)
    assert any(f"'application_id': {application.pk}" in row for row in rows)
    assert application_confirmation_send(application_id=application.pk)
    assert "/join/confirm/" in mail.outbox[0].body


def test_opening_the_link_asks_first_and_sends_nothing(client, world):
    apply(client, world)
    page = client.get(confirmation_path(mail.outbox[0]), HTTP_ACCEPT_LANGUAGE="nb")
    assert page.status_code == 200
    assert "Bekreft og send søknaden" in page.content.decode()
    assert len(mail.outbox) == 1
    assert Application.objects.get().email_confirmed_at is None


def test_confirming_sends_the_receipt_and_tells_the_regions_staff(client, world):
    apply(client, world)
    response = client.post(confirmation_path(mail.outbox[0]), HTTP_ACCEPT_LANGUAGE="nb")
    assert "Søknaden din er sendt" in response.content.decode()
    application = Application.objects.get()
    assert application.email_confirmed_at is not None
    assert application.confirmation_token_hash == ""
    later = mail.outbox[1:]
    assert sorted(m.to[0] for m in later) == [
        "advisor@example.com",
        "kari.hansen@bakeri.example.no",
        "mari@example.com",
    ]
    receipt = next(m for m in later if m.to == ["kari.hansen@bakeri.example.no"])
    assert "Glomma Bakeri" in receipt.body
    assert staff_sees(client, world, application)
    client.force_login(world.other_advisor)
    assert "Glomma Bakeri" not in client.get(reverse("staff:application_list")).content.decode()


def test_a_link_works_once(client, world):
    apply(client, world)
    path = confirmation_path(mail.outbox[0])
    client.post(path)
    sent = len(mail.outbox)
    again = client.post(path, HTTP_ACCEPT_LANGUAGE="nb")
    assert "Lenken virker ikke lenger" in again.content.decode()
    assert len(mail.outbox) == sent
    assert (
        "Lenken virker ikke lenger" in client.get(path, HTTP_ACCEPT_LANGUAGE="nb").content.decode()
    )


def test_a_made_up_token_or_another_programmes_address_confirms_nothing(client, world):
    apply(client, world)
    path = confirmation_path(mail.outbox[0])
    wrong = path.replace("/join/confirm/", "/join/confirm/x")
    other = path.replace(world.region.slug, world.third_region.slug)
    for url in (wrong, other):
        response = client.post(url, HTTP_ACCEPT_LANGUAGE="nb")
        assert response.status_code == 200
        assert "Lenken virker ikke lenger" in response.content.decode()
    assert len(mail.outbox) == 1
    assert Application.objects.get().email_confirmed_at is None


def test_an_expired_application_is_never_shown_confirmed_or_kept(client, world):
    apply(client, world)
    application = Application.objects.get()
    Application.objects.update(confirmation_expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(confirmation_path(mail.outbox[0]), HTTP_ACCEPT_LANGUAGE="nb")
    assert "Lenken virker ikke lenger" in response.content.decode()
    assert len(mail.outbox) == 1
    assert not staff_sees(client, world, application)
    # The next application anyone sends clears it away.
    apply(client, world, {**FORM, "contact_email": "ola@bakeri.example.no"}, address="192.0.2.9")
    assert list(Application.objects.values_list("contact_email", flat=True)) == [
        "ola@bakeri.example.no"
    ]


def test_the_start_page_and_national_overview_do_not_count_unconfirmed_ones(client, world):
    apply(client, world)
    client.force_login(world.coordinator)
    overview = client.get(reverse("staff:national_overview"))
    region = next(r for r in overview.context["regions"] if r.pk == world.region.pk)
    assert region.pending_applications == 0
    client.post(confirmation_path(mail.outbox[0]))
    overview = client.get(reverse("staff:national_overview"))
    region = next(r for r in overview.context["regions"] if r.pk == world.region.pk)
    assert region.pending_applications == 1


# --- rate limits ----------------------------------------------------------------------------
def test_one_address_may_send_only_a_few_applications(client, world):
    for number in range(APPLICATION_LIMIT):
        data = {**FORM, "contact_email": f"kari{number}@bakeri.example.no"}
        assert apply(client, world, data).status_code == 302
    sent = len(mail.outbox)
    response = apply(client, world, {**FORM, "contact_email": "ny@bakeri.example.no"})
    assert response.status_code == 429
    assert "For mange søknader" in response.content.decode()
    assert Application.objects.count() == APPLICATION_LIMIT
    assert len(mail.outbox) == sent
    # Another address is not held up by this one.
    other = apply(client, world, {**FORM, "contact_email": "ny@bakeri.example.no"}, address="::2")
    assert other.status_code == 302


def test_one_recipient_gets_only_a_few_confirmation_mails(client, world):
    for number in range(APPLICATION_LIMIT):
        assert apply(client, world, address=f"198.51.100.{number}").status_code == 302
    response = apply(client, world, address="203.0.113.7", language="en")
    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert Application.objects.count() == APPLICATION_LIMIT
    assert len(mail.outbox) == APPLICATION_LIMIT
    # The address counts however it is written.
    shouted = {**FORM, "contact_email": "KARI.HANSEN@bakeri.example.no"}
    assert apply(client, world, shouted, address="203.0.113.8").status_code == 429


def test_an_invalid_form_is_not_counted(client, world):
    for _ in range(APPLICATION_LIMIT + 2):
        apply(client, world, {**FORM, "organisation_number": "1"})
    assert apply(client, world).status_code == 302


def test_the_scheduled_purge_deletes_only_an_expired_unconfirmed_application(client, world):
    apply(client, world)
    apply(client, world, {**FORM, "contact_email": "ola@bakeri.example.no"})
    waiting, confirmed = Application.objects.order_by("pk")
    client.post(confirmation_path(mail.outbox[1]))
    Application.objects.update(confirmation_expires_at=timezone.now() - timedelta(minutes=1))
    for application in (waiting, confirmed):
        application_unconfirmed_purge.call(application_id=application.pk)
    assert list(Application.objects.all()) == [confirmed]
