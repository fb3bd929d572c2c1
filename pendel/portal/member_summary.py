"""The staff member page's summary: what a member's surveys, tickets, invoices and documents
say at a glance. It reads several apps, so it lives here, above them; the member page in
companies asks for it."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from pendel.accounts.access import Scope
from pendel.core.dates import month_start, region_today
from pendel.documents.selectors import documents_for
from pendel.invoicing.models import Invoice
from pendel.invoicing.selectors import invoices_for
from pendel.orders.selectors import tickets_for
from pendel.portal.dashboards import TOP_ROWS, with_balance
from pendel.portal.selectors import SurveyStatus, survey_status
from pendel.surveys.selectors import survey_settings_for, waves_for, with_rates


@dataclass
class MemberSummary:
    surveys: list[SurveyStatus]
    survey_count: int
    tickets_running: int
    invoices_open: list
    invoice_count: int
    balance: Decimal
    overdue: int
    documents: list
    document_count: int
    today: object


def _member_invoices(scope: Scope, location):
    """The invoices made for this workplace, or for all the company's workplaces in its
    region."""
    return invoices_for(scope).filter(
        Q(location=location) | Q(location__isnull=True, region_id=location.region_id),
        organisation_id=location.organisation_id,
        kind=Invoice.Kind.INVOICE,
        status__in=[Invoice.Status.ISSUED, Invoice.Status.SENT],
    )


def _member_documents(scope: Scope, location):
    return documents_for(scope).filter(
        Q(location=location) | Q(location__isnull=True, region_id=location.region_id),
        organisation_id=location.organisation_id,
    )


def member_summary(scope: Scope, membership) -> MemberSummary:
    """In a fixed number of queries: the latest sent surveys with their rates (where the
    minimum group size allows), tickets running this month, invoices with money owed, and
    the latest documents."""
    location = membership.location
    today = region_today(location.region)
    settings = survey_settings_for(location.region)
    waves = waves_for(scope).filter(location=location, dispatched_at__isnull=False)
    latest = with_rates(waves.order_by("-dispatched_at", "-pk"))[:TOP_ROWS]
    owed = with_balance(_member_invoices(scope, location)).order_by("due_date", "sequence")
    owed_rows = list(owed)
    documents = _member_documents(scope, location)
    return MemberSummary(
        surveys=[survey_status(wave, settings) for wave in latest],
        survey_count=waves.count(),
        tickets_running=tickets_for(scope)
        .filter(order__location=location)
        .running_in(month_start(today))
        .count(),
        invoices_open=owed_rows[:TOP_ROWS],
        invoice_count=len(owed_rows),
        balance=sum((invoice.balance for invoice in owed_rows), Decimal("0")),
        overdue=sum(1 for invoice in owed_rows if invoice.is_overdue(today)),
        documents=list(documents[:TOP_ROWS]),
        document_count=documents.count(),
        today=today,
    )
