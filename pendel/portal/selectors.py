from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce

from pendel.accounts.access import Scope
from pendel.accounts.selectors import users_for
from pendel.activities.plans_selectors import plans_by_location
from pendel.companies.models import MembershipStatus
from pendel.companies.selectors import (
    locations_for,
    memberships_for,
    organisations_for,
)
from pendel.core.dates import earliest_today, month_start
from pendel.documents.models import Document
from pendel.documents.selectors import documents_for
from pendel.employees.models import Employee
from pendel.invoicing.models import Invoice
from pendel.invoicing.selectors import invoices_for
from pendel.orders.selectors import tickets_for
from pendel.regions.selectors import regions_for
from pendel.surveys.models import MIN_GROUP_SIZE_FLOOR, Wave
from pendel.surveys.selectors import rate_of, settings_by_region, waves_for, with_rates
from pendel.surveys.views.common import threshold_of


def start_counts(scope: Scope) -> dict[str, int]:
    """What the start page counts, all within the actor's scope."""
    return {
        "regions": regions_for(scope).count(),
        "organisations": organisations_for(scope).count(),
        "locations": locations_for(scope).count(),
        "users": users_for(scope).count(),
    }


# --- Min side: what the programme expects next ------------------------------------------


@dataclass(frozen=True)
class SurveyStatus:
    """An open survey as Min side may show it: only its rate, and only once enough
    employees have been reached that the rate tells nobody who answered."""

    wave: object
    percent: float | None  # None: below the minimum group size, or nobody reached yet
    min_group_size: int
    threshold: int
    met: bool


@dataclass
class Workplace:
    membership: object
    listed: int  # active employees on the company's own list
    surveys: list = field(default_factory=list)
    activity_plans: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    baseline_closed: bool = False
    plan: object = None  # this year's activity plan (with its line_count), if started

    @property
    def stated(self) -> int:
        """The number of employees given when the workplace joined (or set by staff)."""
        return self.membership.location.employee_count

    @property
    def list_missing(self) -> int:
        return max(0, self.stated - self.listed)


@dataclass
class CompanyStart:
    workplaces: list[Workplace]
    invoices_due: list
    overdue: int
    tickets_running: int
    today: date


def survey_status(wave, settings) -> SurveyStatus:
    rate = rate_of(wave)
    threshold = threshold_of(wave, settings)
    floor = max(settings.min_group_size, MIN_GROUP_SIZE_FLOOR)
    shown = rate.delivered >= floor
    return SurveyStatus(
        wave=wave,
        percent=rate.percent if shown else None,
        min_group_size=floor,
        threshold=threshold,
        met=shown and rate.meets(threshold),
    )


def _memberships_with_lists(scope: Scope, today: date):
    active = (
        Employee.objects.active(on=today)
        .filter(location=OuterRef("location_id"))
        .order_by()
        .values("location")
        .annotate(n=Count("id"))
        .values("n")
    )
    return (
        memberships_for(scope)
        .exclude(status=MembershipStatus.ENDED)
        .annotate(listed=Coalesce(Subquery(active), 0))
    )


def company_start(scope: Scope) -> CompanyStart:
    """Everything Min side's start page says, in a fixed number of queries however many
    workplaces, surveys, documents and invoices the company has."""
    today = earliest_today(regions_for(scope))
    workplaces = {
        membership.location_id: Workplace(membership=membership, listed=membership.listed)
        for membership in _memberships_with_lists(scope, today)
    }
    open_waves = list(
        with_rates(
            waves_for(scope).filter(
                dispatched_at__isnull=False, closed_at__isnull=True, location_id__in=workplaces
            )
        )
    )
    settings = settings_by_region({w.membership.location.region_id for w in workplaces.values()})
    for wave in open_waves:
        workplace = workplaces[wave.location_id]
        workplace.surveys.append(survey_status(wave, settings[wave.location.region_id]))
    closed = Wave.objects.filter(
        location_id__in=workplaces, kind=Wave.Kind.BASELINE, closed_at__isnull=False
    ).values_list("location_id", flat=True)
    for location_id in set(closed):
        workplaces[location_id].baseline_closed = True
    for (location_id, _year), plan in plans_by_location(list(workplaces), [today.year]).items():
        workplaces[location_id].plan = plan
    documents = documents_for(scope).filter(
        category__in=[Document.Category.ACTIVITY_PLAN, Document.Category.AGREEMENT]
    )
    for document in documents:
        targets = [workplaces[document.location_id]] if document.location_id in workplaces else []
        if document.location_id is None:
            targets = [
                w
                for w in workplaces.values()
                if w.membership.location.region_id == document.region_id
            ]
        for workplace in targets:
            if document.category == Document.Category.ACTIVITY_PLAN:
                workplace.activity_plans.append(document)
            else:
                workplace.agreements.append(document)
    invoices = list(
        invoices_for(scope)
        .filter(kind=Invoice.Kind.INVOICE, status__in=[Invoice.Status.ISSUED, Invoice.Status.SENT])
        .order_by("due_date", "sequence")
    )
    return CompanyStart(
        workplaces=list(workplaces.values()),
        invoices_due=invoices,
        overdue=sum(1 for invoice in invoices if invoice.due_date and invoice.due_date < today),
        tickets_running=tickets_for(scope).running_in(month_start(today)).count(),
        today=today,
    )
