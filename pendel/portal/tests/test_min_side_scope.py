"""Every Min side page, opened by the dual-role user: Mari is region staff in Nedre Glomma
and contact person of Sandnes Sykkel in Nord-Jæren. On Min side she sees Sandnes Sykkel and
nothing else: not the companies of the region she works in (Fredrikstad Fisk), not the
other company of the region her company is in (Stavanger Sjømat). Anything of theirs is a
404 and changes nothing; so it is for an outsider."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import get_resolver, reverse
from PIL import Image

from pendel.activities.tests import events_builders
from pendel.activities.tests.builders import plan_with_lines
from pendel.catalogue.tests import builders as catalogue
from pendel.catalogue.tests.builders import national
from pendel.companies.models import Organisation
from pendel.companies.services import organisation_logo_set
from pendel.core.models import AuditEvent
from pendel.documents.tests.factories import make_document
from pendel.employees.models import Employee, EmployeeImport
from pendel.employees.services import employee_import_prepare
from pendel.employees.tests.files import csv_upload
from pendel.invoicing.models import Invoice
from pendel.invoicing.tests.builders import MARCH, VALID_NUMBERS, make_buyer, make_seller, run_month
from pendel.orders.models import Order, Ticket
from pendel.orders.tests import builders as orders
from pendel.surveys.services import template_seed_standard
from pendel.surveys.tests.conftest import answer, dispatch, make_wave

# A person of each company, by the name that would show where it leaks.
PEOPLE = {"third": "Sigrid Sykkelsen", "fourth": "Solveig Sjømatsen", "first": "Frode Fiskesen"}
OURS = ["Sandnes Sykkel AS", "Sigrid Sykkelsen"]
THEIRS = [
    "Fredrikstad Fisk",
    "Fredrikstad",
    "Frode Fiskesen",
    "Stavanger Sjømat",
    "Stavanger",
    "Solveig Sjømatsen",
    "Nedre Glomma",
    "hr@fisk.example.com",
]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SURVEY_MAIL_PER_MINUTE = 100_000


def _company_objects(world, location, key, actor, django_capture_on_commit_callbacks):
    """One of everything Min side shows, at one location."""
    first, last = PEOPLE[key].split()
    people = [
        Employee.objects.create(
            location=location,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}@{key}.example.com",
            language="en",
        ),
        *orders.employees(location, 5, prefix=f"Kollega{key}"),
    ]
    ticket_order = orders.ticket_order(location, people, national("company-ticket"), start=MARCH)
    wave = dispatch(make_wave(location), actor, django_capture_on_commit_callbacks)
    for invitation in wave.invitations.order_by("id")[:5]:
        answer(invitation)
    plan = plan_with_lines(location, 2027, [("stand", 4)])
    return {
        **events_builders.matrix_objects(location, actor),
        "plan": plan.pk,
        "line": plan.lines.get(activity_type__code="stand").pk,
        "employee": people[0].pk,
        "import": employee_import_prepare(
            location=location,
            actor=actor,
            # One row to import, one refused (its row comes back as a file to fix).
            upload=csv_upload(
                f"Fornavn;Etternavn;E-post\nNy;Person;ny@{key}.example.com\n"
                f"Uten;;uten@{key}.example.com\n"
            ),
        ).pk,
        "document": make_document(
            actor=actor, location=location, title=f"Avtale {location.organisation.name}"
        ).pk,
        "wave": wave.pk,
        "order": ticket_order.pk,
        "ticket": ticket_order.tickets.first().pk,
        "location": location.pk,
    }


def png() -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 20), (0, 90, 160)).save(out, format="PNG")
    return SimpleUploadedFile("logo.png", out.getvalue(), content_type="image/png")


@pytest.fixture
def companies(world, django_capture_on_commit_callbacks):
    """Sandnes Sykkel (Mari's), Stavanger Sjømat (same region) and Fredrikstad Fisk (the
    region Mari works in), each with employees, an import, a document, tickets, a sent
    survey with answers and an issued invoice."""
    template_seed_standard()
    catalogue.seed()
    make_seller(world.region)
    make_seller(
        world.third_region,
        legal_name="Rogaland fylkeskommune",
        organisation_number="971045698",
        vat_number="NO971045698MVA",
        city="Sandnes",
        invoice_prefix="NJ-",
    )
    for region in (world.region, world.third_region):
        catalogue.offer(region, "company-ticket", "199.00", includes_vat=True)
        catalogue.offer(region, "event", "5000.00")
    for index, organisation in enumerate(
        (world.company, world.third_company, world.fourth_company)
    ):
        make_buyer(organisation, VALID_NUMBERS[index], "", "Storgata 1", "4306", "Sandnes")
    made = {
        "third": _company_objects(
            world, world.third_location, "third", world.advisor, django_capture_on_commit_callbacks
        ),
        "fourth": _company_objects(
            world,
            world.fourth_location,
            "fourth",
            world.advisor,
            django_capture_on_commit_callbacks,
        ),
        "first": _company_objects(
            world, world.location, "first", world.advisor, django_capture_on_commit_callbacks
        ),
    }
    companies_with_logos = (
        world.company,
        world.other_company,
        world.third_company,
        world.fourth_company,
    )
    for organisation in companies_with_logos:
        organisation_logo_set(organisation=organisation, upload=png(), actor=world.advisor)
    run_month(world.region)
    run_month(world.third_region)
    for key, location in (
        ("third", world.third_location),
        ("fourth", world.fourth_location),
        ("first", world.location),
    ):
        invoice = Invoice.objects.get(organisation=location.organisation)
        made[key].update(invoice=invoice.pk, number=invoice.number)
    return made


# url name -> (method, the objects in its arguments); "format" is a survey export's format.
PAGES = {
    "company:home": ("get", []),
    "company:organisation_choice": ("get", []),
    "company:contact_list": ("get", []),
    "company:catalogue": ("get", []),
    "company:employee_list": ("get", []),
    "company:employee_create": ("get", []),
    "company:employee_export": ("get", []),
    "company:employee_import": ("get", []),
    "company:employee_import_confirm": ("get", ["import"]),
    "company:employee_import_discard": ("post", ["import"]),
    "company:employee_import_bad_rows": ("get", ["import"]),
    "company:employee_edit": ("get", ["employee"]),
    "company:employee_end": ("get", ["employee"]),
    "company:employee_erase": ("get", ["employee"]),
    "company:employee_data_export": ("post", ["employee"]),
    "company:document_list": ("get", []),
    "company:document_upload": ("get", []),
    "company:document_download": ("get", ["document"]),
    "company:survey_list": ("get", []),
    "company:survey_results": ("get", ["wave"]),
    "company:survey_export": ("get", ["wave", "format"]),
    "company:ticket_list": ("get", []),
    "company:ticket_order": ("get", []),
    "company:ticket_cancel": ("get", ["ticket"]),
    "company:order_list": ("get", []),
    "company:order_create": ("get", []),
    "company:order_cancel": ("get", ["order"]),
    "company:invoice_list": ("get", []),
    "company:billing_settings": ("get", []),
    "company:billing_details": ("get", []),
    "company:logo": ("get", []),
    "company:logo_image": ("get", []),
    "company:invoice_detail": ("get", ["invoice"]),
    "company:invoice_pdf": ("get", ["invoice"]),
    "company:invoice_xml": ("get", ["invoice"]),
    "company:invoice_specification": ("get", ["invoice"]),
    "company:climate_emissions": ("get", []),
    "company:climate_wave_emissions": ("get", ["wave"]),
    "company:activity_plan_list": ("get", []),
    "company:activity_plan": ("get", ["location"]),
    "company:activity_plan_line": ("get", ["line"]),
    "company:activity_plan_line_remove": ("post", ["line"]),
    "company:activity_plan_submit": ("post", ["plan"]),
    "company:event_list": ("get", []),
    "company:event_detail": ("get", ["event"]),
    "company:event_poster": ("get", ["event"]),
    "company:event_photo_consent": ("post", ["event"]),
    "company:event_photo": ("get", ["photo"]),
    "company:certification": ("get", []),
}
# POST pages that send Mari on after doing (or refusing) what she asked, on her own company.
REDIRECTS = {
    "company:employee_import_discard",
    "company:activity_plan_line_remove",
    "company:activity_plan_submit",
    "company:event_photo_consent",
}
# Pages that take ?location= and fall back to the first location without it.
AT_LOCATION = [
    "company:employee_list",
    "company:employee_create",
    "company:employee_export",
    "company:employee_import",
    "company:ticket_list",
    "company:ticket_order",
    "company:order_create",
]
OBJECT_PAGES = [name for name, (_method, args) in PAGES.items() if args]
# What each list shows of the company, by the names the dual-role user must (not) see.
LISTS = {
    "company:home": ["Sandnes Sykkel AS"],
    "company:contact_list": ["mari@example.com"],
    "company:catalogue": ["HjemJobbHjem Nord-Jæren"],
    "company:employee_list": ["Sigrid Sykkelsen"],
    "company:employee_export": ["Sigrid"],
    "company:document_list": ["Avtale Sandnes Sykkel AS"],
    "company:survey_list": ["Sandnes"],
    "company:ticket_list": ["Sigrid Sykkelsen"],
    "company:order_list": ["Sandnes"],
    "company:invoice_list": ["NJ-"],
}


POST = {"end_date": "2026-03-31", "from_month": "2026-12", "first_name": "X", "last_name": "Y"}


def body(response) -> str:
    """The page or file as text, whether sent at once or streamed (the employee list)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig")


def url(name: str, objects: dict) -> str:
    args = [("pdf" if arg == "format" else objects[arg]) for arg in PAGES[name][1]]
    return reverse(name, args=args)


def snapshot() -> tuple:
    return (
        list(Employee.objects.order_by("pk").values_list("first_name", "end_date")),
        list(EmployeeImport.objects.order_by("pk").values_list("status", flat=True)),
        list(Ticket.objects.order_by("pk").values_list("end_month", flat=True)),
        list(Order.objects.order_by("pk").values_list("end_month", flat=True)),
        AuditEvent.objects.count(),
    )


def test_the_matrix_covers_every_min_side_page():
    names = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "company":
            names.update(f"company:{sub.name}" for sub in pattern.url_patterns)
    # The invitation link is no page of a company yet: the invited account opens it, whatever
    # it holds (pendel/companies/tests/test_contact_invitations.py).
    assert names - {"company:contact_invitation"} == set(PAGES)
    assert set(AT_LOCATION) <= names and set(LISTS) <= names


@pytest.mark.parametrize("name", PAGES)
def test_the_dual_role_user_opens_every_min_side_page(client, world, companies, name):
    client.force_login(world.staff_and_contact)
    method, _args = PAGES[name]
    response = getattr(client, method)(url(name, companies["third"]))
    assert response.status_code == (302 if name in REDIRECTS else 200)
    if response.get("Content-Type", "").startswith(
        ("text/", "application/json", "application/xml")
    ):
        page = body(response)
        for secret in [*THEIRS, companies["first"]["number"], companies["fourth"]["number"]]:
            assert secret not in page, f"{secret} on {name}"


@pytest.mark.parametrize("name", LISTS)
def test_each_list_shows_exactly_the_one_company(client, world, companies, name):
    client.force_login(world.staff_and_contact)
    page = body(client.get(reverse(name)))
    for wanted in LISTS[name]:
        assert wanted in page
    assert PEOPLE["first"] not in page and PEOPLE["fourth"] not in page


def test_the_invoice_list_shows_the_companys_own_invoice_only(client, world, companies):
    client.force_login(world.staff_and_contact)
    page = client.get(reverse("company:invoice_list")).content.decode()
    assert companies["third"]["number"] in page
    assert companies["fourth"]["number"] not in page
    assert companies["first"]["number"] not in page


@pytest.mark.parametrize("name", AT_LOCATION)
def test_another_companys_location_is_a_404(client, world, companies, name):
    client.force_login(world.staff_and_contact)
    for other in ("first", "fourth"):
        response = client.get(f"{reverse(name)}?location={companies[other]['location']}")
        assert response.status_code == 404


@pytest.mark.parametrize("name", OBJECT_PAGES)
def test_the_objects_of_other_companies_are_404_and_nothing_changes(client, world, companies, name):
    """The region Mari works in (Fredrikstad Fisk) and the other company of her company's
    region (Stavanger Sjømat) alike, by GET and POST."""
    client.force_login(world.staff_and_contact)
    before = snapshot()
    for other in ("first", "fourth"):
        target = url(name, companies[other])
        if PAGES[name][0] == "get":
            assert client.get(target).status_code == 404
        assert client.post(target, POST).status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("name", OBJECT_PAGES)
def test_an_outsider_gets_404_on_every_min_side_object(client, world, companies, name):
    client.force_login(world.other_contact)
    before = snapshot()
    target = url(name, companies["third"])
    if PAGES[name][0] == "get":
        assert client.get(target).status_code == 404
    assert client.post(target, POST).status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("name", [name for name in PAGES if name not in OBJECT_PAGES])
def test_an_outsiders_pages_show_nothing_of_ours(client, world, companies, name):
    client.force_login(world.other_contact)
    response = client.get(reverse(name))
    assert response.status_code == 200
    if response["Content-Type"] == "image/png":  # the logo: their own one, not ours
        theirs = Organisation.objects.get(pk=world.other_company.pk).logo.open("rb").read()
        assert b"".join(response.streaming_content) == theirs
        return
    page = body(response)
    for secret in ("Sandnes", "Sykkel", "Sigrid", companies["third"]["number"]):
        assert secret not in page
