"""The demo billing runs on top of the portal's demo, twice, and every document it makes is
a valid Peppol invoice or credit note. Where the seeded VAT rates are confirmed (Norway)
the run is issued; where they are not (Sweden's 6 %, the Netherlands'), it waits in review,
its drafts checked and blocked until the coordinator confirms the rate."""

from pendel.invoicing.demo import seed_demo_billing
from pendel.invoicing.models import DraftInvoice, Invoice, InvoiceRun
from pendel.invoicing.ubl import invoice_xml
from pendel.portal.demo import seed_demo


def test_the_demo_billing_is_valid_and_idempotent(db, valid_peppol):
    seed_demo()
    seed_demo_billing()
    count = Invoice.objects.count()
    seed_demo_billing()
    assert Invoice.objects.count() == count
    assert set(Invoice.objects.values_list("region__slug", flat=True)) == {
        "nedre-glomma",
        "nord-jaeren",
    }
    assert Invoice.objects.filter(kind="credit_note").count() == 1
    for invoice in Invoice.objects.all():
        valid_peppol(invoice_xml(invoice))
    in_review = InvoiceRun.objects.filter(status="review")
    assert set(in_review.values_list("region__slug", flat=True)) == {
        "jamtland-harjedalen",
        "overijssel",
    }
    drafts = DraftInvoice.objects.filter(run__in=in_review)
    assert drafts.exists()
    assert not drafts.filter(validation="failed").exists()


def test_the_demo_companies_have_billing_data_and_routes(db):
    from pendel.companies.identifiers import buyer_vat_problem, peppol_id_problem
    from pendel.companies.models import Organisation
    from pendel.invoicing.routes import delivery_route

    seed_demo()
    organisations = list(Organisation.objects.select_related("invoice_contact"))
    assert all(o.invoice_street and o.invoice_city and o.invoice_country for o in organisations)
    for organisation in organisations:
        country, number = organisation.country_id, organisation.organisation_number
        assert buyer_vat_problem(country, number, organisation.vat_number) == ""
        assert peppol_id_problem(organisation.peppol_id) == ""
    routes = {(o.country_id, delivery_route(o).kind) for o in organisations}
    assert ("SE", "peppol") in routes and ("SE", "email") in routes
    assert ("NL", "none") in routes  # the back office shows one customer without a route
    nordvei = Organisation.objects.get(name="Nordvei Logistikk AS")
    assert nordvei.invoice_contact is not None
