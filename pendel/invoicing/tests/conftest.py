import pytest

from pendel.invoicing import validation
from pendel.invoicing.tests.builders import make_billing


@pytest.fixture(scope="session")
def peppol():
    """The product's Peppol BIS Billing 3.0 validator (UBL XSD, EN 16931, Peppol and
    national rules), compiled once per process."""
    return validation.validator()


@pytest.fixture
def valid_peppol(peppol):
    """Assert that an XML document has no fatal finding; returns the warnings."""

    def check(xml: bytes) -> list[validation.Finding]:
        findings = peppol.validate(xml)
        fatal = [finding for finding in findings if finding.is_fatal]
        assert not fatal, "\n".join(f"{f.rule} {f.text} @ {f.location}" for f in fatal)
        return findings

    return check


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Archived invoices go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def billing(world):
    return make_billing(world)
