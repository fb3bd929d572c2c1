"""The ticket hand-off: the personal company tickets active in a month, for the public
transport authority's ticketing system to issue (and to charge each employee their part).

Where
    /staff/tickets/handoff/<region>/<YYYY-MM>.csv    staff, logged in
    /staff/tickets/handoff/<region>/<YYYY-MM>.json   staff, logged in, or a machine with
                                                     "Authorization: Bearer <key>"
A key is made on the hand-off page for one region, shown once and stored only as its
SHA-256 hash; it reads that region's tickets and nothing else, and can be revoked.

What (one row per ticket; CSV is UTF-8 with a header row, JSON is
{"region", "month", "currency", "tickets": [row, ...]} with the same keys)
    ticket_reference        UUID; the same ticket keeps it from month to month
    month                   YYYY-MM
    valid_from, valid_to    the first and last day the ticket is valid that month
    product_code            e.g. company-ticket
    organisation_number, organisation, location
    employee_reference      Pendel's id of the employee (stable)
    first_name, last_name, email, phone
    employer_share_percent, employee_share_percent
    monthly_price           the ticket's price that month, VAT included
    employer_pays           the employer's part of it, VAT included, in cents: what the
                            month's invoice bills for this ticket (the invoice's ticket
                            line is its quantity × this, VAT included)
    employee_pays           the employee's part: monthly_price − employer_pays, so the two
                            always add up to the price (50 % of 690.00: 345.00 and 345.00)
    currency

A ticket is in the list for a month when it runs in that month and its employee works
there in it (not left before the month began, not erased): exactly the tickets the
month's invoice run bills.
"""

import io
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from pendel.catalogue.pricing import quotes_for, share_of
from pendel.core.audit import audit_record
from pendel.core.dates import month_end, month_value
from pendel.core.spreadsheets import CsvDictWriter
from pendel.core.tokens import new_token, token_hash
from pendel.orders.audit import OrdersAction
from pendel.orders.models import HandoffKey
from pendel.orders.selectors import handoff_tickets

COLUMNS = [
    "ticket_reference",
    "month",
    "valid_from",
    "valid_to",
    "product_code",
    "organisation_number",
    "organisation",
    "location",
    "employee_reference",
    "first_name",
    "last_name",
    "email",
    "phone",
    "employer_share_percent",
    "employee_share_percent",
    "monthly_price",
    "employer_pays",
    "employee_pays",
    "currency",
]
KEY_PREFIX = "pdl_"


def handoff_rows(region, month: date) -> list[dict]:
    tickets = list(handoff_tickets(region, month))
    quotes = quotes_for(region, month, product_ids={t.order.product_id for t in tickets})
    return [_row(ticket, month, quotes, region.currency) for ticket in tickets]


def _row(ticket, month: date, quotes, currency: str) -> dict:
    order, employee = ticket.order, ticket.employee
    quote = quotes.get(order.product_id)
    employee_share = Decimal("100") - order.employer_share
    employer = share_of(quote, order.employer_share, with_vat=True).gross if quote else None
    return {
        "ticket_reference": str(ticket.reference),
        "month": month_value(month),
        "valid_from": month.isoformat(),
        "valid_to": month_end(month).isoformat(),
        "product_code": order.product.code,
        "organisation_number": order.location.organisation.organisation_number,
        "organisation": order.location.organisation.name,
        "location": order.location.name,
        "employee_reference": employee.pk,
        "first_name": employee.first_name,
        "last_name": employee.last_name,
        "email": employee.email,
        "phone": employee.phone,
        "employer_share_percent": str(order.employer_share),
        "employee_share_percent": str(employee_share),
        "monthly_price": str(quote.gross) if quote else "",
        "employer_pays": str(employer) if quote else "",
        "employee_pays": str(quote.gross - employer) if quote else "",
        "currency": currency,
    }


def handoff_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = CsvDictWriter(buffer, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def handoff_json(region, month: date, rows: list[dict]) -> dict:
    return {
        "region": region.slug,
        "month": month_value(month),
        "currency": region.currency,
        "tickets": rows,
    }


@transaction.atomic
def handoff_key_create(*, actor, region, name: str) -> tuple[HandoffKey, str]:
    """A new key for one region. The raw key is returned once and never stored."""
    raw_key = KEY_PREFIX + new_token()
    key = HandoffKey.objects.create(
        region=region,
        name=name.strip()[:100],
        prefix=raw_key[:10],
        key_hash=token_hash(raw_key),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action=OrdersAction.HANDOFF_KEY_CREATED,
        target=key,
        region_id=region.pk,
        changes={"name": key.name, "prefix": key.prefix},
    )
    return key, raw_key


@transaction.atomic
def handoff_key_revoke(*, actor, key: HandoffKey) -> HandoffKey:
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            action=OrdersAction.HANDOFF_KEY_REVOKED,
            target=key,
            region_id=key.region_id,
            changes={"name": key.name},
        )
    return key


def handoff_key_authenticate(raw_key: str) -> HandoffKey | None:
    """The active key with this value, its use noted; None for anything else."""
    if not raw_key.startswith(KEY_PREFIX):
        return None
    key = (
        HandoffKey.objects.select_related("region__country")
        .filter(key_hash=token_hash(raw_key), revoked_at__isnull=True)
        .first()
    )
    if key is not None:
        HandoffKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key
