import re

import pytest
from django.utils import timezone

from pendel.companies.models import Application, Membership


@pytest.fixture
def membership(world):
    return Membership.objects.create(
        location=world.location, status="approved", advisor=world.advisor
    )


@pytest.fixture
def other_membership(world):
    return Membership.objects.create(location=world.other_location, status="active")


APPLICATION_FORM = {
    "company_name": "Glomma Bakeri AS",
    "organisation_number": "923 609 016",
    "sector": "retail",
    "location_name": "Sarpsborg",
    "street_address": "Storgata 1",
    "postcode": "1706",
    "municipality": "Sarpsborg",
    "employee_count": "42",
    "contact_first_name": "Kari",
    "contact_last_name": "Hansen",
    "contact_email": "Kari.Hansen@bakeri.example.no",
    "contact_phone": "912 34 567",
    "contact_title": "HR-leder",
    "invoice_street": "Postboks 12",
    "invoice_postcode": "1701",
    "invoice_city": "Sarpsborg",
    "invoice_country": "NO",
    "invoice_email": "Faktura@bakeri.example.no",
    "vat_number": "",
    "invoice_reference": "",
    "logo_consent": "on",
    "message": "",
}


@pytest.fixture
def application(world):
    data = {k: v for k, v in APPLICATION_FORM.items() if k != "logo_consent"}
    data.update(
        organisation_number="923609016",
        employee_count=42,
        contact_email="kari.hansen@bakeri.example.no",
        contact_phone="+4791234567",
        logo_consent=True,
    )
    return Application.objects.create(
        region=world.region, language="nb", email_confirmed_at=timezone.now(), **data
    )


def confirmation_path(message) -> str:
    """The path of the link in an application's confirmation mail."""
    return re.search(r"https?://[^/\s]+(/programmes/\S+/join/confirm/\S+/)", message.body).group(1)
