import sys
from pathlib import Path

import pytest
from django.conf import settings

from pendel.invoicing.tests.builders import make_billing


@pytest.fixture(scope="session")
def peppol():
    """The offline Peppol BIS Billing 3.0 validator (XSD, EN 16931, Peppol and national
    rules), compiled once for the whole test session."""
    sys.path.insert(0, str(Path(settings.BASE_DIR).parent / "shared" / "peppol"))
    from validate import Validator

    return Validator()


@pytest.fixture
def valid_peppol(peppol):
    """Assert that an XML document has no fatal finding; returns the warnings."""

    def check(xml: bytes) -> list:
        findings = peppol.validate_bytes(xml)
        fatal = [finding for finding in findings if finding[0] == "fatal"]
        assert not fatal, "\n".join(f"{rule} {text} @ {where}" for _f, rule, text, where in fatal)
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
