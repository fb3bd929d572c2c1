import pytest

from pendel.catalogue.tests import builders


@pytest.fixture
def seeded(world):
    """The national catalogue and the VAT rates of Norway and the Netherlands."""
    builders.seed()
    return world
