"""Users and their roles for the tests and the demo data (factory_boy)."""

import factory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from pendel.accounts.models import Role, User
from pendel.accounts.two_factor import TOTP_DEVICE_NAME

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    first_name = "Kari"
    last_name = factory.Sequence(lambda n: f"Nordmann{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_advisor(region, **kwargs) -> User:
    user = UserFactory(**kwargs)
    Role.objects.create(user=user, kind=Role.Kind.REGION_STAFF, region=region)
    return user


def make_coordinator(**kwargs) -> User:
    user = UserFactory(**kwargs)
    Role.objects.create(user=user, kind=Role.Kind.COORDINATOR)
    return user


def make_contact(location, **kwargs) -> User:
    """A contact person; the location's first one is its primary contact."""
    user = UserFactory(**kwargs)
    add_contact_role(user, location)
    return user


def add_contact_role(user: User, location) -> Role:
    """Make an existing user (staff, or contact elsewhere) a contact person of a location."""
    primary = not Role.objects.filter(location=location, is_primary=True).exists()
    return Role.objects.create(
        user=user, kind=Role.Kind.CONTACT_PERSON, location=location, is_primary=primary
    )


def make_totp_device(user: User, key: str | None = None) -> TOTPDevice:
    """A confirmed authenticator app for the user (with `key`, a hex secret known to the
    caller: the demo prints its secret so that a developer can add it to an app)."""
    extra = {"key": key} if key else {}
    return TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=True, **extra)


def pass_two_factor(client, user: User) -> TOTPDevice:
    """Mark a test client's session as having passed the second factor with a real device
    of the user's (made when they have none)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or make_totp_device(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
