"""Every list and results page takes the same number of queries for nine rows as for three.

A page that runs a query per row is fast in a demo and slow for a region with 400 members.
Each case below builds its rows in batches of three (a batch is one call of `add`), opens
the page at three rows and again at nine, and asserts the same count of queries. It also
asserts that the page shows every row it was given, so a case cannot pass on an empty page.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from html import unescape
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from pendel.accounts.factories import UserFactory
from pendel.accounts.models import Role
from pendel.activities.factories import ActivityTypeFactory
from pendel.activities.models import ActivityType, PlannedActivity
from pendel.activities.tests import builders as plan_builders
from pendel.activities.tests import events_builders as activities
from pendel.activities.tests.followup_builders import event as activity_event
from pendel.activities.tests.followup_builders import plan as activity_plan
from pendel.catalogue.models import Product, TaxClass, VatCategory, VatRate
from pendel.catalogue.seed import catalogue_seed_national
from pendel.catalogue.services import product_save
from pendel.catalogue.tests.builders import national
from pendel.certification.models import Evaluation
from pendel.certification.services import (
    certification_evaluate_region,
    evaluations_confirm_many,
    tiers_default_create,
)
from pendel.certification.tests import builders as certification
from pendel.companies.factories import LocationFactory, OrganisationFactory
from pendel.companies.models import (
    AdvisorNote,
    Application,
    Membership,
    MembershipEvent,
    Organisation,
)
from pendel.core.models import OutboxMessage
from pendel.documents.models import Document
from pendel.employees.models import Employee
from pendel.invoicing.models import Invoice, InvoiceRun
from pendel.invoicing.tests.builders import (
    MARCH,
    VALID_NUMBERS,
    make_billing,
    make_buyer,
    plan_month,
    run_month,
)
from pendel.orders.models import HandoffKey
from pendel.orders.tests import builders as orders
from pendel.regions.factories import RegionFactory
from pendel.regions.models import Region
from pendel.surveys.models import Invitation, Question, Response, TemplateVersion, Wave
from pendel.surveys.services import template_seed_standard
from pendel.surveys.tests.conftest import make_wave

ROWS = 3  # rows per batch: the page is measured at 3 and at 9 rows
MIN_GROUP = 5  # answers per group, so that no group is hidden by the minimum group size
_serial = count(1)


@dataclass
class Context:
    """What a case builds on: the personas, and what `setup` made for the case."""

    world: object
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    name: str
    user: str  # the persona of conftest.World who opens the page
    url: Callable[[Context], str]
    add: Callable[[Context, int], list[str]]  # adds a batch; returns what the page must show
    setup: Callable[[Context], None] = lambda ctx: None


# Building blocks -----------------------------------------------------------------------------


def _member(region, name: str, *, advisor=None, status: str = "active") -> Membership:
    organisation = OrganisationFactory(name=name, country=region.country)
    location = LocationFactory(organisation=organisation, region=region, name=f"{name} site")
    make_contact_role(location, f"{name}")
    return Membership.objects.create(
        location=location, status=status, advisor=advisor, joined_on=date(2025, 1, 15)
    )


def make_contact_role(location, name: str) -> Role:
    user = UserFactory(first_name=f"Contact {name}", last_name="Person")
    primary = not Role.objects.filter(location=location, is_primary=True).exists()
    return Role.objects.create(
        user=user, kind=Role.Kind.CONTACT_PERSON, location=location, is_primary=primary
    )


def _names(prefix: str, batch: int) -> list[str]:
    return [f"{prefix} {batch * ROWS + index:02d}" for index in range(ROWS)]


def _own_location(ctx: Context, name: str):
    """A further location of the contact person's company, which they act for too."""
    world = ctx.world
    location = LocationFactory(organisation=world.company, region=world.region, name=name)
    Role.objects.create(user=world.contact, kind=Role.Kind.CONTACT_PERSON, location=location)
    return location


# Back office ---------------------------------------------------------------------------------


def add_regions_seen_by_coordinator(ctx, batch):
    names = _names("Programme", batch)
    for name in names:
        region = RegionFactory(name=name, programme_name=name, country=ctx.world.region.country)
        _member(region, f"{name} member")
    return names


def add_regions_of_advisor(ctx, batch):
    names = _names("Programme", batch)
    for name in names:
        region = RegionFactory(name=name, programme_name=name, country=ctx.world.region.country)
        Role.objects.create(user=ctx.world.advisor, kind=Role.Kind.REGION_STAFF, region=region)
        _member(region, f"{name} member")
    return names


def add_members(ctx, batch):
    names = _names("Medlem", batch)
    for name in names:
        _member(ctx.world.region, name, advisor=ctx.world.advisor)
    return names


def setup_member_detail(ctx):
    ctx.extra["membership"] = _member(ctx.world.region, "Detalj AS", advisor=ctx.world.advisor)


def add_member_history(ctx, batch):
    """Notes, history events and contact persons of one member."""
    membership = ctx.extra["membership"]
    texts = _names("Notat", batch)
    for index, text in enumerate(texts):
        AdvisorNote.objects.create(
            membership=membership,
            author=ctx.world.advisor,
            happened_on=date(2026, 1, 1) + timedelta(days=batch * ROWS + index),
            text=text,
        )
        MembershipEvent.objects.create(
            membership=membership, kind="status", to_status="active", actor=ctx.world.advisor
        )
        make_contact_role(membership.location, f"{text} kontakt")
    return texts + [f"Contact {text} kontakt" for text in texts]


def add_member_summary_rows(ctx, batch):
    """Surveys and documents of one member, with its notes and history: the summary shows
    the latest surveys and documents only, so the page must show their rate and the notes."""
    membership = ctx.extra["membership"]
    location = membership.location
    names = _names("Sammendrag", batch)
    for name in names:
        _invite(make_wave(location), 2 * MIN_GROUP, answered=MIN_GROUP)
        Document.objects.create(
            organisation=location.organisation,
            location=location,
            region=location.region,
            title=name,
            category=Document.Category.REPORT,
            file=f"documents/{name}.pdf",
            original_filename=f"{name}.pdf",
            content_type="application/pdf",
            size=1000,
            uploaded_by=ctx.world.advisor,
        )
    return ["50 % answered", "Report"] + add_member_history(ctx, batch)


def add_followups(ctx, batch):
    texts = _names("Oppfølging", batch)
    today = timezone.localdate()
    for text in texts:
        membership = _member(ctx.world.region, f"{text} AS", advisor=ctx.world.advisor)
        AdvisorNote.objects.create(
            membership=membership,
            author=ctx.world.advisor,
            happened_on=today - timedelta(days=7),
            follow_up_on=today,
            text=text,
        )
    return [f"{text} AS" for text in texts]


def add_applications(ctx, batch):
    names = _names("Søker", batch)
    for name in names:
        Application.objects.create(
            region=ctx.world.region,
            company_name=name,
            organisation_number="923609016",
            location_name="Sentrum",
            street_address="Storgata 1",
            postcode="1606",
            municipality="Fredrikstad",
            employee_count=40,
            contact_first_name="Kari",
            contact_last_name="Søker",
            contact_email=f"{name.replace(' ', '.').lower()}@example.com",
            language="nb",
            email_confirmed_at=timezone.now(),
        )
    return names


def add_staff_users(ctx, batch):
    names = _names("Rådgiver", batch)
    for name in names:
        user = UserFactory(first_name=name, last_name="Staff")
        Role.objects.create(user=user, kind=Role.Kind.REGION_STAFF, region=ctx.world.region)
    return names


def add_employees(ctx, batch):
    names = _names("Ansatt", batch)
    Employee.objects.bulk_create(
        Employee(
            location=ctx.world.location,
            first_name=name,
            last_name="Test",
            email=f"{name.replace(' ', '')}@fisk.example.com",
        )
        for name in names
    )
    return names


def add_documents(ctx, batch):
    titles = _names("Dokument", batch)
    for index, title in enumerate(titles):
        location = _own_location(ctx, f"{title} sted") if index == 0 else ctx.world.location
        Document.objects.create(
            organisation=ctx.world.company,
            location=location,
            region=ctx.world.region,
            title=title,
            category=Document.Category.REPORT,
            file=f"documents/{title}.pdf",
            original_filename=f"{title}.pdf",
            content_type="application/pdf",
            size=1000,
            uploaded_by=ctx.world.advisor if index != 1 else ctx.world.contact,
        )
    return titles


def add_staff_waves(ctx, batch):
    names = _names("Undersøkt", batch)
    for name in names:
        membership = _member(ctx.world.region, name)
        wave = make_wave(membership.location)
        _invite(wave, 4, answered=2)
    return names


def _invite(wave, invited: int, *, answered: int = 0, department: str = "") -> None:
    """Invitations of the wave, `answered` of them with a submitted answer, without mail."""
    Wave.objects.filter(pk=wave.pk, dispatched_at__isnull=True).update(dispatched_at=timezone.now())
    now = timezone.now()
    invitations = Invitation.objects.bulk_create(
        Invitation(
            wave=wave,
            location_id=wave.location_id,
            language="en",
            department=department,
            sent_at=now,
            answered_at=now if index < answered else None,
        )
        for index in range(invited)
    )
    Response.objects.bulk_create(
        Response(
            invitation=invitation,
            wave_id=wave.pk,
            location_id=wave.location_id,
            submitted_at=now,
            last_step=6,
            main_mode="bus",
            days_office=5,
            days_home=0,
            days_hub=0,
            department=department,
            age_group="35_44",
            is_manager=False,
            distance_km=10,
        )
        for invitation in invitations[:answered]
    )


def setup_wave_detail(ctx):
    ctx.extra["wave"] = make_wave(
        ctx.world.location, template_version=template_seed_standard(), dispatched_at=timezone.now()
    )


SEND_LANGUAGES = ["nb", "en", "sv"]  # one more language each batch: a preview each


def setup_draft_wave(ctx):
    ctx.extra["wave"] = make_wave(ctx.world.location)


def add_employees_to_invite(ctx, batch):
    """Employees the survey's confirmation page counts, in a new language each batch."""
    language = SEND_LANGUAGES[batch]
    Employee.objects.bulk_create(
        Employee(
            location=ctx.world.location,
            first_name=name,
            last_name="Ansatt",
            email=f"{name.replace(' ', '.').lower()}@fisk.example.com",
            language=language,
        )
        for name in _names("Invitert", batch)
    )
    return [f'lang="{language}"']


def add_invitations_to_remind(ctx, batch):
    """Invitations a reminder sent now reaches, in a new language each batch."""
    wave = ctx.extra["wave"]
    language = SEND_LANGUAGES[batch]
    Invitation.objects.bulk_create(
        Invitation(
            wave=wave,
            location_id=wave.location_id,
            email=f"{name.replace(' ', '.').lower()}@fisk.example.com",
            language=language,
            sent_at=timezone.now(),
        )
        for name in _names("Påminnet", batch)
    )
    return [f'lang="{language}"']


def add_invitations(ctx, batch):
    """Invitations of one wave, some undelivered, as the wave's page lists them."""
    wave = ctx.extra["wave"]
    emails = [
        f"{name.replace(' ', '.').lower()}@fisk.example.com" for name in _names("Invitert", batch)
    ]
    Invitation.objects.bulk_create(
        Invitation(
            wave=wave,
            location_id=wave.location_id,
            email=email,
            language="nb",
            sent_at=timezone.now(),
            undelivered_at=timezone.now() if index == 0 else None,
            undelivered_reason="Mailbox full" if index == 0 else "",
        )
        for index, email in enumerate(emails)
    )
    return emails


def add_region_questions(ctx, batch):
    """The region's own questions; one of each batch was asked in a survey already."""
    texts = _names("Spørsmål", batch)
    wave = make_wave(ctx.world.location, dispatched_at=timezone.now())
    for index, text in enumerate(texts):
        question = Question.objects.create(
            region=ctx.world.region, kind="text", text={"nb": text, "en": text}
        )
        if index == 0:
            wave.region_questions.add(question)
    return texts


def add_template_versions(ctx, batch):
    notes = _names("Endring", batch)
    for index, note in enumerate(notes):
        TemplateVersion.objects.create(
            number=100 + batch * ROWS + index,
            status="published",
            change_note=note,
            published_at=timezone.now(),
            published_by=ctx.world.coordinator,
        )
    return notes


def add_vat_rates(ctx, batch):
    """Rates of past years (the list shows their dates)."""
    years = [1980 + batch * ROWS + index for index in range(ROWS)]
    for year in years:
        VatRate.objects.create(
            country=ctx.world.region.country,
            tax_class=TaxClass.STANDARD,
            category=VatCategory.STANDARD,
            rate=Decimal("20"),
            valid_from=date(year, 1, 1),
            valid_to=date(year, 12, 31),
            source_url="https://www.skatteetaten.no/satser/merverdiavgift/",
        )
    return [str(year) for year in years]


def add_handoff_keys(ctx, batch):
    names = _names("Billettsystem", batch)
    for name in names:
        HandoffKey.objects.create(
            region=ctx.world.region,
            name=name,
            prefix=name[-6:],
            key_hash=f"{next(_serial):064d}",
            created_by=ctx.world.advisor,
        )
    return names


def setup_results_wave(ctx):
    """A closed wave: an open one shows only its response rate, no breakdown."""
    ctx.extra["wave"] = make_wave(ctx.world.location)
    _close(ctx.extra["wave"])


def add_departments(ctx, batch):
    """Departments of one wave, each big enough to be shown."""
    names = _names("Avdeling", batch)
    for name in names:
        _invite(ctx.extra["wave"], MIN_GROUP + 1, answered=MIN_GROUP, department=name)
    return names


def add_answering_companies(ctx, batch):
    """Companies of the region, each with a wave and enough answers to be shown."""
    names = _names("Pendler", batch)
    for name in names:
        membership = _member(ctx.world.region, name)
        wave = make_wave(membership.location)
        _invite(wave, MIN_GROUP + 1, answered=MIN_GROUP, department=f"{name} avdeling")
        _close(wave)  # pooled results count closed waves only
    return names


def add_answering_regions(ctx, batch):
    names = _names("Programme", batch)
    for name in names:
        region = RegionFactory(name=name, programme_name=name, country=ctx.world.region.country)
        membership = _member(region, f"{name} member")
        wave = make_wave(membership.location)
        _invite(wave, MIN_GROUP + 1, answered=MIN_GROUP)
        _close(wave)  # pooled results count closed waves only
    return names


def _close(wave):
    Wave.objects.filter(pk=wave.pk).update(closed_at=timezone.now())


def add_location_waves(ctx, batch):
    """Waves of one location over the years, each with answers."""
    labels = []
    for index in range(ROWS):
        year = 2010 + batch * ROWS + index
        opens = date(year, 3, 2)
        wave = make_wave(
            ctx.world.location,
            kind=Wave.Kind.FOLLOW_UP if batch or index else Wave.Kind.BASELINE,
            opens_on=opens,
            closes_on=opens + timedelta(days=14),
            reminder_1_on=None,
            reminder_2_on=None,
        )
        _invite(wave, MIN_GROUP + 1, answered=MIN_GROUP)
        labels.append(str(year))
    return labels


def add_region_products(ctx, batch):
    names = _names("Tilbud", batch)
    for name in names:
        product_save(
            actor=ctx.world.advisor,
            product=Product(region=ctx.world.region),
            data={
                "code": name.replace(" ", "-").lower(),
                "kind": Product.Kind.SERVICE,
                "billing": Product.Billing.ONCE,
            },
            texts={"name": {"nb": name, "en": name}},
        )
    return names


def add_national_products(ctx, batch):
    names = _names("Nasjonal", batch)
    for name in names:
        product_save(
            actor=ctx.world.coordinator,
            product=Product(),
            data={
                "code": name.replace(" ", "-").lower(),
                "kind": Product.Kind.SERVICE,
                "billing": Product.Billing.ONCE,
            },
            texts={"name": {"nb": name, "en": name}},
        )
    return names


def setup_billing(ctx):
    ctx.extra["billing"] = make_billing(ctx.world)


def add_orders(ctx, batch):
    """Ticket orders of the contact person's company, each at a location of its own."""
    names = _names("Avdelingskontor", batch)
    ticket = national("company-ticket")
    for name in names:
        location = _own_location(ctx, name)
        Membership.objects.create(location=location, status="active")
        people = orders.employees(location, 2, prefix=name.replace(" ", ""))
        orders.ticket_order(location, people, ticket, start=MARCH)
    return names


def add_product_orders(ctx, batch):
    """One-off and monthly orders of the company's own location."""
    event = national("event")
    locations = [_own_location(ctx, name) for name in _names("Arrangement", batch)]
    for location in locations:
        orders.product_order(location, event, start=MARCH)
    return [location.name for location in locations]


def add_tickets(ctx, batch):
    names = _names("Billett", batch)
    people = orders.employees(ctx.world.location, ROWS, prefix=f"Billett{batch}")
    for person, name in zip(people, names, strict=True):
        Employee.objects.filter(pk=person.pk).update(first_name=name)
    orders.ticket_order(ctx.world.location, people, national("company-ticket"), start=MARCH)
    return names


def add_invoiced_companies(ctx, batch):
    """Companies invoiced in one run: each batch is invoiced in a month of its own."""
    billing = ctx.extra["billing"]
    names = _names("Fakturert", batch)
    ticket = national("company-ticket")
    for name, number in zip(names, VALID_NUMBERS[batch * ROWS :], strict=False):
        organisation = OrganisationFactory(name=name, country=billing.no.country)
        make_buyer(organisation, number, "", "Storgata 1", "1606", "Fredrikstad")
        location = LocationFactory(organisation=organisation, region=billing.no)
        Membership.objects.create(location=location, status="active")
        orders.ticket_order(
            location, orders.employees(location, 1, prefix=name), ticket, start=MARCH
        )
    run_month(billing.no, MARCH)
    return names


def add_drafts_to_review(ctx, batch):
    """Companies with drafts in March to review; every other one was invoiced in February
    (the page shows the change), every third one has no invoice email (no route)."""
    billing = ctx.extra["billing"]
    names = _names("Utkast", batch)
    ticket = national("company-ticket")
    for index, (name, number) in enumerate(zip(names, VALID_NUMBERS[batch * ROWS :], strict=False)):
        organisation = OrganisationFactory(name=name, country=billing.no.country)
        make_buyer(organisation, number, "", "Storgata 1", "1606", "Fredrikstad")
        if index % 3 == 0:
            Organisation.objects.filter(pk=organisation.pk).update(invoice_email="")
        location = LocationFactory(organisation=organisation, region=billing.no)
        Membership.objects.create(location=location, status="active")
        start = date(2026, 2, 1) if index % 2 else MARCH
        orders.ticket_order(
            location, orders.employees(location, 1, prefix=name), ticket, start=start
        )
    run_month(billing.no, date(2026, 2, 1))
    plan_month(billing.no, MARCH)
    return names


def add_overdue_invoices(ctx, batch):
    names = add_invoiced_companies(ctx, batch)
    Invoice.objects.filter(organisation__name__in=names).update(due_date=date(2026, 3, 20))
    return names


def add_work_waiting(ctx, batch):
    """Everything a start page shows grows together: the advisor's members with a follow-up
    and an open survey each, applications, and overdue invoices. The blocks show their
    first rows only, so the page must show what the first batch made."""
    followed = add_followups(ctx, batch)
    for membership in Membership.objects.filter(location__organisation__name__in=followed):
        _invite(make_wave(membership.location), 2 * MIN_GROUP, answered=MIN_GROUP)
    applied = add_applications(ctx, batch)
    overdue = add_overdue_invoices(ctx, batch)
    return followed + applied + overdue if batch == 0 else []


def add_run_history(ctx, batch):
    """Runs of the region in past years (the list shows their month and year)."""
    years = [2001 + batch * ROWS + index for index in range(ROWS)]
    for year in years:
        InvoiceRun.objects.create(
            region=ctx.world.region, period=date(year, 1, 1), status=InvoiceRun.Status.DONE
        )
    return [str(year) for year in years]


def add_company_invoices(ctx, batch):
    """Runs of the region, one a month, each invoicing the company's tickets."""
    billing = ctx.extra["billing"]
    if "order" not in ctx.extra:
        people = orders.employees(ctx.world.location, 1)
        ctx.extra["order"] = orders.ticket_order(
            ctx.world.location, people, national("company-ticket"), start=MARCH
        )
    numbers = []
    for index in range(ROWS):
        month = date(2026, 3 + batch * ROWS + index, 1)
        run_month(billing.no, month)
        numbers.append(Invoice.objects.get(region=billing.no, period_start=month).number)
    return numbers


def setup_run_detail(ctx):
    setup_billing(ctx)
    ctx.extra["run"] = InvoiceRun.objects.create(region=ctx.world.region, period=MARCH)


# Min side ------------------------------------------------------------------------------------


def add_own_memberships(ctx, batch):
    names = _names("Filial", batch)
    for name in names:
        location = _own_location(ctx, name)
        Membership.objects.create(location=location, status="active", advisor=ctx.world.advisor)
        make_contact_role(location, name)
    return names + [f"Contact {name}" for name in names]


def add_background_tasks(ctx, batch):
    """Tasks nobody describes, named by their function (one kind each, the worst case for
    naming them per kind) and one kind described in words (survey mail, asks for waves)."""
    names = [f"job_{batch * ROWS + index:02d}" for index in range(ROWS)]
    wave = make_wave(ctx.world.location)
    for name in names:
        for path in (f"pendel.example.tasks.{name}", "pendel.surveys.tasks.survey_send_mail"):
            DBTaskResult.objects.create(
                status="FAILED",
                args_kwargs={"args": [], "kwargs": {"wave_id": wave.pk, "attempt": 2}},
                task_path=path,
                backend_name="default",
                queue_name="default",
                run_after=timezone.now(),
                exception_class_path="ValueError",
                traceback="",
            )
    return [f"A background task ({name})" for name in names]


def add_outbox_mail(ctx, batch):
    subjects = _names("Invitasjon", batch)
    for subject in subjects:
        OutboxMessage.objects.create(
            from_email="pendel@example.com", to="hr@example.com", subject=subject, body="–"
        )
    return subjects


def add_own_contacts(ctx, batch):
    names = _names("Kollega", batch)
    for name in names:
        make_contact_role(ctx.world.location, name)
    return [f"Contact {name}" for name in names]


def add_own_waves(ctx, batch):
    names = _names("Kontor", batch)
    for name in names:
        wave = make_wave(_own_location(ctx, name))
        _invite(wave, 4, answered=2)
    return names


def add_workplaces_with_next_steps(ctx, batch):
    """Workplaces of the contact person's company, each with employees on its list, an open
    survey with a rate to show, an activity plan and an agreement to sign."""
    names = _names("Arbeidssted", batch)
    for name in names:
        location = _own_location(ctx, name)
        Membership.objects.create(location=location, status="approved", advisor=ctx.world.advisor)
        orders.employees(location, 2, prefix=name.replace(" ", ""))
        _invite(make_wave(location), 2 * MIN_GROUP, answered=MIN_GROUP)
        for category in (Document.Category.ACTIVITY_PLAN, Document.Category.AGREEMENT):
            Document.objects.create(
                organisation=ctx.world.company,
                location=location,
                region=ctx.world.region,
                title=f"{name} {category}",
                category=category,
                file=f"documents/{name}-{category}.pdf",
                original_filename=f"{name}.pdf",
                content_type="application/pdf",
                size=1000,
                uploaded_by=ctx.world.advisor,
            )
    return (
        names
        + [f"{name} activity_plan" for name in names]
        + [f"{name} agreement" for name in names]
    )


def add_offered_products(ctx, batch):
    return add_region_products(ctx, batch)


def _this_month(day: int = 15):
    today = timezone.localdate()
    return timezone.make_aware(datetime(today.year, today.month, day, 10))


def add_my_activities(ctx, batch):
    """Events of the advisor's in this month, of a national and of the region's own type."""
    names = _names("Aktivitet", batch)
    for index, name in enumerate(names):
        region = ctx.world.region if index % 2 else None
        kind = ActivityTypeFactory(region=region, name={"en": name})
        member = _member(ctx.world.region, f"{name} AS")
        activity_event(
            member.location,
            activity_type=kind,
            starts=_this_month(1 + batch * ROWS + index),
            advisors=[ctx.world.advisor, ctx.world.staff_and_contact],
        )
    return names


def add_activity_plans(ctx, batch):
    names = _names("Planlegger", batch)
    for name in names:
        membership = _member(ctx.world.region, name, advisor=ctx.world.advisor)
        plan_builders.plan_with_lines(membership.location, 2027, [("stand", 4), ("bike-check", 5)])
    return names


def add_own_activity_types(ctx, batch):
    names = _names("Lokal aktivitet", batch)
    for index, name in enumerate(names):
        ActivityType.objects.create(
            code=f"local-{batch}-{index}",
            region=ctx.world.region,
            name={"en": name},
            description={"en": "Lokal"},
            goal="inform",
            duration_minutes=60,
            leads_to=national("company-ticket"),
        )
    return names


def add_followup_members(ctx, batch):
    names = _names("Oppfolging", batch)
    for index, name in enumerate(names):
        member = _member(ctx.world.region, name, advisor=ctx.world.advisor)
        activity_plan(member.location, year=timezone.localdate().year, lines=["proposed", "held"])
        status = ["held", "scheduled", "cancelled"][index]
        activity_event(member.location, starts=_this_month(), status=status)
    return names


def add_followup_regions(ctx, batch):
    names = add_regions_seen_by_coordinator(ctx, batch)
    for region in Region.objects.filter(name__in=names):
        activity_event(region=region, starts=_this_month(), status="held")
    return names


def add_events(ctx, batch):
    return activities.query_count_events(ctx.world.location, ctx.world.advisor, batch, ROWS)


def setup_event(ctx):
    ctx.extra["event"] = activities.event_for(ctx.world.location, capacity=2 * ROWS)


def add_signups(ctx, batch):
    return activities.query_count_signups(ctx.extra["event"], batch, ROWS)


def setup_activity_plan(ctx):
    year = timezone.localdate().year
    plan_builders.member_with_baseline(
        ctx.world.location, closes_on=date(year, 3, 12), closed=False
    )
    ctx.extra["plan"] = plan_builders.plan_with_lines(ctx.world.location, year, [])


def add_plan_lines(ctx, batch):
    names = _names("Planlagt", batch)
    for index, name in enumerate(names):
        kind = ActivityType.objects.create(
            code=f"planned-{batch}-{index}",
            region=ctx.world.region,
            name={"en": name},
            goal="inform",
            duration_minutes=60,
        )
        PlannedActivity.objects.create(plan=ctx.extra["plan"], activity_type=kind, month=index + 1)
    return names


def add_own_plans(ctx, batch):
    names = _names("Planfilial", batch)
    for name in names:
        location = _own_location(ctx, name)
        Membership.objects.create(location=location, status="active")
        plan_builders.plan_with_lines(location, timezone.localdate().year, [("stand", 4)])
    return names


# Certification ---------------------------------------------------------------------------------


def setup_certification(ctx):
    tiers_default_create(actor=None, region=ctx.world.region)


def _evaluated(ctx, locations) -> None:
    """Each location with a baseline, the year's survey, two activities held and an approved
    plan (the tier Good), then the region evaluated."""
    for location in locations:
        certification.baseline(location)
        certification.survey(
            location, opens_on=date(certification.YEAR, 3, 2), answered=8, invited=10, car_alone=2
        )
        certification.held(location, 2)
        certification.approved_plan(location)
    certification_evaluate_region(region_id=ctx.world.region.pk, year=certification.YEAR)


def add_evaluated_members(ctx, batch):
    names = _names("Sertifisert", batch)
    members = [_member(ctx.world.region, name, advisor=ctx.world.advisor) for name in names]
    _evaluated(ctx, [membership.location for membership in members])
    return names + ["2 of 4 activities held"]


def add_certified_public_members(ctx, batch):
    names = _names("Merket", batch)
    members = [_member(ctx.world.region, name) for name in names]
    Membership.objects.filter(pk__in=[m.pk for m in members]).update(logo_consent=True)
    _evaluated(ctx, [membership.location for membership in members])
    shown = Evaluation.objects.filter(location__memberships__in=members, status="proposed")
    evaluations_confirm_many(
        actor=None,
        region=ctx.world.region,
        shown=list(shown.values_list("pk", "proposed_tier_id")),
    )
    return names + ["Certified: Good (2026)"]


def add_evaluated_own_locations(ctx, batch):
    names = _names("Avdeling", batch)
    locations = [_own_location(ctx, name) for name in names]
    for location in locations:
        Membership.objects.create(location=location, status="active")
    _evaluated(ctx, locations)
    return names


def _staff(name: str) -> Callable[[Context], str]:
    return lambda ctx: reverse(f"staff:{name}")


def _company(name: str) -> Callable[[Context], str]:
    return lambda ctx: reverse(f"company:{name}")


PAGES = [
    # Back office
    Page("coordinator start page", "coordinator", _staff("home"), add_regions_seen_by_coordinator),
    Page("advisor start page", "advisor", _staff("home"), add_regions_of_advisor),
    Page(
        "advisor start page: work waiting",
        "advisor",
        _staff("home"),
        add_work_waiting,
        setup_billing,
    ),
    Page(
        "coordinator start page: work waiting",
        "coordinator",
        _staff("home"),
        add_work_waiting,
        setup_billing,
    ),
    Page("region list", "coordinator", _staff("region_list"), add_regions_seen_by_coordinator),
    Page("my activity calendar", "advisor", _staff("activity_calendar"), add_my_activities),
    Page(
        "region activity calendar",
        "advisor",
        lambda ctx: reverse("staff:activity_region_calendar", args=[ctx.world.region.slug]),
        add_my_activities,
    ),
    Page(
        "region activity follow-up",
        "advisor",
        lambda ctx: reverse("staff:activity_followup", args=[ctx.world.region.slug]),
        add_followup_members,
    ),
    Page(
        "national activity follow-up",
        "coordinator",
        _staff("activity_followup_national"),
        add_followup_regions,
    ),
    Page(
        "national overview",
        "coordinator",
        _staff("national_overview"),
        add_regions_seen_by_coordinator,
    ),
    Page("user list", "advisor", _staff("user_list"), add_staff_users),
    Page("member list", "advisor", _staff("member_list"), add_members),
    Page(
        "member detail: notes, history, contacts",
        "advisor",
        lambda ctx: reverse("staff:member_detail", args=[ctx.extra["membership"].pk]),
        add_member_history,
        setup_member_detail,
    ),
    Page(
        "member detail: summary",
        "advisor",
        lambda ctx: reverse("staff:member_detail", args=[ctx.extra["membership"].pk]),
        add_member_summary_rows,
        setup_member_detail,
    ),
    Page("follow-ups", "advisor", lambda ctx: reverse("staff:followups") + "?all=1", add_followups),
    Page("applications", "advisor", _staff("application_list"), add_applications),
    Page(
        "employee list",
        "advisor",
        lambda ctx: reverse("staff:employee_list", args=[ctx.world.location.pk]),
        add_employees,
    ),
    Page("document list", "advisor", _staff("document_list"), add_documents),
    Page("wave list", "advisor", _staff("survey_wave_list"), add_staff_waves),
    Page(
        "wave results",
        "advisor",
        lambda ctx: reverse("staff:survey_wave_results", args=[ctx.extra["wave"].pk]),
        add_departments,
        setup_results_wave,
    ),
    Page(
        "location results over time",
        "advisor",
        lambda ctx: reverse("staff:survey_location_results", args=[ctx.world.location.pk]),
        add_location_waves,
    ),
    Page(
        "region pooled results",
        "advisor",
        lambda ctx: reverse("staff:survey_region_results", args=[ctx.world.region.slug]),
        add_answering_companies,
    ),
    Page(
        "national pooled results",
        "coordinator",
        _staff("survey_national_results"),
        add_answering_regions,
    ),
    Page("national catalogue", "coordinator", _staff("catalogue_list"), add_national_products),
    Page(
        "region catalogue",
        "advisor",
        lambda ctx: reverse("staff:region_catalogue", args=[ctx.world.region.slug]),
        add_region_products,
    ),
    Page(
        "region prices",
        "advisor",
        lambda ctx: reverse("staff:region_prices", args=[ctx.world.region.slug]),
        add_region_products,
    ),
    Page(
        "survey send confirmation",
        "advisor",
        lambda ctx: reverse("staff:survey_wave_dispatch", args=[ctx.extra["wave"].pk]),
        add_employees_to_invite,
        setup_draft_wave,
    ),
    Page(
        "survey reminder confirmation",
        "advisor",
        lambda ctx: reverse("staff:survey_wave_remind", args=[ctx.extra["wave"].pk]),
        add_invitations_to_remind,
        setup_wave_detail,
    ),
    Page(
        "wave detail: invitations",
        "advisor",
        lambda ctx: reverse("staff:survey_wave_detail", args=[ctx.extra["wave"].pk]),
        add_invitations,
        setup_wave_detail,
    ),
    Page(
        "region's own survey questions",
        "advisor",
        lambda ctx: reverse("staff:survey_region_questions", args=[ctx.world.region.slug]),
        add_region_questions,
    ),
    Page(
        "questionnaire versions", "advisor", _staff("survey_template_list"), add_template_versions
    ),
    Page("VAT rates", "coordinator", _staff("vat_rate_list"), add_vat_rates),
    Page("background tasks", "coordinator", _staff("task_list"), add_background_tasks),
    Page("outbox", "advisor", lambda ctx: reverse("core:outbox"), add_outbox_mail),
    Page("ticket hand-off keys", "advisor", _staff("ticket_handoff"), add_handoff_keys),
    Page("orders", "advisor", _staff("order_list"), add_orders, setup_billing),
    Page("invoice runs", "advisor", _staff("invoice_run_list"), add_run_history, setup_billing),
    Page(
        "invoice run detail",
        "advisor",
        lambda ctx: reverse("staff:invoice_run_detail", args=[ctx.extra["run"].pk]),
        add_invoiced_companies,
        setup_run_detail,
    ),
    Page(
        "invoice run review: drafts, last month, checks, routes",
        "advisor",
        lambda ctx: reverse("staff:invoice_run_detail", args=[ctx.extra["run"].pk]),
        add_drafts_to_review,
        setup_run_detail,
    ),
    Page("invoice list", "advisor", _staff("invoice_list"), add_invoiced_companies, setup_billing),
    Page(
        "overdue invoices",
        "advisor",
        _staff("invoice_overdue"),
        add_overdue_invoices,
        setup_billing,
    ),
    Page("activity plans", "advisor", _staff("activity_plan_list"), add_activity_plans),
    Page(
        "activity catalogue",
        "advisor",
        _staff("activity_type_list"),
        add_own_activity_types,
        lambda ctx: catalogue_seed_national(),
    ),
    Page(
        "activity plan detail",
        "advisor",
        lambda ctx: reverse("staff:activity_plan_detail", args=[ctx.extra["plan"].pk]),
        add_plan_lines,
        setup_activity_plan,
    ),
    Page(
        "certification evaluations",
        "advisor",
        lambda ctx: (
            reverse("staff:certification_evaluations", args=[ctx.world.region.slug])
            + f"?year={certification.YEAR}"
        ),
        add_evaluated_members,
        setup_certification,
    ),
    Page(
        "programme page with certification badges",
        "advisor",
        lambda ctx: reverse("portal:programme_detail", args=[ctx.world.region.slug]),
        add_certified_public_members,
        setup_certification,
    ),
    # Min side
    Page("Min side start", "contact", _company("home"), add_own_memberships),
    Page("Min side activity plans", "contact", _company("activity_plan_list"), add_own_plans),
    Page(
        "Min side activity plan",
        "contact",
        lambda ctx: (
            reverse("company:activity_plan", args=[ctx.world.location.pk])
            + f"?year={ctx.extra['plan'].year}"
        ),
        add_plan_lines,
        setup_activity_plan,
    ),
    Page(
        "Min side certification",
        "contact",
        _company("certification"),
        add_evaluated_own_locations,
        setup_certification,
    ),
    Page(
        "Min side next steps",
        "contact",
        _company("home"),
        add_workplaces_with_next_steps,
        setup_billing,
    ),
    Page("contact persons", "contact", _company("contact_list"), add_own_contacts),
    Page("Min side employee list", "contact", _company("employee_list"), add_employees),
    Page("Min side document list", "contact", _company("document_list"), add_documents),
    Page("Min side surveys", "contact", _company("survey_list"), add_own_waves),
    Page(
        "Min side wave results",
        "contact",
        lambda ctx: reverse("company:survey_results", args=[ctx.extra["wave"].pk]),
        add_departments,
        setup_results_wave,
    ),
    Page(
        "Min side catalogue", "contact", _company("catalogue"), add_offered_products, setup_billing
    ),
    Page("Min side tickets", "contact", _company("ticket_list"), add_tickets, setup_billing),
    Page("Min side orders", "contact", _company("order_list"), add_product_orders, setup_billing),
    Page(
        "Min side invoices",
        "contact",
        _company("invoice_list"),
        add_company_invoices,
        setup_billing,
    ),
    Page("staff activities", "advisor", _staff("event_list"), add_events),
    Page(
        "staff activity",
        "advisor",
        lambda ctx: reverse("staff:event_detail", args=[ctx.extra["event"].pk]),
        add_signups,
        setup_event,
    ),
    Page("Min side activities", "contact", _company("event_list"), add_events),
    Page(
        "Min side activity",
        "contact",
        lambda ctx: reverse("company:event_detail", args=[ctx.extra["event"].pk]),
        add_signups,
        setup_event,
    ),
]


def _page(client, url: str, shown: list[str]) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    text = unescape(response.content.decode())
    missing = [item for item in shown if item not in text]
    assert not missing, f"{url} does not show {missing}"
    return len(queries.captured_queries)


@pytest.fixture
def surveys_ready(db, settings):
    template_seed_standard()
    settings.SURVEY_MAIL_PER_MINUTE = 100_000


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_the_page_takes_as_many_queries_for_nine_rows_as_for_three(
    page, world, client, surveys_ready, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.OUTBOX_VISIBLE = True
    ctx = Context(world=world)
    page.setup(ctx)
    client.force_login(getattr(world, page.user))
    shown = page.add(ctx, 0)
    url = page.url(ctx)
    client.get(url)  # the first request fills per-process caches (content types, templates)
    small = _page(client, url, shown)
    shown += page.add(ctx, 1) + page.add(ctx, 2)
    large = _page(client, url, shown)
    assert large == small, f"{page.name}: {small} queries for {ROWS} rows, {large} for {3 * ROWS}"
