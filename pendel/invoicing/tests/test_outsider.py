"""Every page of the catalogue, orders and invoicing, opened by the outsider: the advisor of
another region. Anything of our region is a 404 (GET and POST alike) and changes nothing;
lists show none of it; the coordinator's pages are refused to every advisor (404); Min
side is refused to staff (404)."""

import pytest
from django.urls import get_resolver, reverse

from pendel.catalogue.models import Price, Product
from pendel.catalogue.tests.builders import national
from pendel.core.models import AuditEvent
from pendel.invoicing.models import Invoice, InvoiceRun
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.orders.handoff import handoff_key_create
from pendel.orders.models import Order, Ticket
from pendel.orders.tests import builders as orders

APPS = ("pendel.catalogue", "pendel.orders", "pendel.invoicing")


@pytest.fixture
def ours(billing):
    world = billing.world
    order = orders.ticket_order(
        world.location, orders.employees(world.location, 3), national("company-ticket"), start=MARCH
    )
    run_month(billing.no)
    key, _raw = handoff_key_create(actor=world.advisor, region=world.region, name="Billett")
    addon = Product.objects.create(
        region=world.region,
        code="city-bikes",
        kind="subscription",
        billing="monthly",
        name={"nb": "Bysykkel"},
    )
    return {
        "slug": world.region.slug,
        "invoice": Invoice.objects.get().pk,
        "run": InvoiceRun.objects.get().pk,
        "order": order.pk,
        "ticket": order.tickets.first().pk,
        "key": key.pk,
        "addon": addon.pk,
        "org": world.company.pk,
        "product": national("event").pk,
    }


# url name -> the arguments that point at something of our region
OBJECT_PAGES = {
    "staff:region_catalogue": ["slug"],
    "staff:region_prices": ["slug"],
    "staff:region_product_create": ["slug"],
    "staff:offer_toggle": ["slug", "product"],
    "staff:product_edit": ["addon"],
    "staff:ticket_handoff_csv": ["slug", "month"],
    "staff:ticket_handoff_json": ["slug", "month"],
    "staff:handoff_key_create": ["slug"],
    "staff:handoff_key_revoke": ["key"],
    "staff:invoice_run_detail": ["run"],
    "staff:invoice_run_send": ["run"],
    "staff:invoice_run_issue": ["run"],
    "staff:invoice_run_discard": ["run"],
    "staff:invoice_detail": ["invoice"],
    "staff:invoice_pdf": ["invoice"],
    "staff:invoice_xml": ["invoice"],
    "staff:invoice_specification": ["invoice"],
    "staff:invoice_credit": ["invoice"],
    "staff:invoice_payment": ["invoice"],
    "staff:invoice_send": ["invoice"],
    "staff:invoice_check": ["invoice"],
    "staff:seller_profile": ["slug"],
    "staff:billing_settings": ["org"],
}
LISTS = [
    "staff:catalogue_list",
    "staff:vat_rate_list",
    "staff:order_list",
    "staff:ticket_handoff",
    "staff:invoice_run_list",
    "staff:invoice_list",
    "staff:invoice_overdue",
]
COORDINATOR_ONLY = ["staff:national_product_create", "staff:vat_rate_create"]
COMPANY_PAGES = {
    "company:catalogue": [],
    "company:ticket_list": [],
    "company:ticket_order": [],
    "company:ticket_cancel": ["ticket"],
    "company:order_list": [],
    "company:order_create": [],
    "company:order_cancel": ["order"],
    "company:invoice_list": [],
    "company:billing_settings": [],
    "company:invoice_detail": ["invoice"],
    "company:invoice_pdf": ["invoice"],
    "company:invoice_xml": ["invoice"],
    "company:invoice_specification": ["invoice"],
}
POST = {
    "enabled": "0",
    "name": "X",
    "form": "price",
    "product": "1",
    "basis": "fixed",
    "amount": "1",
    "valid_from": "2026-01-01",
    "code": "x",
    "kind": "service",
    "billing": "once",
    "name_nb": "X",
    "sort_order": "1",
    "received_on": "2026-03-20",
    "reason": "x",
    "whole": "on",
    "how": "elsewhere",
    "legal_name": "X",
    "invoice_per_location": "on",
    "from_month": "2026-12",
}


def url(name: str, args: list, ours: dict) -> str:
    return reverse(name, args=[("2026-03" if a == "month" else ours[a]) for a in args])


def snapshot() -> tuple:
    return (
        list(
            Invoice.objects.values_list(
                "status", "paid_total", "sent_at", "credited_total", "validation"
            )
        ),
        Invoice.objects.count(),
        Price.objects.count(),
        Product.objects.count(),
        list(Order.objects.values_list("end_month", flat=True)),
        list(Ticket.objects.values_list("end_month", flat=True)),
        AuditEvent.objects.count(),
    )


def test_the_matrix_covers_every_page_of_the_three_apps():
    names = set()
    for pattern in get_resolver().url_patterns:
        for sub in getattr(pattern, "url_patterns", []):
            callback = getattr(sub, "callback", None)
            if callback is not None and callback.__module__.startswith(APPS):
                names.add(f"{pattern.namespace}:{sub.name}")
    covered = {
        *OBJECT_PAGES,
        *LISTS,
        *COORDINATOR_ONLY,
        "staff:vat_rate_confirm",
        "staff:invoice_run_start",
        *COMPANY_PAGES,
    }
    assert names == covered


@pytest.mark.parametrize("name", OBJECT_PAGES)
def test_the_outsider_gets_404_and_nothing_changes(client, world, ours, name):
    client.force_login(world.other_advisor)
    before = snapshot()
    target = url(name, OBJECT_PAGES[name], ours)
    assert client.get(target).status_code == 404
    assert client.post(target, POST).status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("name", LISTS)
def test_the_outsiders_lists_show_nothing_of_ours(client, world, ours, name):
    client.force_login(world.other_advisor)
    page = client.get(reverse(name)).content.decode()
    for secret in ("Fredrikstad Fisk", "NG-000001", "nedre-glomma", "Nedre Glomma"):
        assert secret not in page


@pytest.mark.parametrize("name", COORDINATOR_ONLY)
def test_the_coordinators_pages_are_refused_to_every_advisor(client, world, ours, name):
    before = snapshot()
    for advisor in (world.advisor, world.other_advisor):
        client.force_login(advisor)
        assert client.get(reverse(name)).status_code == 404
        assert client.post(reverse(name), POST).status_code == 404
    assert snapshot() == before


def test_confirming_a_vat_rate_is_refused_to_advisors(client, world, ours):
    from pendel.catalogue.models import VatRate

    rate = VatRate.objects.filter(confirmed=False).first()
    client.force_login(world.other_advisor)
    response = client.post(reverse("staff:vat_rate_confirm", args=[rate.pk]), POST)
    assert response.status_code == 404
    rate.refresh_from_db()
    assert not rate.confirmed


def test_the_outsider_cannot_start_our_run(client, world, ours):
    client.force_login(world.other_advisor)
    before = snapshot()
    client.post(
        reverse("staff:invoice_run_start"), {"region": world.region.pk, "period": "2026-04"}
    )
    assert snapshot() == before
    assert InvoiceRun.objects.count() == 1


@pytest.mark.parametrize("name", COMPANY_PAGES)
def test_min_side_is_refused_to_the_outsider(client, world, ours, name):
    client.force_login(world.other_advisor)
    assert client.get(url(name, COMPANY_PAGES[name], ours)).status_code == 404


@pytest.mark.parametrize("name", [n for n, args in COMPANY_PAGES.items() if args])
def test_another_companys_contact_gets_404_on_our_objects(client, world, ours, name):
    client.force_login(world.other_contact)
    before = snapshot()
    target = url(name, COMPANY_PAGES[name], ours)
    assert client.get(target).status_code == 404
    assert client.post(target, POST).status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize(
    "name", ["company:ticket_list", "company:ticket_order", "company:order_create"]
)
def test_another_companys_contact_cannot_pick_our_location(client, world, ours, name):
    client.force_login(world.other_contact)
    response = client.get(reverse(name), {"location": world.location.pk})
    assert response.status_code == 404
