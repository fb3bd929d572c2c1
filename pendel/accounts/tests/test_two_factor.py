"""Two-factor authentication: required for staff and the admin, a choice for contact
persons; enforced by the guards, not per view."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

from pendel.accounts.factories import UserFactory, make_totp_device
from pendel.accounts.two_factor import recovery_codes_replace
from pendel.core.models import AuditEvent


def code_for(device: TOTPDevice, *, later: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += later * device.step
    return f"{totp.token():0{device.digits}d}"


def test_an_unverified_staff_session_gets_the_two_factor_step_not_the_page(client, world):
    client.force_login(world.advisor, verified=False)
    response = client.get(reverse("staff:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    # Without a device yet, the step is the enrolment: QR code (inline SVG) and secret.
    page = client.get(response["Location"], follow=True)
    assert page.redirect_chain[-1][0].startswith(reverse("accounts:two_factor_setup"))
    html = page.content.decode()
    assert "<svg" in html and "otp-secret" in html
    assert "<script" not in html.split("</main>")[0].split("<main")[-1]


def test_every_staff_guard_asks_for_it_also_on_min_side_and_the_profile(client, world):
    client.force_login(world.staff_and_contact, verified=False)
    for url in (reverse("company:home"), reverse("accounts:profile"), reverse("staff:user_list")):
        response = client.get(url)
        assert response["Location"].startswith(reverse("accounts:two_factor")), url


def test_enrolment_confirms_a_code_and_shows_ten_recovery_codes_once(client, world):
    client.force_login(world.advisor, verified=False)
    setup = reverse("accounts:two_factor_setup") + "?next=/staff/"
    client.get(setup)
    device = TOTPDevice.objects.get(user=world.advisor, confirmed=False)
    response = client.post(setup, {"code": code_for(device), "next": "/staff/"})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(code in response.content.decode() for code in codes)
    assert client.get(reverse("staff:home")).status_code == 200
    again = client.get(reverse("accounts:two_factor_setup"))
    assert not any(code in again.content.decode() for code in codes)
    assert AuditEvent.objects.filter(action="user.two_factor_enabled").exists()


def test_a_wrong_enrolment_code_is_refused(client, world):
    client.force_login(world.advisor, verified=False)
    setup = reverse("accounts:two_factor_setup")
    client.get(setup)
    device = TOTPDevice.objects.get(user=world.advisor, confirmed=False)
    response = client.post(setup, {"code": code_for(device, later=10)}, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 200
    assert "codes" not in response.context
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(reverse("staff:home")).status_code == 302


def test_a_wrong_code_is_refused_and_the_right_one_opens_the_page(client, world):
    device = make_totp_device(world.advisor)
    client.force_login(world.advisor, verified=False)
    step = reverse("accounts:two_factor") + "?next=/staff/"
    response = client.post(step, {"code": code_for(device, later=10)})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert client.get(reverse("staff:home")).status_code == 302
    assert AuditEvent.objects.filter(action="user.two_factor_failed").exists()
    # At once, even the right code waits: wrong guesses slow down.
    response = client.post(step, {"code": code_for(device), "next": "/staff/"})
    assert response.status_code == 200 and "Wait a moment" in response.content.decode()
    # A failure makes the next try wait (django-otp's throttling): a little later it works.
    with freeze_time(timezone.now() + timedelta(seconds=5)):
        response = client.post(step, {"code": code_for(device), "next": "/staff/"})
        assert response["Location"] == "/staff/"
        assert client.get(reverse("staff:home")).status_code == 200


def test_a_recovery_code_works_once_only(client, world):
    make_totp_device(world.advisor)
    code = recovery_codes_replace(world.advisor)[0]
    step = reverse("accounts:two_factor")
    client.force_login(world.advisor, verified=False)
    assert client.post(step, {"code": code, "next": "/staff/"})["Location"] == "/staff/"
    assert client.get(reverse("staff:home")).status_code == 200
    client.post(reverse("accounts:logout"))
    client.force_login(world.advisor, verified=False)
    response = client.post(step, {"code": code, "next": "/staff/"})
    assert response.status_code == 200
    assert client.get(reverse("staff:home")).status_code == 302


def test_a_password_alone_cannot_replace_an_enrolled_device(client, world):
    make_totp_device(world.advisor)
    client.force_login(world.advisor, verified=False)
    response = client.get(reverse("accounts:two_factor_setup"))
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert not TOTPDevice.objects.filter(user=world.advisor, confirmed=False).exists()


def test_the_two_factor_step_does_not_redirect_elsewhere(client, world):
    device = make_totp_device(world.advisor)
    client.force_login(world.advisor, verified=False)
    response = client.post(
        reverse("accounts:two_factor"), {"code": code_for(device), "next": "https://evil.example"}
    )
    assert response["Location"] == reverse("portal:home")


def test_contact_persons_need_no_second_factor_until_they_turn_it_on(client, world):
    client.force_login(world.contact, verified=False)
    assert client.get(reverse("company:home")).status_code == 200
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert reverse("accounts:two_factor_setup") in profile
    setup = reverse("accounts:two_factor_setup")
    client.get(setup)
    device = TOTPDevice.objects.get(user=world.contact)
    assert client.post(setup, {"code": code_for(device)}).status_code == 200
    client.post(reverse("accounts:logout"))
    client.force_login(world.contact, verified=False)
    response = client.get(reverse("company:home"))
    assert response["Location"].startswith(reverse("accounts:two_factor"))


def test_the_admin_needs_the_second_factor(client, db):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin, verified=False)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:two_factor"))
    client.force_login(admin)
    assert client.get("/admin/").status_code == 200
