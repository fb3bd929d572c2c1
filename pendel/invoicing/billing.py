"""What a region bills for a month, worked out before anything is issued.

The result is one draft per invoice to make (an organisation's locations in the region, or
one location when the organisation wants that), each with its lines and the items each
line bills: tickets, orders and membership fees, each at most once per month (BilledItem).
Whatever the region's size this takes a fixed handful of queries: rows are fetched in
bulk and grouped in Python.

What is billed for month M:
- each company ticket running in M whose employee works there in M (not left before M
  began, not erased), at the employer's share of the ticket price with VAT, in cents
  (`share_of()`, as the ticket hand-off shows it); one line per location, product and
  share, with the number of employees;
- each other order running in M (monthly products), or starting in M (one-off ones);
- tickets and orders only of locations that are members: none whose membership is only
  applied for or approved (agreement not signed);
- each active or qualified membership's fee: monthly fees every month, yearly ones in the
  month the membership began (January when that is unknown); per-employee fees count the
  employees on the list in M, or the number the location gave if the list is empty.
Anything already billed for M is left out, so a run started again bills only what is new.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext

from pendel.accounts.models import Role
from pendel.catalogue.models import MEMBERSHIP_FEE_CODE, Product
from pendel.catalogue.pricing import Quote, Share, Vat, quotes_for, share_of, vat_rates_on
from pendel.companies.identifiers import is_valid_organisation_number
from pendel.companies.models import Location, Membership, MembershipStatus, Organisation
from pendel.core.dates import add_months, month_end
from pendel.employees.models import Employee
from pendel.invoicing.models import BilledItem
from pendel.orders.models import Order
from pendel.orders.selectors import billable_tickets
from pendel.regions.models import FeeBasis

UNIT_PRICE = Decimal("0.0001")
TICKET, ORDER, FEE = "ticket", "order", "fee"
YEARLY = {FeeBasis.PER_EMPLOYEE_YEAR, FeeBasis.FIXED_YEAR}
PER_EMPLOYEE = {FeeBasis.PER_EMPLOYEE_MONTH, FeeBasis.PER_EMPLOYEE_YEAR}


@dataclass
class DraftLine:
    organisation_id: int
    location_id: int
    product_id: int
    period_start: date
    period_end: date
    quantity: Decimal
    unit_price: Decimal
    vat: Vat
    employee_count: int | None = None
    employer_share: Decimal | None = None
    fee_basis: str = ""
    note: str = ""
    declared_count: bool = False  # per-employee fee counted from the location's headcount
    items: list[tuple[str, int, int | None]] = field(default_factory=list)
    unit_price_incl_vat: Decimal | None = None  # priced with VAT (see totals.py)


@dataclass
class Draft:
    key: str
    organisation_id: int
    location_id: int | None
    lines: list[DraftLine]


@dataclass
class Plan:
    drafts: list[Draft]
    problems: list[dict]
    locations: dict[int, Location]
    products: dict[int, Product]
    contacts: dict[int, str]


def _billed(region, period: date) -> set[tuple[str, int]]:
    rows = BilledItem.objects.filter(region=region, period=period).values_list(
        "ticket_id", "order_id", "membership_id"
    )
    billed = set()
    for ticket_id, order_id, membership_id in rows:
        if ticket_id:
            billed.add((TICKET, ticket_id))
        elif order_id:
            billed.add((ORDER, order_id))
        else:
            billed.add((FEE, membership_id))
    return billed


def _share_price(quote: Quote, share: Decimal) -> Share:
    """The employer's part of a ticket. A ticket's price is what a person pays, so the
    employer's part is billed as a price with VAT, like the employee's part the ticket
    desk charges: the two add up to the ticket's price."""
    return share_of(quote, share, with_vat=True)


def _ticket_lines(region, period, billed, quotes, problems) -> list[DraftLine]:
    rows = (
        billable_tickets(period)
        .filter(order__location__region=region)
        .values_list(
            "id",
            "employee_id",
            "order__location_id",
            "order__organisation_id",
            "order__product_id",
            "order__employer_share",
        )
    )
    groups: dict[tuple, list] = defaultdict(list)
    for ticket_id, employee_id, location_id, organisation_id, product_id, share in rows:
        if (TICKET, ticket_id) not in billed:
            key = (organisation_id, location_id, product_id, share)
            groups[key].append((TICKET, ticket_id, employee_id))
    lines = []
    for (organisation_id, location_id, product_id, share), items in groups.items():
        quote = quotes.get(product_id)
        if quote is None:
            problems.append((organisation_id, product_id))
            continue
        price = _share_price(quote, share)
        if price.gross == 0:  # the employees pay it all themselves
            continue
        lines.append(
            DraftLine(
                organisation_id=organisation_id,
                location_id=location_id,
                product_id=product_id,
                period_start=period,
                period_end=month_end(period),
                quantity=Decimal(len(items)),
                unit_price=price.net,
                unit_price_incl_vat=price.gross if price.includes_vat else None,
                vat=quote.vat,
                employee_count=len(items),
                employer_share=share,
                items=items,
            )
        )
    return lines


def _order_lines(region, period, billed, quotes, problems) -> list[DraftLine]:
    rows = (
        Order.objects.running_in(period)
        .filter(location__region=region)
        .exclude(product__kind__in=[Product.Kind.COMPANY_TICKET, Product.Kind.MEMBERSHIP_FEE])
        .values_list("id", "organisation_id", "location_id", "product_id", "quantity", "note")
        .order_by("id")
    )
    lines = []
    for order_id, organisation_id, location_id, product_id, quantity, note in rows:
        if (ORDER, order_id) in billed:
            continue
        quote = quotes.get(product_id)
        if quote is None:
            problems.append((organisation_id, product_id))
            continue
        if quote.net == 0:  # included in the programme
            continue
        lines.append(
            DraftLine(
                organisation_id=organisation_id,
                location_id=location_id,
                product_id=product_id,
                period_start=period,
                period_end=month_end(period),
                quantity=Decimal(quantity),
                unit_price=quote.net,
                unit_price_incl_vat=quote.gross if quote.includes_vat else None,
                vat=quote.vat,
                note=note,
                items=[(ORDER, order_id, None)],
            )
        )
    return lines


def _employee_counts(region, period: date) -> dict[int, int]:
    employed = (
        Employee.objects.filter(location__region=region, erased_at__isnull=True)
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=month_end(period)))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=period))
    )
    return dict(
        employed.values("location_id").annotate(n=Count("id")).values_list("location_id", "n")
    )


def _fee_rows(region, period: date):
    rows = (
        Membership.objects.filter(
            location__region=region,
            status__in=[MembershipStatus.ACTIVE, MembershipStatus.QUALIFIED],
            fee_amount__gt=0,
        )
        .exclude(fee_basis=FeeBasis.NONE)
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lte=month_end(period)))
        .values_list(
            "id",
            "location__organisation_id",
            "location_id",
            "location__employee_count",
            "fee_basis",
            "fee_amount",
            "joined_on",
        )
    )
    for row in rows:
        joined_on, basis = row[6], row[4]
        if basis not in YEARLY or (joined_on.month if joined_on else 1) == period.month:
            yield row


def _fee_lines(region, period, billed, fee_product, problems) -> list[DraftLine]:
    rows = [row for row in _fee_rows(region, period) if (FEE, row[0]) not in billed]
    if not rows:
        return []
    vat = (
        vat_rates_on(region.country_id, period).get(fee_product.tax_class) if fee_product else None
    )
    counts = _employee_counts(region, period) if any(r[4] in PER_EMPLOYEE for r in rows) else {}
    lines = []
    for membership_id, organisation_id, location_id, declared, basis, amount, _joined in rows:
        if vat is None:
            problems.append((organisation_id, fee_product.pk if fee_product else None))
            continue
        listed = counts.get(location_id, 0)
        quantity = (listed or declared) if basis in PER_EMPLOYEE else 1
        months = 12 if basis in YEARLY else 1
        lines.append(
            DraftLine(
                organisation_id=organisation_id,
                location_id=location_id,
                product_id=fee_product.pk,
                period_start=period,
                period_end=month_end(add_months(period, months - 1)),
                quantity=Decimal(quantity),
                unit_price=amount.quantize(UNIT_PRICE),
                vat=vat,
                employee_count=quantity if basis in PER_EMPLOYEE else None,
                fee_basis=basis,
                declared_count=basis in PER_EMPLOYEE and not listed,
                items=[(FEE, membership_id, None)],
            )
        )
    return lines


def _locations(ids) -> dict[int, Location]:
    locations = Location.objects.filter(pk__in=ids).select_related(
        "organisation__country",
        "organisation__billing_settings",
        "organisation__invoice_contact",
        "region__country",
    )
    return {location.pk: location for location in locations}


def _primary_contacts(location_ids) -> dict[int, str]:
    rows = Role.objects.filter(
        kind=Role.Kind.CONTACT_PERSON, is_primary=True, location_id__in=location_ids
    ).values_list("location_id", "user__first_name", "user__last_name")
    return {location_id: f"{first} {last}".strip() for location_id, first, last in rows}


def _unit_key(location: Location) -> tuple[str, int | None]:
    settings = getattr(location.organisation, "billing_settings", None)
    if settings is not None and settings.invoice_per_location:
        return f"loc:{location.pk}", location.pk
    return f"org:{location.organisation_id}", None


def _missing_price_messages(missing, products) -> dict[int, str]:
    messages = {}
    for organisation_id, product_id in missing:
        product = products.get(product_id)
        name = product.get_name_display() if product else MEMBERSHIP_FEE_CODE
        messages[organisation_id] = gettext(
            "No price or VAT rate for %(product)s this month; add it and start the run again."
        ) % {"product": name}
    return messages


def _buyer_problem(location: Location, seller_country: str) -> str:
    """Why the organisation cannot be sent a valid e-invoice, or ""."""
    organisation = location.organisation
    if not is_valid_organisation_number(organisation.country_id, organisation.organisation_number):
        return gettext("The organisation number %(number)s is not valid.") % {
            "number": organisation.organisation_number
        }
    address = buyer_address(location)
    both_dutch = seller_country == "NL" and address["address_country"] == "NL"
    if both_dutch and not all(address[key] for key in ("street", "postcode", "city")):
        return gettext("The invoice address needs a street, a postcode and a city.")
    return ""


def buyer_postal_country(organisation: Organisation) -> str:
    """The country of the organisation's own invoice address (ISO 3166 alpha-2): the one
    given with the address, or the organisation's own."""
    return organisation.invoice_country or organisation.country_id


def buyer_address(location: Location) -> dict:
    """The organisation's invoice address, or the location's address when it has none; each
    with its own country (a location's country is its region's)."""
    organisation = location.organisation
    if organisation.invoice_street or organisation.invoice_city:
        return {
            "street": organisation.invoice_street,
            "postcode": organisation.invoice_postcode,
            "city": organisation.invoice_city,
            "address_country": buyer_postal_country(organisation),
        }
    return {
        "street": location.street_address,
        "postcode": location.postcode,
        "city": location.municipality,
        "address_country": location.region.country_id,
    }


def _group(lines, locations, blocked, seller_country) -> dict[str, Draft]:
    drafts: dict[str, Draft] = {}
    for line in lines:
        location = locations[line.location_id]
        if line.organisation_id not in blocked:
            problem = _buyer_problem(location, seller_country)
            if problem:
                blocked[line.organisation_id] = problem
                continue
            key, location_id = _unit_key(location)
            draft = drafts.setdefault(key, Draft(key, line.organisation_id, location_id, []))
            draft.lines.append(line)
    return {key: d for key, d in drafts.items() if d.organisation_id not in blocked}


def _not_yet_members(region) -> set[int]:
    """Locations whose membership is applied for or approved but not active: they are not
    billed for tickets or orders (ordering needs an active membership, see
    orders.services.ordering_problem)."""
    return set(
        Membership.objects.filter(
            location__region=region,
            status__in=[MembershipStatus.APPLIED, MembershipStatus.APPROVED],
        ).values_list("location_id", flat=True)
    )


def plan_region_month(region, period: date) -> Plan:
    """Every draft invoice of the region for the month, and what stops some of them."""
    billed = _billed(region, period)
    quotes = quotes_for(region, period)
    fee_product = Product.objects.filter(region=None, code=MEMBERSHIP_FEE_CODE).first()
    missing: list[tuple] = []
    not_members = _not_yet_members(region)
    lines = [
        *_ticket_lines(region, period, billed, quotes, missing),
        *_order_lines(region, period, billed, quotes, missing),
    ]
    lines = [line for line in lines if line.location_id not in not_members]
    lines += _fee_lines(region, period, billed, fee_product, missing)
    location_ids = {line.location_id for line in lines}
    locations = _locations(location_ids)
    product_ids = {line.product_id for line in lines} | {pid for _org, pid in missing if pid}
    products = {product.pk: product for product in Product.objects.filter(pk__in=product_ids)}
    blocked = _missing_price_messages(missing, products)
    drafts = _group(lines, locations, blocked, region.country_id)
    names = dict(Organisation.objects.filter(pk__in=blocked).values_list("id", "name"))
    problems = [
        {"organisation_id": org, "organisation": names.get(org, ""), "message": message}
        for org, message in sorted(blocked.items(), key=lambda item: names.get(item[0], ""))
    ]
    return Plan(
        drafts=list(drafts.values()),
        problems=problems,
        locations=locations,
        products=products,
        contacts=_primary_contacts(location_ids),
    )
