"""Demo data: four programmes in three countries, their staff and a few companies.

Idempotent: every row is found by its natural key (slug, email, organisation number), so
running it again changes nothing. The companies, their addresses, sectors and contact
persons are written out below (made up, with postcodes from the postcode register that
belong to their towns); the advisors' and employees' names come from Faker with a fixed seed
per country. Texts are in each region's language.
"""

import base64
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
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
from pendel.core.factories import demo_domain, demo_email, find_or_make
from pendel.employees.factories import EmployeeFactory, demo_employee_rows
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
    # slug, name, programme, authority, country, colour, website
    (
        "nedre-glomma",
        "Nedre Glomma",
        "HjemJobbHjem Nedre Glomma",
        "Østfold kollektivtrafikk",
        "NO",
        "#00703c",
        "https://www.ostfold-kollektiv.no",
    ),
    (
        "nord-jaeren",
        "Nord-Jæren",
        "HjemJobbHjem Nord-Jæren",
        "Kolumbus",
        "NO",
        "#005da4",
        "https://www.kolumbus.no",
    ),
    (
        "jamtland-harjedalen",
        "Jämtland Härjedalen",
        "Hållbart pendlande Jämtland Härjedalen",
        "Region Jämtland Härjedalen",
        "SE",
        "#8a1538",
        "https://www.regionjh.se",
    ),
    (
        "overijssel",
        "Overijssel",
        "Twente Mobiel",
        "Provincie Overijssel",
        "NL",
        "#b34700",
        "https://www.overijssel.nl",
    ),
]


@dataclass(frozen=True)
class DemoCompany:
    name: str
    sector: str
    town: str
    street: str
    postcode: str
    employees: int
    contact: tuple[str, str, str]  # first name, last name, job title


# Three members per region: the first with a follow-up call due, the first two with the
# agreement signed and active, the third approved and waiting for its signature.
COMPANIES = {
    "nedre-glomma": [
        DemoCompany(
            "Glomma Trevare AS",
            "industry",
            "Fredrikstad",
            "Dikeveien 44",
            "1614",
            180,
            ("Kari", "Solberg", "HR-leder"),
        ),
        DemoCompany(
            "Borg Omsorg og Helse AS",
            "health",
            "Sarpsborg",
            "Kirkegata 12",
            "1706",
            240,
            ("Ole Martin", "Haugen", "Personalsjef"),
        ),
        DemoCompany(
            "Østfold Elektro AS",
            "construction",
            "Fredrikstad",
            "Gamle Beddingvei 8",
            "1617",
            65,
            ("Hanne", "Lie", "Daglig leder"),
        ),
    ],
    "nord-jaeren": [
        DemoCompany(
            "Jæren Havbruksteknikk AS",
            "industry",
            "Sandnes",
            "Stokkalandsmyra 20",
            "4313",
            320,
            ("Siri", "Tjelta", "HR-rådgiver"),
        ),
        DemoCompany(
            "Stavanger Ingeniørpartner AS",
            "services",
            "Stavanger",
            "Kongsgårdbakken 3",
            "4005",
            140,
            ("Lars", "Eide", "Kontorsjef"),
        ),
        DemoCompany(
            "Sola Flyfrakt AS",
            "transport",
            "Sola",
            "Flyplassvegen 230",
            "4055",
            85,
            ("Marte", "Bø", "Driftsleder"),
        ),
    ],
    "jamtland-harjedalen": [
        DemoCompany(
            "Storsjöbygdens Bygg AB",
            "construction",
            "Östersund",
            "Fältjägargränd 4",
            "831 52",
            130,
            ("Anna", "Lindqvist", "Personalchef"),
        ),
        DemoCompany(
            "Frösö Vård och Omsorg AB",
            "health",
            "Östersund",
            "Rådhusgatan 42",
            "831 35",
            210,
            ("Erik", "Jonsson", "HR-ansvarig"),
        ),
        DemoCompany(
            "Krokoms Trähus AB",
            "industry",
            "Krokom",
            "Industrivägen 6",
            "835 31",
            60,
            ("Maria", "Persson", "Platschef"),
        ),
    ],
    "overijssel": [
        DemoCompany(
            "Twentse Zorggroep B.V.",
            "health",
            "Enschede",
            "Haaksbergerstraat 55",
            "7513 EA",
            420,
            ("Sanne", "de Vries", "HR-adviseur"),
        ),
        DemoCompany(
            "Hengelose Metaalwerken B.V.",
            "industry",
            "Hengelo",
            "Industriestraat 12",
            "7553 CK",
            190,
            ("Thijs", "Jansen", "Hoofd personeelszaken"),
        ),
        DemoCompany(
            "Almelo Logistiek Centrum B.V.",
            "transport",
            "Almelo",
            "Bedrijvenpark Twente 300",
            "7602 KL",
            110,
            ("Fleur", "Bakker", "Officemanager"),
        ),
    ],
}
# A national company: one organisation, one package, locations in three regions.
NATIONAL = "Nordvei Logistikk AS"
NATIONAL_LOCATIONS = {
    "nedre-glomma": DemoCompany(
        NATIONAL,
        "transport",
        "Sarpsborg",
        "Tunevegen 20",
        "1710",
        240,
        ("Ingrid", "Berg", "HR-sjef"),
    ),
    "nord-jaeren": DemoCompany(
        NATIONAL,
        "transport",
        "Stavanger",
        "Strandkaien 2",
        "4005",
        410,
        ("Jonas", "Nilsen", "Avdelingsleder"),
    ),
    "jamtland-harjedalen": DemoCompany(
        NATIONAL,
        "transport",
        "Östersund",
        "Chaufförsvägen 9",
        "831 48",
        85,
        ("Johan", "Eriksson", "Platschef"),
    ),
}
# One application per region, confirmed and waiting for staff.
APPLICATIONS = {
    "nedre-glomma": DemoCompany(
        "Sarpsfossen Hotell AS",
        "hospitality",
        "Sarpsborg",
        "Glengsgata 5",
        "1706",
        45,
        ("Nina", "Andersen", "Hotelldirektør"),
    ),
    "nord-jaeren": DemoCompany(
        "Rogaland Datasenter AS",
        "it",
        "Stavanger",
        "Koppholen 4",
        "4033",
        70,
        ("Even", "Håland", "Daglig leder"),
    ),
    "jamtland-harjedalen": DemoCompany(
        "Östersunds Folkhögskola",
        "education",
        "Östersund",
        "Kyrkgatan 55",
        "831 34",
        38,
        ("Karin", "Olsson", "Rektor"),
    ),
    "overijssel": DemoCompany(
        "Techniek Academie Twente",
        "education",
        "Enschede",
        "M.H. Tromplaan 28",
        "7513 AB",
        150,
        ("Daan", "Visser", "Facilitair manager"),
    ),
}
# The texts the demo writes, in each region's language.
TEXTS = {
    "advisor_title": {
        "nb": "Mobilitetsrådgiver",
        "sv": "Mobilitetsrådgivare",
        "nl": "Mobiliteitsadviseur",
        "en": "Mobility advisor",
    },
    "coordinator_title": {"nb": "Nasjonal koordinator", "en": "National coordinator"},
    "followup": {
        "nb": "Reisevaneundersøkelse før sommeren; avtal dato med HR.",
        "sv": "Resvaneundersökning före sommaren; kom överens om datum med HR.",
        "nl": "Mobiliteitsonderzoek voor de zomer; datum afstemmen met HR.",
        "en": "Travel survey before the summer; agree the date with HR.",
    },
    "application_message": {
        "nb": "Vi vil gjerne tilby de ansatte bedriftsbillett fra nyttår.",
        "sv": "Vi vill gärna erbjuda våra anställda företagsbiljett från årsskiftet.",
        "nl": "We willen onze medewerkers vanaf het nieuwe jaar een bedrijfsabonnement aanbieden.",
        "en": "We would like to offer our employees a company ticket from the new year.",
    },
}


def demo_text(key: str, language: str) -> str:
    return TEXTS[key].get(language) or TEXTS[key]["en"]


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
    region: str = ""  # the region's name; "" for the logins of every region


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


def _company(company: DemoCompany, country: Country, rng: random.Random) -> Organisation:
    return find_or_make(
        OrganisationFactory,
        lookup={"country": country, "name": company.name},
        organisation_number=_organisation_number(country.code, rng),
        sector=company.sector,
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
    without_route = country == "NL" and index == 2
    organisation.invoice_street = f"{location.street_address}"
    organisation.invoice_postcode = location.postcode
    organisation.invoice_city = location.municipality
    organisation.invoice_country = country
    organisation.invoice_email = (
        "" if without_route else f"faktura@{demo_domain(organisation.name)}"
    )
    organisation.vat_number = vat if index != 1 else ""
    organisation.invoice_reference = BILLING_REFERENCES[country]
    if index == 0:
        organisation.peppol_id = f"{LEGAL_ID_SCHEMES[country]}:{number}"
    organisation.save()


def _location(organisation, region, company: DemoCompany) -> Location:
    return find_or_make(
        LocationFactory,
        lookup={"organisation": organisation, "region": region, "name": company.town},
        municipality=company.town,
        employee_count=company.employees,
        street_address=company.street,
        postcode=company.postcode,
    )


def contact_email(company: DemoCompany) -> str:
    first, last, _title = company.contact
    return demo_email(first, last, demo_domain(company.name))


def _contact(location: Location, company: DemoCompany, language: str) -> User:
    first, last, title = company.contact
    user = _user(contact_email(company), first, last, language)
    Role.objects.get_or_create(
        user=user,
        kind=Role.Kind.CONTACT_PERSON,
        location=location,
        defaults={
            "is_primary": not location.roles.filter(is_primary=True).exists(),
            "title": title,
        },
    )
    return user


def _signed_on(region: Region, rng: random.Random):
    """A day three to ten months ago, not before the agreement version's year began (when
    there is room for that), so well before the baseline survey, which opened a month ago."""
    today = timezone.localdate()
    day = today - timedelta(days=rng.randrange(90, 300))
    year = region.agreement_version[:4]
    if year.isdigit():
        day = max(day, min(date(int(year), 1, 5), today - timedelta(days=75)))
    return day


def _membership(location: Location, advisor: User, signed: bool, rng: random.Random):
    """An open membership with its history, as if the advisor had approved it; signed: the
    contact signed the agreement, and the membership began two to three weeks later."""
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
        signed_on = _signed_on(region, rng)
        membership_update_terms(
            membership=membership,
            actor=advisor,
            data={
                "agreement_signed_by": str(contact.user) if contact else "",
                "agreement_signed_on": signed_on,
            },
        )
        membership = membership_transition(
            membership=membership, to_status=MembershipStatus.ACTIVE, actor=advisor
        )
        joined_on = signed_on + timedelta(days=rng.randrange(14, 22))
        Membership.objects.filter(pk=membership.pk).update(joined_on=joined_on)
        membership.joined_on = joined_on
        _date_history(membership, signed_on, joined_on)
    return membership


def _date_history(membership: Membership, signed_on, joined_on) -> None:
    """The history as it happened: approved three weeks before the signature, active on the
    day the membership began (not all today, when the demo was loaded)."""
    days = [signed_on - timedelta(days=21), signed_on, joined_on]
    events = list(membership.events.order_by("id"))
    for event, day in zip(events, days, strict=False):
        event.created_at = timezone.make_aware(datetime.combine(day, time(10, 30)))
    MembershipEvent.objects.bulk_update(events, ["created_at"])


def _application(region: Region, rng: random.Random) -> None:
    if region.applications.filter(status=Application.Status.PENDING).exists():
        return
    company = APPLICATIONS[region.slug]
    first, last, title = company.contact
    Application.objects.create(
        region=region,
        company_name=company.name,
        organisation_number=_organisation_number(region.country_id, rng),
        sector=company.sector,
        location_name=company.town,
        street_address=company.street,
        postcode=company.postcode,
        municipality=company.town,
        employee_count=company.employees,
        contact_first_name=first,
        contact_last_name=last,
        contact_email=contact_email(company),
        contact_title=title,
        message=demo_text("application_message", region.default_language),
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
    rng = random.Random(f"employees-{location.pk}")
    rows = demo_employee_rows(
        location, min(location.employee_count, 40), seed=f"employees-{location.pk}"
    )
    Employee.objects.bulk_create(
        EmployeeFactory.build(
            location=location,
            department=rng.choice(DEPARTMENTS[country]),
            age_group=rng.choice(list(AgeGroup)),
            start_date=timezone.localdate() - timedelta(days=rng.randrange(30, 4000)),
            **row,
        )
        for row in rows
    )


def _followup(membership: Membership, advisor: User) -> None:
    AdvisorNote.objects.get_or_create(
        membership=membership,
        kind=AdvisorNote.Kind.CALL,
        defaults={
            "author": advisor,
            "happened_on": timezone.localdate() - timedelta(days=3),
            "text": demo_text("followup", membership.location.region.default_language),
            "follow_up_on": timezone.localdate() + timedelta(days=1),
        },
    )


NATIONAL_CONTACT = contact_email(NATIONAL_LOCATIONS["nedre-glomma"])
DUAL_ROLE = "mari.dahl@pendel.demo"


def demo_logins() -> list[DemoLogin]:
    """Every demo login: the superuser and the coordinator, then per region its advisor and
    the primary contact person of each member, with the dual-role user where she works."""
    logins = [
        DemoLogin("superuser", "admin@pendel.demo"),
        DemoLogin("national coordinator", "coordinator@pendel.demo"),
    ]
    for slug, name, *_rest in REGIONS:
        logins.append(DemoLogin("advisor", f"advisor.{slug}@pendel.demo", name))
        if slug == "nedre-glomma":
            role = "advisor, and contact person of two members in Nord-Jæren"
            logins.append(DemoLogin(role, DUAL_ROLE, name))
        national = [NATIONAL_LOCATIONS[slug]] if slug in NATIONAL_LOCATIONS else []
        for company in COMPANIES[slug] + national:
            note = " (national company)" if company.name == NATIONAL else ""
            role = f"contact person, {company.name}{note}"
            logins.append(DemoLogin(role, contact_email(company), name))
    return logins


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
    coordinator = _user("coordinator@pendel.demo", "Ingrid", "Aasen", "nb")
    _role(coordinator, Role.Kind.COORDINATOR, title=demo_text("coordinator_title", "nb"))

    regions = {}
    for slug, name, programme, authority, code, colour, website in REGIONS:
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
        language = country.default_language
        fake = Faker(FAKER_LOCALES[code])
        fake.seed_instance(f"advisor-{slug}")
        advisor = _user(
            f"advisor.{slug}@pendel.demo", fake.first_name(), fake.last_name(), language
        )
        _role(
            advisor,
            Role.Kind.REGION_STAFF,
            region=region,
            title=demo_text("advisor_title", language),
        )
        rng = random.Random(slug)
        for index, company in enumerate(COMPANIES[slug]):
            organisation = _company(company, country, rng)
            location = _location(organisation, region, company)
            _contact(location, company, language)
            _billing(organisation, location, index)
            _employees(location)
            membership = _membership(location, advisor, signed=index < 2, rng=rng)
            if index == 0:
                _followup(membership, advisor)
        _application(region, rng)

    rng = random.Random("national")
    national = _company(NATIONAL_LOCATIONS["nedre-glomma"], countries["NO"], rng)
    for slug, company in NATIONAL_LOCATIONS.items():
        location = _location(national, regions[slug], company)
        contact = _contact(location, company, regions[slug].default_language)
        if slug == "nedre-glomma":
            _billing(national, location, 0)
            # Nordvei's finance person sees and receives every region's invoices.
            Organisation.objects.filter(pk=national.pk).update(invoice_contact=contact)
        _employees(location)
        advisor = User.objects.get(email=f"advisor.{slug}@pendel.demo")
        _membership(location, advisor, signed=True, rng=rng)
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
    user = _user(DUAL_ROLE, "Mari", "Dahl", "nb")
    title = demo_text("advisor_title", "nb")
    _role(user, Role.Kind.REGION_STAFF, region=regions["nedre-glomma"], title=title)
    for location in Location.objects.filter(region=regions["nord-jaeren"]).order_by("pk")[:2]:
        _role(user, Role.Kind.CONTACT_PERSON, location=location)
