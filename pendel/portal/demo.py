"""Demo data: four programmes in three countries, their staff and a few companies.

Idempotent: every row is found by its natural key (slug, email, organisation number), so
running it again changes nothing. Names come from Faker with a fixed seed per country.
"""

import base64
import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_otp.oath import TOTP
from faker import Faker

from pendel.accounts.factories import UserFactory, make_totp_device
from pendel.accounts.models import Role, User
from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.companies.identifiers import (
    digits,
    luhn_check_digit,
    no_check_digit,
    normalise_organisation_number,
)
from pendel.companies.models import (
    AdvisorNote,
    Application,
    Location,
    Membership,
    MembershipEvent,
    MembershipStatus,
    Organisation,
)
from pendel.companies.services import membership_transition, membership_update_terms
from pendel.core.factories import find_or_make
from pendel.employees.factories import EmployeeFactory
from pendel.employees.models import AgeGroup, Employee
from pendel.invoicing.identifiers import LEGAL_ID_SCHEMES
from pendel.regions.factories import CountryFactory, RegionFactory
from pendel.regions.models import Country, Region

DEMO_PASSWORD = "pendel-demo-2026"
# Staff log in with a second factor. Every demo staff user has an authenticator app enrolled
# with this one secret (20 bytes, hex; `demo_totp_secret()` gives it in base32 for an app),
# and `manage.py seed_demo --code` prints the code of the moment. Demo data only.
DEMO_TOTP_KEY = "70656e64656c2d64656d6f2d746f74702d6b6579"

COUNTRIES = [
    ("NO", "NOK", "nb", "Europe/Oslo"),
    ("SE", "SEK", "sv", "Europe/Stockholm"),
    ("NL", "EUR", "nl", "Europe/Amsterdam"),
]
REGIONS = [
    # slug, name, programme, authority, country, colour, website, municipalities
    (
        "nedre-glomma",
        "Nedre Glomma",
        "HjemJobbHjem Nedre Glomma",
        "Østfold kollektivtrafikk",
        "NO",
        "#00703c",
        "https://www.ostfold-kollektiv.no",
        ["Fredrikstad", "Sarpsborg"],
    ),
    (
        "nord-jaeren",
        "Nord-Jæren",
        "HjemJobbHjem Nord-Jæren",
        "Kolumbus",
        "NO",
        "#005da4",
        "https://www.kolumbus.no",
        ["Stavanger", "Sandnes", "Sola"],
    ),
    (
        "jamtland-harjedalen",
        "Jämtland Härjedalen",
        "Hållbart pendlande Jämtland Härjedalen",
        "Region Jämtland Härjedalen",
        "SE",
        "#8a1538",
        "https://www.regionjh.se",
        ["Östersund", "Krokom", "Berg"],
    ),
    (
        "overijssel",
        "Overijssel",
        "Twente Mobiel",
        "Provincie Overijssel",
        "NL",
        "#b34700",
        "https://www.overijssel.nl",
        ["Enschede", "Hengelo", "Almelo"],
    ),
]
# HjemJobbHjem's own FAQ: a fee of NOK 10 per employee per month (DOMAIN.md).
FEES = {
    "nedre-glomma": {"fee_basis": "per_employee_month", "fee_amount": Decimal("10.00")},
    "nord-jaeren": {"fee_basis": "per_employee_month", "fee_amount": Decimal("10.00")},
}
FAKER_LOCALES = {"NO": "no_NO", "SE": "sv_SE", "NL": "nl_NL"}


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str


def _organisation_number(country: str, rng: random.Random) -> str:
    while True:
        if country == "NO":
            first8 = f"9{rng.randrange(10**7):07d}"
            check = no_check_digit(first8)
            if check is not None:
                return f"{first8}{check}"
        elif country == "SE":
            partial = f"55{rng.randrange(10**7):07d}"
            return normalise_organisation_number("SE", f"{partial}{luhn_check_digit(partial)}")
        else:
            return f"{rng.randrange(10**7, 10**8)}"


def _user(email: str, first: str, last: str, language: str, **extra) -> User:
    return find_or_make(
        UserFactory,
        lookup={"email": email},
        first_name=first,
        last_name=last,
        language=language,
        password=DEMO_PASSWORD,
        **extra,
    )


def _role(user: User, kind: str, *, region=None, location=None, title: str = "") -> None:
    Role.objects.get_or_create(
        user=user, kind=kind, region=region, location=location, defaults={"title": title}
    )


def _company(name: str, country: Country, rng: random.Random) -> Organisation:
    return find_or_make(
        OrganisationFactory,
        lookup={"country": country, "name": name},
        organisation_number=_organisation_number(country.code, rng),
    )


BILLING_REFERENCES = {"NO": "Ressursnr. 4410", "SE": "Kostnadsställe 210", "NL": "Kostenplaats 12"}


def _billing(organisation: Organisation, location: Location, index: int) -> None:
    """Billing data as the demo companies gave it: an invoice address and email, a VAT
    number and reference; the first company of each country also a Peppol ID (in Sweden
    its organisation number, scheme 0007). The third Dutch company gives no invoice email
    and no Peppol ID, so the back office shows a customer without an e-invoice route."""
    if organisation.invoice_street:
        return
    country = organisation.country_id
    number = digits(organisation.organisation_number)
    vat = {"NO": f"NO{number}MVA", "SE": f"SE{number}01", "NL": f"NL{number}0B01"}[country]
    slug = "".join(ch for ch in organisation.name.lower() if ch.isalnum())[:20]
    without_route = country == "NL" and index == 2
    organisation.invoice_street = f"{location.street_address}"
    organisation.invoice_postcode = location.postcode
    organisation.invoice_city = location.municipality
    organisation.invoice_country = country
    organisation.invoice_email = "" if without_route else f"faktura@{slug}.demo"
    organisation.vat_number = vat if index != 1 else ""
    organisation.invoice_reference = BILLING_REFERENCES[country]
    if index == 0:
        organisation.peppol_id = f"{LEGAL_ID_SCHEMES[country]}:{number}"
    organisation.save()


def _location(organisation, region, name, municipality, employees, fake) -> Location:
    return find_or_make(
        LocationFactory,
        lookup={"organisation": organisation, "region": region, "name": name},
        municipality=municipality,
        employee_count=employees,
        street_address=fake.street_address(),
        postcode=fake.postcode(),
    )


def _contact(location: Location, fake, language: str) -> User:
    slug = "".join(ch for ch in location.organisation.name.lower() if ch.isalnum())[:20]
    place = "".join(ch for ch in location.name.lower() if ch.isalnum())[:12]
    user = _user(
        f"contact.{slug}.{place}@pendel.demo", fake.first_name(), fake.last_name(), language
    )
    Role.objects.get_or_create(
        user=user,
        kind=Role.Kind.CONTACT_PERSON,
        location=location,
        defaults={"is_primary": not location.roles.filter(is_primary=True).exists()},
    )
    return user


def _membership(location: Location, advisor: User, signed: bool) -> Membership:
    """An open membership with its history, as if the advisor had approved it."""
    existing = location.memberships.exclude(status=MembershipStatus.ENDED).first()
    if existing:
        return existing
    region = location.region
    membership = Membership.objects.create(
        location=location,
        status=MembershipStatus.APPROVED,
        advisor=advisor,
        logo_consent=True,
        fee_basis=region.fee_basis,
        fee_amount=region.fee_amount,
        agreement_version=region.agreement_version,
    )
    MembershipEvent.objects.create(
        membership=membership,
        kind=MembershipEvent.Kind.STATUS,
        from_status=MembershipStatus.APPLIED,
        to_status=MembershipStatus.APPROVED,
        actor=advisor,
    )
    if signed:
        contact = location.roles.filter(is_primary=True).select_related("user").first()
        membership_update_terms(
            membership=membership,
            actor=advisor,
            data={
                "agreement_signed_by": str(contact.user) if contact else "",
                "agreement_signed_on": timezone.localdate() - timedelta(days=60),
            },
        )
        membership = membership_transition(
            membership=membership, to_status=MembershipStatus.ACTIVE, actor=advisor
        )
    return membership


def _application(region: Region, fake, rng: random.Random) -> None:
    if region.applications.filter(status=Application.Status.PENDING).exists():
        return
    town = fake.city()
    Application.objects.create(
        region=region,
        company_name=fake.company(),
        organisation_number=_organisation_number(region.country_id, rng),
        location_name=town,
        street_address=fake.street_address(),
        postcode=fake.postcode(),
        municipality=town,
        employee_count=rng.randrange(20, 400),
        contact_first_name=fake.first_name(),
        contact_last_name=fake.last_name(),
        contact_email=f"hr.{region.slug}@applicant.demo",
        logo_consent=True,
        language=region.default_language,
        email_confirmed_at=timezone.now(),
    )


DEPARTMENTS = {
    "NO": ["Administrasjon", "Produksjon", "Salg", "Lager", "IT"],
    "SE": ["Administration", "Produktion", "Försäljning", "Lager", "IT"],
    "NL": ["Administratie", "Productie", "Verkoop", "Magazijn", "IT"],
}


def _employees(location: Location) -> None:
    """A list of up to 40 employees, as if the company had imported it."""
    if location.employees.exists():
        return
    country = location.region.country_id
    fake = Faker(FAKER_LOCALES[country])
    fake.seed_instance(f"employees-{location.pk}")
    rng = random.Random(f"employees-{location.pk}")
    domain = "".join(ch for ch in location.organisation.name.lower() if ch.isalnum())[:20]
    people = []
    for index in range(min(location.employee_count, 40)):
        first, last = fake.first_name(), fake.last_name()
        people.append(
            EmployeeFactory.build(
                location=location,
                first_name=first,
                last_name=last,
                email=f"employee{index}.{location.pk}@{domain}.demo",
                department=rng.choice(DEPARTMENTS[country]),
                age_group=rng.choice(list(AgeGroup)),
                postcode=fake.postcode(),
                start_date=timezone.localdate() - timedelta(days=rng.randrange(30, 4000)),
            )
        )
    Employee.objects.bulk_create(people)


def _followup(membership: Membership, advisor: User) -> None:
    AdvisorNote.objects.get_or_create(
        membership=membership,
        kind=AdvisorNote.Kind.CALL,
        defaults={
            "author": advisor,
            "happened_on": timezone.localdate() - timedelta(days=3),
            "text": "Travel survey before the summer; agree the date with HR.",
            "follow_up_on": timezone.localdate() + timedelta(days=1),
        },
    )


NATIONAL_CONTACT = "contact.nordveilogistikkas.sarpsborg@pendel.demo"
DUAL_ROLE = "mari.dobbel@pendel.demo"


def demo_logins() -> list[DemoLogin]:
    return [
        DemoLogin("superuser", "admin@pendel.demo"),
        DemoLogin("national coordinator", "coordinator@pendel.demo"),
        *[
            DemoLogin(f"advisor, {name}", f"advisor.{slug}@pendel.demo")
            for slug, name, *_ in REGIONS
        ],
        DemoLogin("contact person, Nordvei Logistikk (national company)", NATIONAL_CONTACT),
        DemoLogin(
            "region staff in Nedre Glomma and contact person of two companies in Nord-Jæren",
            DUAL_ROLE,
        ),
    ]


@transaction.atomic
def seed_demo() -> None:
    countries = {
        code: find_or_make(
            CountryFactory,
            lookup={"code": code},
            currency=cur,
            default_language=lang,
            time_zone=tz,
        )
        for code, cur, lang, tz in COUNTRIES
    }
    _user("admin@pendel.demo", "Admin", "Pendel", "en", is_staff=True, is_superuser=True)
    coordinator = _user("coordinator@pendel.demo", "Ingrid", "Nasjonal", "nb")
    _role(coordinator, Role.Kind.COORDINATOR, title="National coordinator")

    regions = {}
    for slug, name, programme, authority, code, colour, website, towns in REGIONS:
        country = countries[code]
        region = find_or_make(
            RegionFactory,
            lookup={"slug": slug},
            name=name,
            programme_name=programme,
            transport_authority=authority,
            country=country,
            time_zone=country.time_zone,
            default_language=country.default_language,
            brand_colour=colour,
            website=website,
            agreement_version="2026-1",
            **FEES.get(slug, {}),
        )
        regions[slug] = region
        fake = Faker(FAKER_LOCALES[code])
        fake.seed_instance(f"advisor-{slug}")
        advisor = _user(
            f"advisor.{slug}@pendel.demo",
            fake.first_name(),
            fake.last_name(),
            country.default_language,
        )
        _role(advisor, Role.Kind.REGION_STAFF, region=region, title="Mobility advisor")

        rng = random.Random(slug)
        fake.seed_instance(f"companies-{slug}")
        for index in range(3):
            company = _company(fake.company(), country, rng)
            town = towns[index % len(towns)]
            location = _location(company, region, town, town, rng.randrange(25, 900), fake)
            _contact(location, fake, country.default_language)
            _billing(company, location, index)
            _employees(location)
            membership = _membership(location, advisor, signed=index < 2)
            if index == 0:
                _followup(membership, advisor)
        _application(region, fake, rng)

    # A national company: one organisation, one package, locations in three regions.
    fake = Faker("no_NO")
    fake.seed_instance("national")
    national = _company("Nordvei Logistikk AS", countries["NO"], random.Random("national"))
    for slug, town, employees in [
        ("nedre-glomma", "Sarpsborg", 240),
        ("nord-jaeren", "Stavanger", 410),
        ("jamtland-harjedalen", "Östersund", 85),
    ]:
        location = _location(national, regions[slug], town, town, employees, fake)
        contact = _contact(location, fake, "nb")
        if slug == "nedre-glomma":
            _billing(national, location, 0)
            # Nordvei's finance person sees and receives every region's invoices.
            Organisation.objects.filter(pk=national.pk).update(invoice_contact=contact)
        _employees(location)
        advisor = User.objects.get(email=f"advisor.{slug}@pendel.demo")
        _membership(location, advisor, signed=True)
    _dual_role(regions)
    _demo_two_factor()


def demo_totp_secret() -> str:
    return base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode().rstrip("=")


def demo_totp_code() -> str:
    """The code an authenticator app with the demo secret shows now."""
    return f"{TOTP(bytes.fromhex(DEMO_TOTP_KEY), step=30, t0=0, digits=6).token():06d}"


def _demo_two_factor() -> None:
    """Enrol the demo secret for every demo user who needs the second factor."""
    staff = (
        User.objects.filter(email__endswith="@pendel.demo")
        .filter(
            Q(is_superuser=True)
            | Q(is_staff=True)
            | Q(roles__kind__in=[Role.Kind.COORDINATOR, Role.Kind.REGION_STAFF])
        )
        .exclude(totpdevice__confirmed=True)
        .distinct()
    )
    for user in staff:
        make_totp_device(user, key=DEMO_TOTP_KEY)


def _dual_role(regions: dict) -> None:
    """An advisor whose own employer is a member elsewhere, and who is contact person of two
    organisations there: she switches between the back office and Min side, and chooses the
    company she acts for."""
    user = _user(DUAL_ROLE, "Mari", "Dobbel", "nb")
    _role(user, Role.Kind.REGION_STAFF, region=regions["nedre-glomma"], title="Mobility advisor")
    for location in Location.objects.filter(region=regions["nord-jaeren"]).order_by("pk")[:2]:
        _role(user, Role.Kind.CONTACT_PERSON, location=location)
