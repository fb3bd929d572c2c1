"""Demo billing: the catalogue, seller details, prices, company tickets, one invoice run per
demo region for this month (issued where the VAT rates are confirmed, in review where they
are not), and a part credit. Call `seed_demo_billing()` after the portal's
`seed_demo()`; it is idempotent.

The sellers' organisation numbers, VAT numbers and accounts are made up (with valid check
digits), not the real ones of these authorities.
"""

import contextlib
import random
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from pendel.catalogue.models import Price, Product
from pendel.catalogue.seed import addon_template, catalogue_seed_national
from pendel.catalogue.services import annual_pass_set, offer_set, price_set, product_save
from pendel.companies.models import Location, MembershipStatus
from pendel.core.dates import current_month, region_today
from pendel.employees.factories import EmployeeFactory, demo_employee_rows
from pendel.employees.models import Employee
from pendel.invoicing.models import Invoice, InvoiceRun, SellerProfile
from pendel.invoicing.services import (
    credit_note_issue,
    invoice_run_issue,
    invoice_run_issue_process,
    invoice_run_plan_process,
    seller_profile_save,
)
from pendel.orders.services import order_create, ticket_order_create
from pendel.regions.models import Region

SELLERS = {
    "nedre-glomma": {
        "legal_name": "Østfold kollektivtrafikk (demo)",
        "organisation_number": "974544466",
        "vat_number": "NO974544466MVA",
        "street": "Storgata 8",
        "postcode": "1606",
        "city": "Fredrikstad",
        "email": "faktura@ostfold-kollektiv.demo",
        "account_kind": "no_account",
        "account_number": "15031012349",
        "payment_terms_days": 14,
        "invoice_prefix": "NG-",
    },
    "nord-jaeren": {
        "legal_name": "Kolumbus (demo)",
        "organisation_number": "998877660",
        "vat_number": "NO998877660MVA",
        "street": "Lagårdsveien 46",
        "postcode": "4010",
        "city": "Stavanger",
        "email": "faktura@kolumbus.demo",
        "account_kind": "no_account",
        "account_number": "86011117947",
        "payment_terms_days": 14,
        "invoice_prefix": "NJ-",
    },
    "jamtland-harjedalen": {
        "legal_name": "Region Jämtland Härjedalen (demo)",
        "organisation_number": "2321000016",
        "vat_number": "SE232100001601",
        "street": "Kyrkgatan 12",
        "postcode": "831 31",
        "city": "Östersund",
        "email": "faktura@regionjh.demo",
        "account_kind": "se_bankgiro",
        "account_number": "5050-1055",
        "payment_terms_days": 30,
        "invoice_prefix": "JH-",
    },
    "overijssel": {
        "legal_name": "Provincie Overijssel (demo)",
        "organisation_number": "12345678",
        "vat_number": "NL123456789B01",
        "in_business_register": False,
        "street": "Luttenbergstraat 2",
        "postcode": "8012 EE",
        "city": "Zwolle",
        "email": "facturen@overijssel.demo",
        "account_kind": "iban",
        "account_number": "NL91ABNA0417164300",
        "bic": "ABNANL2A",
        "payment_terms_days": 30,
        "invoice_prefix": "OV-",
    },
}
# slug: (ticket price and whether it includes VAT, or the annual pass for "÷ 12")
TICKET_PRICES = {
    "nedre-glomma": ("fixed", "199.00", True),  # HjemJobbHjem's own price
    "nord-jaeren": ("annual_pass", "8640.00", True),  # the national proposal (demo pass price)
    "jamtland-harjedalen": ("fixed", "690.00", True),
    "overijssel": ("fixed", "95.00", True),
}
EXTRAS = {  # product code: price excluding VAT, per region currency
    "nedre-glomma": {"event": "5000.00", "ebike-leasing": "450.00", "travel-survey": "0.00"},
    "nord-jaeren": {"event": "6000.00", "bike-check": "3500.00", "travel-survey": "0.00"},
    "jamtland-harjedalen": {"health-talk": "4500.00", "bike-check": "3200.00"},
    "overijssel": {"event": "1250.00", "ebike-trial": "350.00"},
}
ADDONS = {
    "nord-jaeren": "city-bikes",
    "nedre-glomma": "demand-responsive",
    "overijssel": "city-bikes",
}
ADDON_PRICES = {"city-bikes": "99.00", "demand-responsive": "149.00"}
# The part credit's reason, in the region's language (it is printed on the credit note).
CREDIT_REASONS = {
    "nb": "Én ansatt sluttet før måneden begynte.",
    "sv": "En anställd slutade innan månaden började.",
    "nl": "Eén medewerker is vóór het begin van de maand vertrokken.",
    "en": "One employee left before the month began.",
}


def _seller(region: Region) -> None:
    if not SellerProfile.objects.filter(region=region).exists():
        seller_profile_save(actor=None, region=region, data=SELLERS[region.slug])


def _offer(region: Region, product: Product, amount: str, *, includes_vat=False, basis="fixed"):
    offer_set(actor=None, region=region, product=product, enabled=True)
    if not Price.objects.filter(region=region, product=product).exists():
        month = current_month(region.time_zone)
        price_set(
            actor=None,
            region=region,
            product=product,
            basis=basis,
            amount=Decimal(amount) if basis == "fixed" else None,
            includes_vat=includes_vat,
            valid_from=month.replace(month=1),
        )


def _catalogue(region: Region) -> None:
    basis, amount, includes_vat = TICKET_PRICES[region.slug]
    ticket = Product.objects.get(region=None, code="company-ticket")
    if basis == "annual_pass":
        if not region.annual_pass_prices.exists():
            start = current_month(region.time_zone).replace(month=1)
            annual_pass_set(actor=None, region=region, amount=Decimal(amount), valid_from=start)
        _offer(region, ticket, amount, basis=basis)
    else:
        _offer(region, ticket, amount, includes_vat=includes_vat)
    for code, price in EXTRAS[region.slug].items():
        _offer(region, Product.objects.get(region=None, code=code), price)
    if region.slug in ADDONS:
        _addon(region, ADDONS[region.slug])


def _addon(region: Region, code: str) -> None:
    product = Product.objects.filter(region=region, code=code).first()
    if product is None:
        template = addon_template(code)
        product = product_save(
            actor=None,
            product=Product(region=region),
            data={k: template[k] for k in ("code", "kind", "billing", "tax_class")},
            texts=template["texts"],
        )
    _offer(region, product, ADDON_PRICES[code])


def _employees(location: Location, count: int) -> list[int]:
    """The location's employees, with a few made up if its list is empty."""
    existing = list(
        Employee.objects.active(on=region_today(location.region))
        .filter(location=location)
        .values_list("pk", flat=True)
    )
    if existing:
        return existing[:count]
    made = Employee.objects.bulk_create(
        EmployeeFactory.build(location=location, department="", age_group="", **row)
        for row in demo_employee_rows(location, count, seed=f"billing-{location.pk}")
    )
    return [employee.pk for employee in made]


def _orders(region: Region) -> None:
    month = current_month(region.time_zone)
    ticket = Product.objects.get(region=None, code="company-ticket")
    locations = Location.objects.filter(
        region=region,
        memberships__status__in=[MembershipStatus.ACTIVE, MembershipStatus.QUALIFIED],
    ).distinct()
    rng = random.Random(region.slug)
    for location in locations:
        employee_ids = _employees(location, rng.randrange(5, 14))
        share = rng.choice([Decimal("50"), Decimal("100")])
        with contextlib.suppress(ValidationError):  # they have their tickets already
            ticket_order_create(
                actor=None,
                location=location,
                product=ticket,
                employee_ids=employee_ids,
                start_month=month,
                employer_share=share,
            )
    first = locations.first()
    code = next(iter(EXTRAS[region.slug]))
    if first is not None and not first.orders.exclude(product=ticket).exists():
        product = Product.objects.get(region=None, code=code)
        order_create(actor=None, location=first, product=product, start_month=month, quantity=1)


def _run(region: Region) -> None:
    """This month's run, planned into drafts and issued as staff would after the review.
    Drafts that use a VAT rate nobody has confirmed (Sweden's and the Netherlands' in the
    seeded catalogue) stay in review, as they would for real: the demo shows both."""
    run, _created = InvoiceRun.objects.get_or_create(
        region=region, period=current_month(region.time_zone)
    )
    if run.status == InvoiceRun.Status.QUEUED:
        run = invoice_run_plan_process(run_id=run.pk)
    if run.status == InvoiceRun.Status.REVIEW:
        with contextlib.suppress(ValidationError):  # every draft waits for a VAT rate
            if invoice_run_issue(actor=None, run=run, version=run.plan_version):
                invoice_run_issue_process(run_id=run.pk)


def _part_credit(region: Region) -> None:
    invoice = Invoice.objects.filter(region=region, kind="invoice").order_by("sequence").first()
    if invoice is None or invoice.credit_notes.exists():
        return
    line = invoice.lines.filter(product_code="company-ticket").first() or invoice.lines.first()
    credit_note_issue(
        actor=None,
        invoice=invoice,
        reason=CREDIT_REASONS.get(region.default_language, CREDIT_REASONS["en"]),
        quantities={line.pk: Decimal("1")},
    )


@transaction.atomic
def seed_demo_billing() -> None:
    catalogue_seed_national()
    regions = Region.objects.filter(slug__in=SELLERS).select_related("country")
    for region in regions:
        _seller(region)
        _catalogue(region)
        _orders(region)
    for region in regions:
        _run(region)
    _part_credit(Region.objects.get(slug="nedre-glomma"))
