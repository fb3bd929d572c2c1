"""The access matrix: every URL the configuration defines (read from the resolver, so a new
view is in it the day it is added), requested by every kind of visitor, with the objects of
each tenant. A declared rule per URL name says who may open it; everyone else gets 404, or is
sent to the login page when not logged in. A URL name without a rule fails the test.

Visitors: anonymous, an employee with a survey link, the contact persons of two companies in
different regions, Mari (region staff in Nedre Glomma and contact person of Sandnes Sykkel in
Nord-Jæren), the advisors of two regions and the national coordinator.
Tenants: A is Nedre Glomma with Fredrikstad Fisk, B is Overijssel with Twentse Tegels, C is
Nord-Jæren with Sandnes Sykkel. Every tenant has one of everything: member, note, contact,
application, employee, import, document, wave with invitations, question, product, order,
ticket, hand-off key, invoice run and invoice."""

import io
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

import pytest
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse
from django.utils import timezone
from PIL import Image

from config import urls as config_urls
from pendel.accounts.models import Role
from pendel.activities.tests import events_builders as activities
from pendel.activities.tests.builders import approved_plan_with_bike_check, national_type
from pendel.catalogue.models import Product, VatRate
from pendel.catalogue.tests import builders as catalogue
from pendel.catalogue.tests.builders import national
from pendel.certification.models import Evaluation
from pendel.certification.services import certification_evaluate_region, tiers_default_create
from pendel.climate.models import EmissionFactorSet
from pendel.companies.models import AdvisorNote, Application, Membership
from pendel.companies.services import organisation_logo_set
from pendel.documents.tests.factories import make_document
from pendel.employees.models import Employee
from pendel.employees.services import employee_import_prepare
from pendel.employees.tests.files import csv_upload
from pendel.invoicing.models import Invoice, InvoiceRun
from pendel.invoicing.tests.builders import MARCH, VALID_NUMBERS, make_buyer, make_seller, run_month
from pendel.orders import handoff
from pendel.orders.tests import builders as orders
from pendel.regions.services import region_logo_set
from pendel.surveys.links import invitation_link_issue
from pendel.surveys.models import Question
from pendel.surveys.services import template_seed_standard, template_version_draft
from pendel.surveys.tests.conftest import dispatch, make_wave

LOGIN = reverse(settings.LOGIN_URL)
ADMIN_LOGIN = "/admin/login/"


class Access(StrEnum):
    PUBLIC = "anyone"
    LOGIN = "anyone logged in"
    STAFF = "back office, no object of a region"
    REGION = "back office, an object of the staff member's region"
    COORDINATOR = "the national coordinator only"
    CONTACT = "Min side, the contact person's own company"
    COMPANY = "Min side, an object of the contact person's own company"
    TOKEN = "whoever holds the survey link"
    INVITED = "the invited account, logged in, with the link from its mail"
    ADMIN = "Django admin: superusers only"
    NOBODY = "nobody in production (in development mode: staff, pendel/core/tests/test_outbox.py)"
    # Filled with a key that is nobody's: 404 for every visitor (the calendar feed's own
    # secrets are tested in pendel/activities/tests/test_calendar_feed.py).
    SECRET = "whoever holds the secret address, no login"


@dataclass(frozen=True)
class Rule:
    access: Access
    kind: str | None = None  # which tenant object fills `pk`


PUBLIC = Rule(Access.PUBLIC)
LOGGED_IN = Rule(Access.LOGIN)
STAFF = Rule(Access.STAFF)
COORDINATOR = Rule(Access.COORDINATOR)
CONTACT = Rule(Access.CONTACT)
TOKEN = Rule(Access.TOKEN)


def region(kind: str | None = None) -> Rule:
    return Rule(Access.REGION, kind)


def company(kind: str | None = None) -> Rule:
    return Rule(Access.COMPANY, kind)


# The declared rule of every URL name. A new view needs a line here, or the matrix fails.
RULES: dict[str, Rule] = {
    "portal:home": PUBLIC,
    "portal:programme_detail": PUBLIC,
    "portal:member_logo_public": Rule(Access.PUBLIC, "organisation"),
    "portal:application_create": PUBLIC,
    "portal:application_thanks": PUBLIC,
    "portal:brand_css": PUBLIC,
    "portal:region_logo": PUBLIC,  # public like the colour (every tenant's region has one)
    "portal:application_confirm": PUBLIC,
    "core:healthz": PUBLIC,
    "core:outbox": Rule(Access.NOBODY),
    "core:outbox_message": Rule(Access.NOBODY, "outbox"),
    "core:outbox_message_html": Rule(Access.NOBODY, "outbox"),
    "admin:login": PUBLIC,
    "admin:logout": PUBLIC,
    "accounts:login": PUBLIC,
    "accounts:logout": PUBLIC,
    "accounts:profile": LOGGED_IN,
    "accounts:two_factor": LOGGED_IN,
    "accounts:two_factor_setup": LOGGED_IN,
    "accounts:set_language": PUBLIC,
    "accounts:password_change": LOGGED_IN,
    "accounts:password_change_done": LOGGED_IN,
    "accounts:password_reset": PUBLIC,
    "accounts:password_reset_done": PUBLIC,
    "accounts:password_reset_confirm": PUBLIC,
    "accounts:invitation": PUBLIC,
    "accounts:password_reset_complete": PUBLIC,
    "staff:home": STAFF,
    "staff:task_list": COORDINATOR,
    "staff:region_list": STAFF,
    "staff:region_choose": STAFF,  # POST only; a region not the user's: 404 (test_region_switch)
    "staff:region_edit": region(),
    "staff:user_list": STAFF,
    # The account of the tenant's first contact person; in C that is Mari, who is staff in A
    # as well: only someone who sees all of her account (the coordinator) may act on it.
    "staff:user_deactivate": region("contact_user"),
    "staff:region_detail": region(),
    "staff:member_list": STAFF,
    "staff:member_create": STAFF,
    "staff:member_detail": region("member"),
    "staff:member_contact_invite": region("member"),
    "staff:member_transition": region("member"),
    "staff:member_terms": region("member"),
    "staff:member_billing": region("member"),
    "staff:member_logo": region("member"),
    "staff:member_logo_image": region("member"),
    "staff:member_invoice_contact": region("member"),
    "staff:member_advisor": region("member"),
    "staff:member_note_create": region("member"),
    "staff:note_done": region("note"),
    "staff:contact_set_primary": region("contact"),
    "staff:followups": STAFF,
    "staff:application_list": STAFF,
    "staff:application_detail": region("application"),
    "staff:application_approve": region("application"),
    "staff:application_reject": region("application"),
    "staff:national_overview": COORDINATOR,
    "staff:employee_list": region(),
    "staff:employee_export": region(),
    "staff:employee_data_export": region("employee"),
    "staff:employee_erase": region("employee"),
    "staff:employee_import": region(),
    "staff:employee_import_confirm": region("import"),
    "staff:employee_import_discard": region("import"),
    "staff:employee_import_bad_rows": region("import"),
    "staff:document_list": STAFF,
    "staff:document_upload": STAFF,
    "staff:document_download": region("document"),
    "staff:document_delete": region("document"),
    "staff:survey_wave_list": STAFF,
    "staff:survey_wave_create": STAFF,
    "staff:survey_wave_detail": region("wave"),
    "staff:survey_wave_dispatch": region("wave"),
    "staff:survey_wave_remind": region("wave"),
    "staff:survey_wave_delete": region("wave"),
    "staff:survey_wave_extend": region("wave"),
    "staff:survey_wave_close": region("wave"),
    "staff:survey_wave_undelivered": region("wave"),
    "staff:survey_wave_results": region("wave"),
    "staff:survey_wave_export": region("wave"),
    "staff:survey_wave_api": region("wave"),
    "staff:survey_location_results": region(),
    "staff:survey_region_results": region(),
    "staff:survey_region_export": region(),
    "staff:survey_region_api": region(),
    "staff:survey_national_results": COORDINATOR,
    "staff:survey_national_export": COORDINATOR,
    "staff:survey_national_api": COORDINATOR,
    "staff:survey_settings": region(),
    "staff:survey_region_questions": region(),
    "staff:survey_region_question_create": region(),
    "staff:survey_region_question_edit": region("question"),
    "staff:survey_region_question_retire": region("question"),
    "staff:survey_template_list": STAFF,
    "staff:survey_template_draft": COORDINATOR,
    "staff:survey_template_detail": STAFF,
    "staff:survey_template_edit": COORDINATOR,
    "staff:survey_template_question": Rule(Access.COORDINATOR, "template_question"),
    "staff:survey_template_publish": COORDINATOR,
    # Factor sets are national reference data: every member of the back office reads them;
    # only the national coordinator imports one (pendel/climate/services.py says why).
    "staff:climate_factor_set_list": STAFF,
    "staff:climate_factor_set_detail": Rule(Access.STAFF, "factor_set"),
    "staff:climate_factor_set_import": COORDINATOR,
    "staff:climate_region_settings": region(),
    "staff:climate_wave_emissions": region("wave"),
    "staff:catalogue_list": STAFF,
    "staff:national_product_create": COORDINATOR,
    "staff:product_edit": region("product"),
    "staff:vat_rate_list": STAFF,
    "staff:vat_rate_create": COORDINATOR,
    "staff:vat_rate_confirm": Rule(Access.COORDINATOR, "vat_rate"),
    "staff:region_catalogue": region(),
    "staff:region_product_create": region(),
    "staff:offer_toggle": region("product"),
    "staff:region_prices": region(),
    "staff:order_list": STAFF,
    "staff:ticket_handoff": STAFF,
    "staff:ticket_handoff_csv": region(),
    "staff:ticket_handoff_json": region(),
    "staff:handoff_key_create": region(),
    "staff:handoff_key_revoke": region("handoff_key"),
    "staff:invoice_run_list": STAFF,
    "staff:invoice_run_start": STAFF,
    "staff:invoice_run_detail": region("run"),
    "staff:invoice_run_send": region("run"),
    "staff:invoice_run_issue": region("run"),
    "staff:invoice_run_discard": region("run"),
    "staff:invoice_list": STAFF,
    "staff:invoice_overdue": STAFF,
    "staff:invoice_detail": region("invoice"),
    "staff:invoice_pdf": region("invoice"),
    "staff:invoice_xml": region("invoice"),
    "staff:invoice_specification": region("invoice"),
    "staff:invoice_credit": region("invoice"),
    "staff:invoice_payment": region("invoice"),
    "staff:invoice_send": region("invoice"),
    "staff:invoice_check": region("invoice"),
    "staff:seller_profile": region(),
    "staff:billing_settings": region("organisation"),
    "staff:activity_calendar": STAFF,
    "staff:activity_region_calendar": region(),
    "staff:activity_calendar_subscription": STAFF,
    "staff:activity_calendar_subscription_revoke": STAFF,
    "staff:activity_followup_national": COORDINATOR,
    "staff:activity_followup": region(),
    "staff:activity_followup_export": region(),
    "calendar:feed": Rule(Access.SECRET),
    "calendar:region_feed": Rule(Access.SECRET),
    "staff:event_list": STAFF,
    "staff:event_schedule": STAFF,
    "staff:event_detail": region("event"),
    "staff:event_cancel": region("event"),
    "staff:event_attendance": region("event"),
    "staff:event_held": region("event"),
    "staff:event_photo_add": region("event"),
    "staff:event_photo": region("photo"),
    "staff:activity_type_list": STAFF,
    "staff:activity_type_create": COORDINATOR,
    "staff:region_activity_type_create": region(),
    "staff:activity_type_edit": region("activity_type"),
    "staff:activity_type_remove": region("activity_type"),
    "staff:activity_rules": region(),
    "staff:activity_plan_list": STAFF,
    "staff:activity_plan_detail": region("plan"),
    "staff:activity_plan_comment": region("plan"),
    "staff:activity_plan_approve": region("plan"),
    "staff:activity_plan_return": region("plan"),
    "staff:activity_plan_line": region("planned"),
    "staff:activity_plan_line_remove": region("planned"),
    "company:activity_plan_list": CONTACT,
    "company:activity_plan": company(),
    "company:activity_plan_line": company("planned"),
    "company:activity_plan_line_remove": company("planned"),
    "company:activity_plan_submit": company("plan"),
    "staff:certification_home": STAFF,
    "staff:certification_tiers": region(),
    "staff:certification_tiers_default": region(),
    "staff:certification_tier_edit": region("tier"),
    "staff:certification_tier_delete": region("tier"),
    "staff:certification_evaluations": region(),
    "staff:certification_region_evaluate": region(),
    "staff:certification_bulk_confirm": region(),
    "staff:certification_member_evaluate": region("member"),
    "staff:certification_confirm": region("evaluation"),
    "staff:certification_reject": region("evaluation"),
    "staff:certification_revoke": region("evaluation"),
    "company:home": CONTACT,
    "company:organisation_choice": CONTACT,
    "company:contact_list": CONTACT,
    "company:billing_details": CONTACT,
    "company:logo": CONTACT,
    "company:logo_image": CONTACT,
    # Filled with a key that is nobody's: every visitor logged in gets 404 (the invited
    # account's own link is tested in pendel/companies/tests/test_contact_invitations.py).
    "company:contact_invitation": Rule(Access.INVITED),
    "company:employee_list": CONTACT,
    "company:employee_create": CONTACT,
    "company:employee_export": CONTACT,
    "company:employee_import": CONTACT,
    "company:employee_import_discard": company("import"),
    "company:employee_edit": company("employee"),
    "company:employee_data_export": company("employee"),
    "company:employee_import_confirm": company("import"),
    "company:employee_import_bad_rows": company("import"),
    "company:employee_end": company("employee"),
    "company:employee_erase": company("employee"),
    "company:document_list": CONTACT,
    "company:document_upload": CONTACT,
    "company:document_download": company("document"),
    "company:survey_list": CONTACT,
    "company:survey_results": company("wave"),
    "company:survey_export": company("wave"),
    "company:climate_emissions": CONTACT,
    "company:climate_wave_emissions": company("wave"),
    "company:catalogue": CONTACT,
    "company:ticket_list": CONTACT,
    "company:ticket_order": CONTACT,
    "company:ticket_cancel": company("ticket"),
    "company:order_list": CONTACT,
    "company:order_create": CONTACT,
    "company:order_cancel": company("order"),
    "company:invoice_list": CONTACT,
    "company:billing_settings": CONTACT,
    "company:invoice_detail": company("invoice"),
    "company:invoice_pdf": company("invoice"),
    "company:invoice_xml": company("invoice"),
    "company:invoice_specification": company("invoice"),
    "company:event_list": CONTACT,
    "company:event_detail": company("event"),
    "company:event_poster": company("event"),
    "company:event_photo_consent": company("event"),
    "company:event_photo": company("photo"),
    # The sign-up code names the event, not a person; the cancel token one sign-up (A's).
    "portal:event_signup": PUBLIC,
    "portal:event_signed_up": PUBLIC,
    "portal:signup_cancel": PUBLIC,
    "company:certification": CONTACT,
    "survey:start": TOKEN,
    "survey:language": TOKEN,
    "survey:done": TOKEN,
    "survey:step": TOKEN,
}
# Django's admin site guards every page it has, whatever model is registered: the whole
# namespace has one rule (a model added to the admin is covered without a new line).
NAMESPACE_RULES = {"admin": Rule(Access.ADMIN)}
TENANTS = ("A", "B", "C")


@dataclass(frozen=True)
class Visitor:
    name: str
    user: object = None
    all_regions: bool = False
    staff_of: frozenset = field(default_factory=frozenset)  # tenants
    contact_of: frozenset = field(default_factory=frozenset)  # tenants
    token: bool = False

    @property
    def is_staff(self) -> bool:
        return self.all_regions or bool(self.staff_of)


# --- what a cell should answer --------------------------------------------------------------
ALLOWED, REFUSED, TO_LOGIN, TO_ADMIN_LOGIN = (
    "allowed",
    "404",
    "to the login page",
    "to the admin's login page",
)
# The wrong portal answers like everything else out of scope (issue 10, item 10).
WRONG_PORTAL = REFUSED


def expected(rule: Rule, visitor: Visitor, tenant: str | None) -> str:
    access = rule.access
    if access is Access.PUBLIC or access is Access.TOKEN:
        return ALLOWED
    if access is Access.NOBODY or access is Access.SECRET:
        return REFUSED
    if access is Access.ADMIN:
        return ALLOWED if getattr(visitor.user, "is_superuser", False) else TO_ADMIN_LOGIN
    if visitor.user is None:
        return TO_LOGIN
    if access is Access.LOGIN:
        return ALLOWED
    if access is Access.INVITED:
        return REFUSED
    if access in (Access.STAFF, Access.REGION, Access.COORDINATOR):
        if not visitor.is_staff:
            return WRONG_PORTAL
        if access is Access.COORDINATOR:
            return ALLOWED if visitor.all_regions else WRONG_PORTAL
        if access is Access.REGION:
            return ALLOWED if visitor.all_regions or tenant in visitor.staff_of else REFUSED
        return ALLOWED
    # Min side
    if not visitor.contact_of:
        return WRONG_PORTAL
    if access is Access.COMPANY:
        return ALLOWED if tenant in visitor.contact_of else REFUSED
    return ALLOWED


def outcome(response) -> str:
    status = response.status_code
    if status == 302:
        location = response["Location"]
        if location.startswith(LOGIN):
            return TO_LOGIN
        if location.startswith(ADMIN_LOGIN):
            return TO_ADMIN_LOGIN
        return ALLOWED
    if status == 404:
        return REFUSED
    if status == 403:
        return "403"
    if status == 405:
        return "405"
    if status == 200:
        return ALLOWED
    return str(status)


def matches(got: str, wanted: str) -> bool:
    return got == wanted


# --- the URLs -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    namespace: str
    pattern: URLPattern
    kwargs: tuple[str, ...]
    route: str  # the whole pattern, from the root


def routes(patterns=None, namespace: str = "", prefix: str = "") -> list[Route]:
    """Every URL pattern of the configuration, through includes of any depth."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace]))
            found.extend(routes(pattern.url_patterns, inner, route))
        else:
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            kwargs = tuple(pattern.pattern.regex.groupindex)
            found.append(Route(name, namespace, pattern, kwargs, route))
    return found


ARGUMENT = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def rule_for(route: Route) -> Rule | None:
    return RULES.get(route.name) or NAMESPACE_RULES.get(route.namespace.split(":")[0])


def fill(route: Route, rule: Rule, objects: dict, *, month: str = "2026-03") -> str | None:
    """The route's URL with the tenant's objects in its arguments."""
    if route.namespace == "admin":
        values = {"object_id": "1", "content_type_id": "1", "id": "1", "pk": "1", "url": "x"}
        values["app_label"] = "accounts"
    else:
        values = {
            "location_id": objects["location"],
            "slug": objects["slug"],
            "pk": objects.get(rule.kind),
            "token": objects["token"],
            "number": objects["template"],
            "month": month,
            "file_format": "pdf",
            "uidb64": "MQ",
            "key": "not-a-real-invitation",
            "code": objects.get("signup_code"),
            "cancel_token": objects.get("cancel_token"),
        }
        if route.namespace == "accounts":
            values["token"] = "set-password"
    kwargs = {name: values[name] for name in route.kwargs}
    if route.pattern.name is None:  # the admin's unnamed redirects
        return "/" + ARGUMENT.sub(lambda m: str(kwargs[m.group(1) or m.group(2)]), route.route)
    return reverse(route.name, kwargs=kwargs)


# --- the data -------------------------------------------------------------------------------
def _tenant_objects(world, key, location, advisor, capture) -> dict:
    region_ = location.region
    membership = Membership.objects.create(location=location, status="active", advisor=advisor)
    note = AdvisorNote.objects.create(
        membership=membership,
        author=advisor,
        happened_on=date(2026, 3, 2),
        text="Møte",
        follow_up_on=date(2026, 3, 20),
    )
    people = [
        Employee.objects.create(
            location=location, first_name="Ansatt", last_name=key, email=f"a@{key}.example.com"
        ),
        *orders.employees(location, 3, prefix=f"Kollega{key}"),
    ]
    ticket_order = orders.ticket_order(location, people, national("company-ticket"), start=MARCH)
    wave = dispatch(make_wave(location), advisor, capture)
    invitation = wave.invitations.order_by("id").first()
    question = Question.objects.create(
        region=region_, step=0, kind=Question.Kind.TEXT, text={"en": f"Question {key}"}
    )
    product = Product.objects.create(
        code=f"own-{key.lower()}",
        region=region_,
        name={"en": f"Own {key}"},
        description={"en": "x"},
        kind=Product.Kind.SERVICE,
        billing=Product.Billing.ONCE,
    )
    key_, _raw = handoff.handoff_key_create(actor=advisor, region=region_, name=f"Key {key}")
    application = Application.objects.create(
        region=region_,
        language="en",
        company_name=f"Søker {key}",
        organisation_number="923609016",
        sector="retail",
        location_name="X",
        street_address="Storgata 1",
        postcode="1706",
        municipality="Sarpsborg",
        employee_count=4,
        contact_first_name="Kari",
        contact_last_name="Hansen",
        contact_email=f"kari@{key}.example.com",
        contact_phone="+4791234567",
        contact_title="HR",
        email_confirmed_at=timezone.now(),
    )
    plan = approved_plan_with_bike_check(location, year=2027, advisor=advisor)
    own_activity = national_type("stand")
    own_activity.pk, own_activity.region, own_activity.code = None, region_, f"stand-{key}"
    own_activity.save()
    return {
        "activity_type": own_activity.pk,
        "plan": plan.pk,
        "planned": plan.lines.get(activity_type__code="bike-check").pk,
        "location": location.pk,
        "slug": region_.slug,
        "member": membership.pk,
        "note": note.pk,
        "contact": Role.objects.filter(location=location, kind=Role.Kind.CONTACT_PERSON).first().pk,
        "contact_user": Role.objects.filter(location=location, kind=Role.Kind.CONTACT_PERSON)
        .order_by("pk")
        .first()
        .user_id,
        "application": application.pk,
        "employee": people[0].pk,
        "import": employee_import_prepare(
            location=location,
            actor=advisor,
            # One row to import, one refused (its row comes back as a file to fix).
            upload=csv_upload(
                f"Fornavn;Etternavn;E-post\nNy;Person;ny@{key}.example.com\n"
                f"Uten;;uten@{key}.example.com\n"
            ),
        ).pk,
        "document": make_document(actor=advisor, location=location, title=f"Avtale {key}").pk,
        "wave": wave.pk,
        "factor_set": EmissionFactorSet.objects.get(is_default=True, country="").pk,
        "token": invitation_link_issue(invitation.pk),
        "question": question.pk,
        "product": product.pk,
        "order": ticket_order.pk,
        "ticket": ticket_order.tickets.first().pk,
        "handoff_key": key_.pk,
        "organisation": location.organisation_id,
        **activities.matrix_objects(location, advisor),
    }


def png() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (0, 90, 160)).save(out, format="PNG")
    return SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def tenants(world, django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SURVEY_MAIL_PER_MINUTE = 100_000
    settings.OUTBOX_VISIBLE = False
    template_seed_standard()
    template = template_version_draft(actor=world.coordinator)
    catalogue.seed()
    make_seller(world.region)
    make_seller(world.other_region)
    make_seller(
        world.third_region,
        legal_name="Rogaland fylkeskommune",
        organisation_number="971045698",
        vat_number="NO971045698MVA",
        city="Sandnes",
        invoice_prefix="NJ-",
    )
    places = {
        "A": (world.location, world.advisor),
        "B": (world.other_location, world.other_advisor),
        "C": (world.third_location, world.coordinator),
    }
    for index, (location, _advisor) in enumerate(places.values()):
        catalogue.offer(location.region, "company-ticket", "199.00", includes_vat=True)
        number = VALID_NUMBERS[index] if location.organisation.country_id == "NO" else "12345678"
        make_buyer(location.organisation, number, "", "Storgata 1", "4306", "Sandnes")
    made = {
        key: _tenant_objects(world, key, location, advisor, django_capture_on_commit_callbacks)
        for key, (location, advisor) in places.items()
    }
    for location, advisor in places.values():  # a logo each, shown with consent
        organisation_logo_set(organisation=location.organisation, upload=png(), actor=advisor)
        region_logo_set(region=location.region, upload=png(), actor=advisor)
        Membership.objects.filter(location=location).update(logo_consent=True)
    for key, (location, _advisor) in places.items():
        run_month(location.region)
        made[key]["run"] = InvoiceRun.objects.get(region=location.region).pk
        invoice = Invoice.objects.filter(organisation=location.organisation).first()
        made[key]["invoice"] = invoice.pk if invoice else None
        made[key]["template"] = template.number
        made[key]["outbox"] = 1
        # National objects, the same in every tenant.
        made[key]["vat_rate"] = VatRate.objects.first().pk
        made[key]["template_question"] = template.questions.first().pk
        # A region's certification tiers, and its member evaluated for 2026.
        made[key]["tier"] = tiers_default_create(actor=None, region=location.region)[0].pk
        certification_evaluate_region(region_id=location.region_id, year=2026)
        made[key]["evaluation"] = Evaluation.objects.get(location=location, year=2026).pk
    return made


def visitors(world, tenants) -> list[Visitor]:
    # The employee has opened their own survey (tenant A) in this browser.
    return [
        Visitor("anonymous"),
        Visitor("employee with a survey link", token=True),
        Visitor("contact of Fredrikstad Fisk", world.contact, contact_of=frozenset("A")),
        Visitor("contact of Twentse Tegels", world.other_contact, contact_of=frozenset("B")),
        Visitor(
            "Mari (staff A, contact C)",
            world.staff_and_contact,
            staff_of=frozenset("A"),
            contact_of=frozenset("C"),
        ),
        Visitor("advisor of Nedre Glomma", world.advisor, staff_of=frozenset("A")),
        Visitor("advisor of Overijssel", world.other_advisor, staff_of=frozenset("B")),
        Visitor("coordinator", world.coordinator, all_regions=True),
    ]


def client_for(visitor: Visitor, tenants) -> Client:
    client = Client()
    if visitor.user is not None:
        client.force_login(visitor.user)
    if visitor.token:
        client.get(reverse("survey:start", args=[tenants["A"]["token"]]))
    return client


def run_matrix(world, tenants, only: set[str] | None = None) -> list[str]:
    """Every URL × visitor × tenant; the cells that differ from their rule, in words.
    `only` limits it to the URLs of those names (the matrix's own tests of itself)."""
    failures = []
    clients = [(visitor, client_for(visitor, tenants)) for visitor in visitors(world, tenants)]
    for route in routes():
        if only is not None and route.name not in only:
            continue
        rule = rule_for(route)
        if rule is None:
            failures.append(f"{route.name} ({route.pattern.pattern}) has no declared access rule")
            continue
        if rule.access is Access.ADMIN:
            cells = [None]
        elif route.kwargs and rule.access in (Access.REGION, Access.COMPANY):
            cells = TENANTS
        else:
            cells = [None]
        for tenant in cells:
            objects = tenants[tenant or "A"]
            if rule.kind and objects.get(rule.kind) is None:
                failures.append(f"{route.name}: the data set has no {rule.kind} in {tenant}")
                continue
            target = fill(route, rule, objects)
            for visitor, client in clients:
                wanted = expected(rule, visitor, tenant)
                got = outcome(client.get(target))
                # A POST-only page may refuse a GET before its guard runs: its POST decides.
                if got != "405" and not matches(got, wanted):
                    failures.append(f"GET {target} as {visitor.name}: {got}, expected {wanted}")
                if wanted != ALLOWED and route.namespace != "admin":
                    # Refused by GET must be refused by POST too (a POST-only page whose
                    # method check comes before its guard would answer 405 to anyone).
                    got = outcome(client.post(target, {}))
                    if not matches(got, wanted):
                        failures.append(
                            f"POST {target} as {visitor.name}: {got}, expected {wanted}"
                        )
        if rule.access is Access.TOKEN:
            bogus = reverse(route.name, kwargs={**_sample(route), "token": "not-a-real-token"})
            for visitor, client in clients:
                got = outcome(client.get(bogus))
                if got == "405":
                    got = outcome(client.post(bogus, {}))
                if got != REFUSED:
                    failures.append(f"GET {bogus} as {visitor.name}: {got}, expected 404")
    return failures


def _sample(route: Route) -> dict:
    return {name: 1 for name in route.kwargs if name != "token"}


def test_every_url_answers_each_visitor_as_its_rule_says(world, tenants):
    failures = run_matrix(world, tenants)
    assert failures == [], "\n".join(failures)


def test_every_declared_rule_names_a_url_that_exists():
    names = {route.name for route in routes()}
    assert set(RULES) - names == set()


# --- the matrix can fail --------------------------------------------------------------------
def unprotected(request, pk):
    return HttpResponse(f"Invoice {pk}: everything about it")


def login_only(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return HttpResponse(f"Invoice {pk}")


urlpatterns = [
    *config_urls.urlpatterns,
    path("staff/leak/<int:pk>/", unprotected, name="test_leak"),
    path("staff/half-guarded/<int:pk>/", login_only, name="test_half_guarded"),
]


@pytest.mark.urls(__name__)
def test_an_unprotected_view_without_a_rule_fails_the_matrix(world, tenants):
    failures = run_matrix(world, tenants, only={"test_leak"})
    assert any("test_leak" in line and "no declared access rule" in line for line in failures)


@pytest.mark.urls(__name__)
def test_an_unprotected_view_declared_as_staff_fails_the_matrix(world, tenants, monkeypatch):
    monkeypatch.setitem(RULES, "test_leak", region("invoice"))
    monkeypatch.setitem(RULES, "test_half_guarded", region("invoice"))
    failures = run_matrix(world, tenants, only={"test_leak", "test_half_guarded"})
    leak = [line for line in failures if "/staff/leak/" in line]
    half = [line for line in failures if "/staff/half-guarded/" in line]
    assert any("as anonymous: allowed, expected to the login page" in line for line in leak)
    assert any("contact of Fredrikstad Fisk: allowed" in line for line in leak)
    assert any("advisor of Overijssel: allowed, expected 404" in line for line in half)
    assert "anonymous" not in " ".join(half)
    assert all("leak" in line or "half-guarded" in line for line in failures)
