"""Turning drafts into issued invoices: copies of seller and buyer, lines with their texts in
the buyer's language, totals rounded once, and numbers taken under the region's lock."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext, ngettext

from pendel.companies.identifiers import peppol_endpoint
from pendel.core.audit import audit_event, audit_record_many
from pendel.core.dates import month_label
from pendel.core.money import format_number
from pendel.core.tasks import enqueue_after_commit
from pendel.invoicing.audit import InvoicingAction
from pendel.invoicing.billing import FEE, ORDER, TICKET, Draft, DraftLine, Plan, buyer_address
from pendel.invoicing.identifiers import (
    LEGAL_ID_SCHEMES,
    TAX_REGISTRATION_TEXT,
    account_id,
    buyer_vat_number,
    legal_id,
    payment_reference,
)
from pendel.invoicing.models import BilledItem, Invoice, InvoiceLine, InvoiceRun, SellerProfile
from pendel.invoicing.numbering import counter_lock, counter_take, invoice_number
from pendel.invoicing.routes import invoice_recipients
from pendel.invoicing.tasks import invoice_archive_task
from pendel.invoicing.totals import line_amount, shown_unit_price, totals_for

ITEM_FIELD = {TICKET: "ticket_id", ORDER: "order_id", FEE: "membership_id"}


def seller_snapshot(region) -> dict:
    """The seller as the invoice shows it; refused when the region's details are missing
    or would not make a valid e-invoice."""
    profile = SellerProfile.objects.filter(region=region).select_related("region").first()
    if profile is None:
        raise ValidationError(
            gettext("Enter the seller details of %(region)s before invoicing.")
            % {"region": region.programme_name}
        )
    profile.full_clean()
    country = region.country_id
    return {
        "name": profile.legal_name,
        "trading_name": region.transport_authority,
        "programme": region.programme_name,
        "organisation_number": profile.organisation_number,
        "legal_id_scheme": profile.legal_id_scheme,
        "vat_number": profile.vat_number,
        "tax_registration": TAX_REGISTRATION_TEXT.get(country, "")
        if profile.in_business_register
        else "",
        "street": profile.street,
        "postcode": profile.postcode,
        "city": profile.city,
        "country": country,
        "email": profile.email,
        "phone": profile.phone,
        "account_kind": profile.account_kind,
        "account_id": account_id(profile.account_kind, profile.account_number),
        "bic": profile.bic,
        "payment_terms_days": profile.payment_terms_days,
        "prefix": profile.invoice_prefix,
    }


def invoice_language(organisation) -> str:
    settings = getattr(organisation, "billing_settings", None)
    return (settings.language if settings else "") or organisation.country.default_language


def buyer_snapshot(location, *, per_location: bool, contact: str) -> dict:
    organisation = location.organisation
    country = organisation.country_id
    endpoint_scheme, endpoint_id = peppol_endpoint(organisation.peppol_id)
    recipients = invoice_recipients(organisation)
    return {
        "name": organisation.name,
        "organisation_number": legal_id(country, organisation.organisation_number),
        "legal_id_scheme": LEGAL_ID_SCHEMES.get(country, ""),
        "endpoint_scheme": endpoint_scheme,
        "endpoint_id": endpoint_id,
        "vat_number": buyer_vat_number(country, organisation.vat_number),
        "country": country,
        **buyer_address(location),
        "email": recipients[0] if recipients else "",
        "recipients": recipients,
        "order_reference": organisation.invoice_order_reference,
        "location": location.name if per_location else "",
        "contact": contact,
    }


def _share(value) -> str:
    return format_number(value.normalize() if value == value.to_integral() else value)


def _period_text(line: DraftLine) -> str:
    if line.period_start.month == line.period_end.month and (
        line.period_start.year == line.period_end.year
    ):
        return month_label(line.period_start)
    first, last = month_label(line.period_start), month_label(line.period_end)
    return gettext("%(first)s to %(last)s") % {"first": first, "last": last}


def _description(line: DraftLine, kind: str, location_name: str) -> str:
    """What the line is for, in the active language."""
    where = {"location": location_name, "period": _period_text(line)}
    if kind == TICKET:
        return ngettext(
            "%(location)s, %(period)s: %(count)s employee; the employer pays %(share)s %%.",
            "%(location)s, %(period)s: %(count)s employees; the employer pays %(share)s %%.",
            line.employee_count,
        ) % {**where, "count": line.employee_count, "share": _share(line.employer_share)}
    if kind == FEE and line.employee_count is not None:
        text = ngettext(
            "%(location)s, %(period)s: %(count)s employee.",
            "%(location)s, %(period)s: %(count)s employees.",
            line.employee_count,
        ) % {**where, "count": line.employee_count}
        if line.declared_count:
            text += " " + gettext("The number the company gave; its employee list is empty.")
        return text
    text = gettext("%(location)s, %(period)s.") % where
    return f"{text} {line.note}".strip() if line.note else text


def _sorted_lines(draft: Draft, plan: Plan) -> list[DraftLine]:
    def sort_key(line: DraftLine):
        product = plan.products[line.product_id]
        location = plan.locations[line.location_id]
        share = -(line.employer_share or 0)
        return (location.name, location.pk, product.sort_order, line.period_start, share)

    return sorted(draft.lines, key=sort_key)


def _invoice_line(position: int, line: DraftLine, plan: Plan, language: str) -> InvoiceLine:
    """One issued line; call inside translation.override(language)."""
    product = plan.products[line.product_id]
    location = plan.locations[line.location_id]
    return InvoiceLine(
        position=position,
        product=product,
        product_code=product.code,
        name=product.get_name_display(language),
        description=_description(line, line.items[0][0], location.name)[:300],
        location_name=location.name,
        period_start=line.period_start,
        period_end=line.period_end,
        quantity=line.quantity,
        unit_price=shown_unit_price(line.quantity, line.unit_price),
        unit_price_incl_vat=line.unit_price_incl_vat,
        net_amount=line_amount(line.quantity, line.unit_price),
        vat_category=line.vat.category,
        vat_rate=line.vat.rate,
        vat_exemption_reason=line.vat.exemption_reason,
        vat_rate_confirmed=line.vat.confirmed,
        employee_count=line.employee_count,
        employer_share=line.employer_share,
    )


@dataclass
class Issue:
    invoice: Invoice
    lines: list[InvoiceLine]
    items: list[list[tuple]]  # per line, what it bills


def issue_build(
    draft: Draft, plan: Plan, *, seller: dict, run: InvoiceRun, issue_date: date
) -> Issue:
    first = plan.locations[draft.location_id or draft.lines[0].location_id]
    organisation = first.organisation
    language = invoice_language(organisation)
    ordered = _sorted_lines(draft, plan)
    with translation.override(language):
        lines = [
            _invoice_line(position, line, plan, language)
            for position, line in enumerate(ordered, start=1)
        ]
        note = gettext("%(programme)s, %(month)s") % {
            "programme": seller["programme"],
            "month": month_label(run.period),
        }
    totals = totals_for(lines)
    contact = plan.contacts.get(first.pk, "")
    reference = organisation.invoice_reference or contact or organisation.organisation_number
    invoice = Invoice(
        region_id=run.region_id,
        organisation=organisation,
        location_id=draft.location_id,
        run=run,
        issue_date=issue_date,
        due_date=issue_date + timedelta(days=seller["payment_terms_days"]),
        period_start=min(line.period_start for line in lines),
        period_end=max(line.period_end for line in lines),
        currency=first.region.country.currency,
        language=language,
        seller=seller,
        buyer=buyer_snapshot(first, per_location=draft.location_id is not None, contact=contact),
        buyer_reference=reference[:100],
        line_total=totals.line_total,
        vat_total=totals.vat_total,
        rounding_amount=totals.rounding,
        total=totals.total,
        vat_breakdown=[subtotal.as_json() for subtotal in totals.breakdown],
        note=note,
    )
    return Issue(invoice=invoice, lines=lines, items=[line.items for line in ordered])


def issue_number(invoice: Invoice, seller: dict, sequence: int) -> None:
    """Give the invoice its number and payment reference (a KID or OCR made from it)."""
    invoice.sequence = sequence
    invoice.number = invoice_number(seller["prefix"], sequence)
    invoice.payment_reference = payment_reference(seller["country"], invoice.number, sequence)


def _billed_now(region_id: int, period: date, organisation_ids) -> set[tuple[str, int]]:
    """What is billed for the month already, read again under the counter's lock."""
    rows = BilledItem.objects.filter(
        region_id=region_id, period=period, organisation_id__in=organisation_ids
    ).values_list("ticket_id", "order_id", "membership_id")
    billed = set()
    for ticket_id, order_id, membership_id in rows:
        billed.add(
            (TICKET, ticket_id)
            if ticket_id
            else (ORDER, order_id)
            if order_id
            else (FEE, membership_id)
        )
    return billed


def _without_billed(draft: Draft, billed: set) -> Draft | None:
    """The draft without anything another run billed meanwhile; None if nothing is left.
    Lines are all or nothing: a line's items are billed together."""
    lines = [
        line
        for line in draft.lines
        if not any((kind, ref) in billed for kind, ref, _e in line.items)
    ]
    return Draft(draft.key, draft.organisation_id, draft.location_id, lines) if lines else None


def _save(issues: list[Issue], period: date, actor) -> None:
    Invoice.objects.bulk_create([issue.invoice for issue in issues])
    lines = []
    for issue in issues:
        for line in issue.lines:
            line.invoice = issue.invoice
            lines.append(line)
    InvoiceLine.objects.bulk_create(lines)
    BilledItem.objects.bulk_create(
        BilledItem(
            line_id=line.pk,
            period=period,
            region_id=issue.invoice.region_id,
            organisation_id=issue.invoice.organisation_id,
            employee_id=employee_id,
            **{ITEM_FIELD[kind]: ref},
        )
        for issue in issues
        for line, items in zip(issue.lines, issue.items, strict=True)
        for kind, ref, employee_id in items
    )
    audit_record_many(
        audit_event(
            actor=actor,
            action=InvoicingAction.ISSUED,
            target=issue.invoice,
            region_id=issue.invoice.region_id,
            changes={"number": issue.invoice.number, "total": str(issue.invoice.total)},
        )
        for issue in issues
    )


def issue_drafts(
    *, run: InvoiceRun, drafts: list[Draft], plan: Plan, seller: dict, issue_date: date, actor=None
) -> list[int]:
    """Issue the drafts in one transaction: lock the counter, leave out what is billed
    meanwhile, number, save. Returns the new invoices' ids."""
    with transaction.atomic():
        counter = counter_lock(run.region_id)
        count = len(drafts)
        billed = _billed_now(run.region_id, run.period, {d.organisation_id for d in drafts})
        drafts = [d for d in (_without_billed(d, billed) for d in drafts) if d is not None]
        issues = [
            issue_build(d, plan, seller=seller, run=run, issue_date=issue_date) for d in drafts
        ]
        for issue, sequence in zip(issues, counter_take(counter, len(issues)), strict=True):
            issue_number(issue.invoice, seller, sequence)
            issue.invoice.created_by = actor
        _save(issues, run.period, actor)
        InvoiceRun.objects.filter(pk=run.pk).update(
            units_done=F("units_done") + count,
            invoices_created=F("invoices_created") + len(issues),
        )
        ids = [issue.invoice.pk for issue in issues]
        if ids:
            enqueue_after_commit(invoice_archive_task, invoice_ids=ids)
    return ids
