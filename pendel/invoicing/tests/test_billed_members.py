"""Tickets and orders are billed only to members: a location whose membership is only
applied for or approved (agreement not signed) is not billed for them."""

import pytest

from pendel.catalogue.tests.builders import national
from pendel.companies.models import Membership, MembershipStatus
from pendel.invoicing.billing import plan_region_month
from pendel.invoicing.tests.builders import MARCH
from pendel.orders.tests import builders as orders


@pytest.mark.parametrize(
    ("status", "billed"),
    [
        (MembershipStatus.APPROVED, False),
        (MembershipStatus.APPLIED, False),
        (MembershipStatus.ACTIVE, True),
        (MembershipStatus.QUALIFIED, True),
    ],
)
def test_tickets_of_a_location_are_billed_only_when_it_is_a_member(billing, status, billed):
    location = billing.world.location
    Membership.objects.create(location=location, status=status)
    orders.ticket_order(
        location, orders.employees(location, 2), national("company-ticket"), start=MARCH
    )
    orders.product_order(location, national("event"), start=MARCH)
    plan = plan_region_month(billing.no, MARCH)
    organisations = {draft.organisation_id for draft in plan.drafts}
    assert (location.organisation_id in organisations) is billed
