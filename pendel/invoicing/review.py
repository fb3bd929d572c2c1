"""The review of a run's drafts before anything is issued.

Why stored drafts, checked again at issue: planning a month and checking every draft's
e-invoice takes time, so the review page must be a read of what the planning stored
(`DraftInvoice`), not a second planning. But what is issued must be what staff saw, and
the month can change between review and issue (a new ticket, a price). So "Issue" plans
the month again and issues a draft only when its fingerprint (what it bills, how many, at
what price and VAT) is the one that was reviewed; a draft that changed, or a new one, is
not issued but shown again for review, marked as changed. Numbers are only taken when a
draft is issued (numbering.py), never for a draft: discarding drafts spends nothing.

The Peppol check of a draft renders the very document issuing would make (`issue_build`),
with the number it would get if issued now. That number is provisional and not stored;
the issued invoice is checked again with its own number (tasks.invoice_archive_task).
"""

import hashlib
import json
from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import F, Q, Sum

from pendel.catalogue.models import VatRate
from pendel.core.dates import add_months
from pendel.invoicing.billing import Draft, Plan
from pendel.invoicing.issuing import issue_build, issue_number
from pendel.invoicing.models import (
    DraftInvoice,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    InvoiceRun,
)
from pendel.invoicing.routes import delivery_route
from pendel.invoicing.ubl import invoice_xml
from pendel.invoicing.validation import validate


def has_delivery_route(organisation) -> bool:
    """Whether the invoice can reach the organisation without a phone call: a Peppol
    participant id or an e-mail address (routes.delivery_route). The organisation comes
    with its invoice contact (select_related), or this costs a query."""
    return not delivery_route(organisation).missing


def draft_fingerprint(draft: Draft) -> str:
    """What the draft bills, in an order that does not depend on the query's."""
    lines = sorted(
        [
            str(line.product_id),
            str(line.location_id),
            line.period_start.isoformat(),
            line.period_end.isoformat(),
            str(line.quantity),
            str(line.unit_price),
            line.vat.category,
            str(line.vat.rate),
            str(line.employer_share),
            sorted([kind, ref] for kind, ref, _employee in line.items),
        ]
        for line in draft.lines
    )
    text = json.dumps([draft.key, lines], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def draft_blocked_by_vat(draft: Draft) -> bool:
    return any(not line.vat.confirmed for line in draft.lines)


def _line_json(line) -> dict:
    return {
        "position": line.position,
        "product_code": line.product_code,
        "name": line.name,
        "description": line.description,
        "quantity": str(line.quantity),
        "unit_price": str(line.unit_price),
        "net_amount": str(line.net_amount),
        "vat_category": line.vat_category,
        "vat_rate": str(line.vat_rate),
    }


def _next_sequence(region_id: int) -> int:
    last = InvoiceCounter.objects.filter(region_id=region_id).values_list("last_number", flat=True)
    return (last.first() or 0) + 1


def drafts_make(
    run: InvoiceRun, drafts: list[Draft], plan: Plan, *, seller: dict, issue_date: date, reviewed
) -> list[DraftInvoice]:
    """The drafts as the review shows them, each with its e-invoice checked. `reviewed`
    maps the keys of drafts reviewed before to their fingerprints (a draft not among them,
    or with another fingerprint, is marked as changed); None on a first planning."""
    made = []
    sequence = _next_sequence(run.region_id)
    for position, draft in enumerate(drafts):
        issue = issue_build(draft, plan, seller=seller, run=run, issue_date=issue_date)
        issue_number(issue.invoice, seller, sequence + position)  # provisional, not stored
        findings = validate(invoice_xml(issue.invoice, lines=issue.lines))
        fingerprint = draft_fingerprint(draft)
        made.append(
            DraftInvoice(
                run=run,
                key=draft.key,
                organisation_id=draft.organisation_id,
                location_id=draft.location_id,
                currency=issue.invoice.currency,
                line_total=issue.invoice.line_total,
                vat_total=issue.invoice.vat_total,
                total=issue.invoice.total,
                lines=[_line_json(line) for line in issue.lines],
                tax_classes=sorted(
                    {plan.products[line.product_id].tax_class for line in draft.lines}
                ),
                fingerprint=fingerprint,
                validation=DraftInvoice.Check.FAILED
                if any(finding.is_fatal for finding in findings)
                else DraftInvoice.Check.PASSED,
                findings=[finding.as_json() for finding in findings],
                changed=reviewed is not None and reviewed.get(draft.key) != fingerprint,
            )
        )
    return made


def unconfirmed_rates(country_id: str, period: date) -> dict[str, VatRate]:
    """Tax class -> the rate in force on the month's first day, where it is unconfirmed."""
    rates = {}
    valid = Q(valid_from__lte=period) & (Q(valid_to__isnull=True) | Q(valid_to__gte=period))
    for rate in VatRate.objects.filter(valid, country_id=country_id).order_by("valid_from"):
        rates[rate.tax_class] = rate  # the latest start wins, as in pricing.vat_rates_on
    return {tax_class: rate for tax_class, rate in rates.items() if not rate.confirmed}


def previous_totals(run: InvoiceRun, drafts) -> dict[tuple[int, int | None], Decimal]:
    """(organisation, location) -> what the month before was invoiced for, less credits;
    location None for an invoice of all the organisation's locations."""
    previous = add_months(run.period, -1)
    rows = (
        Invoice.objects.filter(
            region_id=run.region_id,
            kind=Invoice.Kind.INVOICE,
            period_start__gte=previous,
            period_start__lt=run.period,
            organisation_id__in={draft.organisation_id for draft in drafts},
        )
        .values("organisation_id", "location_id")
        .annotate(amount=Sum(F("total") - F("credited_total")))
    )
    return {(row["organisation_id"], row["location_id"]): row["amount"] for row in rows}


def previous_quantities(run: InvoiceRun, drafts) -> dict[tuple, Decimal]:
    """(organisation, location, product code) -> quantity invoiced the month before, less
    what was credited; one query for a page of drafts."""
    previous = add_months(run.period, -1)
    rows = (
        InvoiceLine.objects.filter(
            invoice__region_id=run.region_id,
            invoice__period_start__gte=previous,
            invoice__period_start__lt=run.period,
            invoice__organisation_id__in={draft.organisation_id for draft in drafts},
        )
        .values("invoice__organisation_id", "invoice__location_id", "product_code")
        .annotate(
            sold=Sum("quantity", filter=Q(invoice__kind=Invoice.Kind.INVOICE), default=0),
            credited=Sum("quantity", filter=Q(invoice__kind=Invoice.Kind.CREDIT_NOTE), default=0),
        )
    )
    return {
        (row["invoice__organisation_id"], row["invoice__location_id"], row["product_code"]): row[
            "sold"
        ]
        - row["credited"]
        for row in rows
    }


def _line_changes(draft, before: dict[tuple, Decimal]) -> list[dict]:
    """Per product: how many last month, how many now, where the two differ."""
    now: dict[str, Decimal] = defaultdict(Decimal)
    names = {}
    for line in draft.lines:
        now[line["product_code"]] += Decimal(line["quantity"])
        names[line["product_code"]] = line["name"]
    changes = []
    for code, quantity in now.items():
        last = before.get((draft.organisation_id, draft.location_id, code), Decimal(0))
        if last != quantity:
            changes.append({"name": names[code], "before": last, "now": quantity})
    return changes


def review_rows(run: InvoiceRun, drafts, unconfirmed: dict[str, VatRate]) -> list[dict]:
    """One row per draft on the review page: the draft, last month's total and the
    change (in money, and in quantity per product), whether it can be delivered, and the
    rates that stop it being issued."""
    before = previous_totals(run, drafts)
    quantities = previous_quantities(run, drafts)
    rows = []
    for draft in drafts:
        last = before.get((draft.organisation_id, draft.location_id))
        rows.append(
            {
                "draft": draft,
                "last_month": last,
                "change": None if last is None else draft.total - last,
                "line_changes": [] if last is None else _line_changes(draft, quantities),
                "has_route": has_delivery_route(draft.organisation),
                "route": delivery_route(draft.organisation),
                "blocking_rates": [
                    unconfirmed[tax_class]
                    for tax_class in draft.tax_classes
                    if tax_class in unconfirmed
                ],
            }
        )
    return rows


def review_summary(run: InvoiceRun, unconfirmed: dict[str, VatRate]) -> dict:
    """Counts and totals over all the run's drafts, for the head of the review page: one
    query, whatever the number of drafts (their lines and findings are not read)."""
    drafts = run.drafts.select_related("organisation__invoice_contact").defer("lines", "findings")
    counts = {"all": 0, "failed": 0, "no_route": 0, "changed": 0, "blocked": 0, "ready": 0}
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for draft in drafts:
        counts["all"] += 1
        counts["failed"] += draft.breaks_the_rules
        counts["no_route"] += not has_delivery_route(draft.organisation)
        counts["changed"] += draft.changed
        blocked = any(tax_class in unconfirmed for tax_class in draft.tax_classes)
        counts["blocked"] += blocked
        counts["ready"] += not blocked and not draft.breaks_the_rules
        totals[draft.currency] += draft.total
    return {"counts": counts, "totals": sorted(totals.items())}
