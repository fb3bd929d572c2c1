"""The invoice's employee specification (CSV, for payroll) writes names that a spreadsheet
would run as formulas as text."""

import csv
import io

from django.urls import reverse

from pendel.catalogue.tests.builders import national
from pendel.invoicing.models import Invoice
from pendel.invoicing.tests.builders import MARCH, run_month
from pendel.orders.tests import builders as orders


def test_a_formula_in_an_employee_name_is_written_as_text(client, billing):
    world = billing.world
    people = orders.employees(world.location, 2)
    people[0].first_name, people[0].last_name = "=1+2", "@SUM(A1)"
    people[0].save()
    orders.ticket_order(world.location, people, national("company-ticket"), start=MARCH)
    run_month(billing.no)
    client.force_login(world.contact)

    response = client.get(reverse("company:invoice_specification", args=[Invoice.objects.get().pk]))

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    names = {(row[5], row[6]) for row in rows[1:]}
    assert ("'=1+2", "'@SUM(A1)") in names
    assert ("Ansatt1", "Test") in names  # ordinary names unchanged
