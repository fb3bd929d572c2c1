"""The invoice PDF takes its region's colour for the headings (darkened to read on white);
what it says (amounts, labels) does not depend on the colour."""

import base64
import re
import zlib

import pytest

from pendel.catalogue.tests.builders import national
from pendel.core.colours import heading_colour
from pendel.invoicing.models import Invoice
from pendel.invoicing.pdf import invoice_pdf, invoice_texts
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.orders.tests import builders as orders
from pendel.regions.models import Region


@pytest.fixture
def invoice(billing):
    location = billing.world.location
    orders.ticket_order(
        location, orders.employees(location, 3), national("company-ticket"), start=MARCH
    )
    run_month(billing.no)
    return Invoice.objects.select_related("region").get()


def page_streams(pdf: bytes) -> str:
    """The drawing instructions of the PDF (reportlab writes them ASCII85 and Flate encoded)."""
    streams = []
    for raw in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        data = raw.strip()
        if data.endswith(b"~>"):
            data = base64.a85decode(data[:-2])
        try:
            streams.append(zlib.decompress(data).decode("latin-1"))
        except zlib.error:
            streams.append(data.decode("latin-1"))
    return "\n".join(streams)


def fills(streams: str) -> set[tuple[float, float, float]]:
    return {
        tuple(round(float(n), 2) for n in match)
        for match in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", streams)
    }


def rgb(colour: str) -> tuple[float, float, float]:
    return tuple(round(int(colour[i : i + 2], 16) / 255, 2) for i in (1, 3, 5))


def test_the_headings_take_the_region_colour_and_the_texts_stay(invoice):
    Region.objects.filter(pk=invoice.region_id).update(brand_colour="#ffcc00")
    yellow = Invoice.objects.select_related("region").get(pk=invoice.pk)
    Region.objects.filter(pk=invoice.region_id).update(brand_colour="#0b5cad")
    blue = Invoice.objects.select_related("region").get(pk=invoice.pk)

    assert invoice_texts(yellow) == invoice_texts(blue)
    yellow_pdf, blue_pdf = invoice_pdf(yellow), invoice_pdf(blue)
    assert yellow_pdf != blue_pdf
    # Not the raw yellow (unreadable on white) but its darkened heading colour.
    colours = fills(page_streams(yellow_pdf))
    assert rgb(heading_colour("#ffcc00")) in colours
    assert rgb("#ffcc00") not in colours
