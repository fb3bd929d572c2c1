import pytest

from pendel.catalogue.tests import builders as catalogue
from pendel.companies.models import Membership, MembershipStatus
from pendel.core.dates import current_month


@pytest.fixture
def shop(world):
    """Company tickets and events offered with prices in both regions of the world."""
    catalogue.seed()
    catalogue.offer(world.region, "company-ticket", "199.00", includes_vat=True)
    catalogue.offer(world.region, "event", "5000.00")
    catalogue.offer(world.region, "ebike-leasing", "450.00")
    catalogue.offer(world.other_region, "company-ticket", "95.00", includes_vat=True)
    for location in (world.location, world.other_location):  # ordering needs a member
        Membership.objects.create(location=location, status=MembershipStatus.ACTIVE)
    return world


@pytest.fixture
def this_month(world):
    return current_month(world.region.time_zone)
