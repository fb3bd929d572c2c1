"""The demo billing runs on top of the portal's demo, twice, and every document it makes is
a valid Peppol invoice or credit note."""

from pendel.invoicing.demo import seed_demo_billing
from pendel.invoicing.models import Invoice
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
        "jamtland-harjedalen",
        "overijssel",
    }
    assert Invoice.objects.filter(kind="credit_note").count() == 1
    for invoice in Invoice.objects.all():
        valid_peppol(invoice_xml(invoice))
