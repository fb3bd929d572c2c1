import pytest

from pendel.documents.models import Document
from pendel.documents.tests.factories import make_document


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test stores its files in a directory of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def archive(world):
    """Shared, internal and company-wide documents of the company in the region, and a
    shared one of the outsider company in the other region."""
    return {
        "shared": make_document(
            actor=world.advisor, location=world.location, title="Samarbeidsavtale 2025"
        ),
        "internal": make_document(
            actor=world.advisor,
            location=world.location,
            title="Interne notater fra møtet",
            visibility=Document.Visibility.REGION,
            category=Document.Category.OTHER,
        ),
        "company_wide": make_document(
            actor=world.contact,
            location=world.location,
            title="Aktivitetsplan for hele bedriften",
            whole_company=True,
            category=Document.Category.ACTIVITY_PLAN,
        ),
        "other": make_document(
            actor=world.other_advisor,
            location=world.other_location,
            title="Convenant Twentse Tegels",
        ),
    }
