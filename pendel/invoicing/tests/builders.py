"""A billing world for tests: three programmes in three currencies with their sellers, the
national catalogue with prices, and a national company with locations in all three."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pendel.catalogue.models import Price
from pendel.catalogue.services import vat_rate_confirm
from pendel.catalogue.tests import builders as catalogue
from pendel.catalogue.tests.builders import national
from pendel.companies.factories import LocationFactory
from pendel.companies.identifiers import no_check_digit
from pendel.companies.models import Location, Membership, MembershipStatus, Organisation
from pendel.invoicing.billing import plan_region_month
from pendel.invoicing.issuing import issue_drafts, seller_snapshot
from pendel.invoicing.models import Invoice, InvoiceRun, SellerProfile
from pendel.invoicing.review import unconfirmed_rates
from pendel.invoicing.services import invoice_run_issue_process, invoice_run_plan_process
from pendel.orders.tests import builders as orders
from pendel.regions.factories import CountryFactory, RegionFactory

MARCH = date(2026, 3, 1)

SELLERS = {
    "NO": {
        "legal_name": "Østfold fylkeskommune",
        "organisation_number": "974544466",
        "vat_number": "NO974544466MVA",
        "street": "Storgata 8",
        "postcode": "1606",
        "city": "Fredrikstad",
        "email": "faktura@ostfold-kollektiv.example.no",
        "account_kind": "no_account",
        "account_number": "1503.10.12349",
        "payment_terms_days": 14,
        "invoice_prefix": "NG-",
    },
    "SE": {
        "legal_name": "Region Jämtland Härjedalen",
        "organisation_number": "232100-0016",
        "vat_number": "SE232100001601",
        "street": "Kyrkgatan 12",
        "postcode": "831 31",
        "city": "Östersund",
        "email": "faktura@regionjh.example.se",
        "account_kind": "se_bankgiro",
        "account_number": "5050-1055",
        "payment_terms_days": 30,
        "invoice_prefix": "JH",
    },
    "NL": {
        "legal_name": "Provincie Overijssel",
        "organisation_number": "12345678",
        "vat_number": "NL123456789B01",
        "in_business_register": False,
        "street": "Luttenbergstraat 2",
        "postcode": "8012 EE",
        "city": "Zwolle",
        "email": "facturen@overijssel.example.nl",
        "account_kind": "iban",
        "account_number": "NL91 ABNA 0417 1643 00",
        "bic": "ABNANL2A",
        "payment_terms_days": 30,
        "invoice_prefix": "OV-",
    },
}


def make_seller(region, **changes) -> SellerProfile:
    data = {**SELLERS[region.country_id], **changes}
    profile = SellerProfile(region=region, **data)
    profile.full_clean()
    profile.save()
    return profile


def make_member(location, *, fee_basis: str = "none", fee: str | None = None) -> Membership:
    return Membership.objects.create(
        location=location,
        status=MembershipStatus.ACTIVE,
        fee_basis=fee_basis,
        fee_amount=Decimal(fee) if fee else None,
        joined_on=date(2025, 1, 15),
    )


def make_buyer(
    organisation: Organisation, number: str, vat: str, street: str, postcode: str, city: str
):
    organisation.organisation_number = number
    organisation.vat_number = vat
    organisation.invoice_street, organisation.invoice_postcode = street, postcode
    organisation.invoice_city = city
    organisation.invoice_email = f"invoices@{organisation.pk}.example.com"
    organisation.invoice_reference = "HR-4711"
    organisation.save()
    return organisation


@dataclass
class Billing:
    world: object
    no: object
    se: object
    nl: object
    national: Organisation
    national_no: Location
    national_se: Location
    national_nl: Location


def make_billing(world) -> Billing:
    sweden = CountryFactory(
        code="SE", currency="SEK", default_language="sv", time_zone="Europe/Stockholm"
    )
    se = RegionFactory(
        slug="jamtland-harjedalen",
        name="Jämtland Härjedalen",
        programme_name="Hållbart pendlande",
        transport_authority="Region Jämtland Härjedalen",
        country=sweden,
    )
    no, nl = world.region, world.other_region
    catalogue.seed()
    for region in (no, se, nl):
        make_seller(region)
    catalogue.offer(no, "company-ticket", "199.00", includes_vat=True)
    catalogue.offer(se, "company-ticket", basis=Price.Basis.ANNUAL_PASS)
    catalogue.annual_pass(se, "8640.00")
    catalogue.offer(nl, "company-ticket", "95.00", includes_vat=True)
    catalogue.offer(no, "event", "5000.00")
    catalogue.offer(no, "ebike-leasing", "450.00")
    catalogue.offer(nl, "event", "1250.00")
    catalogue.offer(se, "bike-check", "3500.00")
    make_buyer(world.company, "923609016", "NO923609016MVA", "Fiskebrygga 1", "1632", "Fredrikstad")
    make_buyer(
        world.other_company,
        "87654321",
        "NL987654321B01",
        "Hengelosestraat 10",
        "7514 AE",
        "Enschede",
    )
    national = make_buyer(
        Organisation.objects.create(name="Nordvei Logistikk AS", country=no.country),
        "987654325",
        "NO987654325MVA",
        "Postboks 100",
        "1701",
        "Sarpsborg",
    )
    return Billing(
        world=world,
        no=no,
        se=se,
        nl=nl,
        national=national,
        national_no=LocationFactory(organisation=national, region=no, name="Sarpsborg"),
        national_se=LocationFactory(organisation=national, region=se, name="Östersund"),
        national_nl=LocationFactory(organisation=national, region=nl, name="Enschede"),
    )


def plan_month(region, period: date = MARCH):
    """The region's run for the month, planned now into drafts (as its task would)."""
    run, _created = InvoiceRun.objects.get_or_create(region=region, period=period)
    if run.status not in (InvoiceRun.Status.QUEUED, InvoiceRun.Status.FAILED):
        InvoiceRun.objects.filter(pk=run.pk).update(status=InvoiceRun.Status.QUEUED)
    return invoice_run_plan_process(run_id=run.pk)


def issue_reviewed(run):
    """Staff issue the drafts as reviewed; the issue task runs now."""
    InvoiceRun.objects.filter(pk=run.pk, status=InvoiceRun.Status.REVIEW).update(
        status=InvoiceRun.Status.ISSUING
    )
    return invoice_run_issue_process(run_id=run.pk)


def confirm_rates(region, period: date = MARCH) -> None:
    """The coordinator confirms the VAT rates the month uses that are unconfirmed (the
    seeded Swedish 6 % and the Dutch rates), as issuing needs."""
    for rate in unconfirmed_rates(region.country_id, period).values():
        vat_rate_confirm(actor=None, rate=rate, source_url=rate.source_url)


def run_month(region, period: date = MARCH):
    """The region's run for the month, planned, reviewed and issued now, its VAT rates
    confirmed first."""
    confirm_rates(region, period)
    return issue_reviewed(plan_month(region, period))


def issue_without_review(region, period: date = MARCH) -> list[int]:
    """Invoices as runs issued them before drafts were reviewed (and before an unconfirmed
    VAT rate stopped them): what older invoices in the database look like."""
    run, _created = InvoiceRun.objects.get_or_create(region=region, period=period)
    plan = plan_region_month(region, period)
    return issue_drafts(
        run=run,
        drafts=plan.drafts,
        plan=plan,
        seller=seller_snapshot(region),
        issue_date=period,
    )


def numbers(region) -> list[int]:
    return list(
        Invoice.objects.filter(region=region)
        .order_by("sequence")
        .values_list("sequence", flat=True)
    )


def many_companies(billing, count: int, offset: int = 0) -> None:
    """`count` companies in Norway, each with two ticket holders from March."""
    ticket = national("company-ticket")
    for index in range(offset, offset + count):
        organisation = make_buyer(
            Organisation.objects.create(name=f"Bedrift {index:03d} AS", country=billing.no.country),
            VALID_NUMBERS[index],
            "",
            "Storgata 1",
            "1606",
            "Fredrikstad",
        )
        location = LocationFactory(organisation=organisation, region=billing.no)
        orders.ticket_order(location, orders.employees(location, 2), ticket, start=MARCH)


def _valid_numbers(count: int) -> list[str]:
    found, base = [], 91000000
    while len(found) < count:
        check = no_check_digit(str(base))
        if check is not None:
            found.append(f"{base}{check}")
        base += 1
    return found


VALID_NUMBERS = _valid_numbers(60)
