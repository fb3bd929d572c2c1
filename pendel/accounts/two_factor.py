"""Two-factor authentication: a TOTP app on the user's phone, with ten one-time recovery codes.

Required for everyone with back-office or admin rights (region staff, advisors, the national
coordinator, superusers, `is_staff` users); optional for contact persons, who turn it on from
their profile. Once a user has a confirmed device, every login of theirs needs a code.

The one place it is enforced is the guards in `access.py` (and the admin site in
`admin_site.py`): a session that needs a second factor and has none is sent to the
two-factor step before any guarded page opens.
"""

import base64
from urllib.parse import quote

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from pendel.accounts.audit import AccountsAction
from pendel.accounts.models import User
from pendel.core.audit import audit_record

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Pendel"
RECOVERY_DEVICE_NAME = "recovery codes"


def must_use_two_factor(user, *, has_staff_role: bool) -> bool:
    """Staff and admins must; anyone else only once they have turned it on."""
    if user.is_superuser or user.is_staff or has_staff_role:
        return True
    return has_two_factor(user)


def has_two_factor(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(request) -> bool:
    """This session has passed the second factor (django-otp's middleware sets it)."""
    user = getattr(request, "user", None)
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def two_factor_passed(request, *, has_staff_role: bool) -> bool:
    return is_verified(request) or not must_use_two_factor(
        request.user, has_staff_role=has_staff_role
    )


def enrolment_device(user: User) -> TOTPDevice:
    """The unconfirmed device the user is enrolling, made on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as an authenticator app wants it typed in (base32, in groups of four)."""
    raw = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def provisioning_uri(device: TOTPDevice) -> str:
    label = quote(f"{settings.OTP_TOTP_ISSUER}:{device.user.email}")
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    issuer = quote(settings.OTP_TOTP_ISSUER)
    return (
        f"otpauth://totp/{label}?secret={secret}&issuer={issuer}"
        f"&digits={device.digits}&period={device.step}"
    )


def qr_svg(text: str) -> str:
    """The QR code as inline SVG markup: made here, no outside service, no script."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def _normalise(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


@transaction.atomic
def enrolment_confirm(*, request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the device with a code from the app. Returns the new recovery codes (shown
    once), or None when the code is wrong."""
    if not device.verify_token(_normalise(code)):
        return None
    user = device.user
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = recovery_codes_replace(user)
    django_otp.login(request, device)
    audit_record(actor=user, action=AccountsAction.TWO_FACTOR_ENABLED, target=user)
    return codes


def recovery_codes_replace(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def code_throttled(user) -> bool:
    """After wrong codes the app's device waits longer before each new try (django-otp)."""
    devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    return any(not device.verify_is_allowed()[0] for device in devices)


@transaction.atomic
def code_verify(*, request, code: str) -> bool:
    """Check a code from the app, or a recovery code (each works once). On success the
    session counts as verified."""
    user = request.user
    token = _normalise(code)
    used = None
    if token:
        for device in TOTPDevice.objects.filter(user=user, confirmed=True):
            if device.verify_token(token):
                used = device
                break
        if used is None:
            for device in StaticDevice.objects.filter(user=user, confirmed=True):
                if device.verify_token(token):  # deletes the code it matched
                    used = device
                    audit_record(actor=user, action=AccountsAction.RECOVERY_CODE_USED, target=user)
                    break
    if used is None:
        audit_record(actor=user, action=AccountsAction.TWO_FACTOR_FAILED, target=user)
        return False
    django_otp.login(request, used)
    return True


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
