"""The back office's document pages: list, upload, download, delete."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pendel.core.models import AuditEvent
from pendel.core.tests.assertions import assert_private_download
from pendel.documents.models import Document
from pendel.documents.tests import samples
from pendel.documents.tests.factories import make_document, stored_files

ALLOWED = "Allowed: PDF, Word, Excel, PowerPoint, OpenDocument, CSV, plain text, PNG and JPEG."


def upload_form(world, filename="Samarbeidsavtale.pdf", content=samples.PDF, **overrides):
    return {
        "file": SimpleUploadedFile(filename, content),
        "title": "Samarbeidsavtale 2025",
        "category": Document.Category.AGREEMENT,
        "location": world.location.pk,
        "visibility": Document.Visibility.REGION,
        **overrides,
    }


def test_the_list_shows_the_regions_documents_with_who_uploaded_them(client, world, archive):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:document_list")).content.decode()

    assert "Samarbeidsavtale 2025" in page
    assert "Interne notater fra møtet" in page
    assert "Aktivitetsplan for hele bedriften" in page
    assert "Whole company" in page
    assert str(world.contact) in page  # uploaded the company-wide plan
    assert "Region staff only" in page
    assert "Convenant Twentse Tegels" not in page


def test_the_list_shows_date_and_size_in_the_users_language(client, world):
    document = make_document(actor=world.advisor, location=world.location, title="Avtale")
    uploaded = datetime(2025, 3, 5, 14, 30, tzinfo=ZoneInfo("Europe/Oslo"))
    Document.objects.filter(pk=document.pk).update(uploaded_at=uploaded, size=2_500_000)
    world.advisor.language = "nb"
    world.advisor.save(update_fields=["language"])

    client.force_login(world.advisor)
    page = client.get(reverse("staff:document_list")).content.decode()

    assert "05.03.2025 14:30" in page
    assert "2,4\xa0MB" in page


def test_the_coordinator_filters_by_company_and_category(client, world, archive):
    client.force_login(world.coordinator)
    url = reverse("staff:document_list")

    page = client.get(url, {"organisation": world.other_company.pk}).content.decode()
    assert "Convenant Twentse Tegels" in page
    assert "Samarbeidsavtale 2025" not in page

    page = client.get(url, {"category": Document.Category.ACTIVITY_PLAN}).content.decode()
    assert "Aktivitetsplan for hele bedriften" in page
    assert "Samarbeidsavtale 2025" not in page
    assert "Convenant Twentse Tegels" not in page


def test_an_advisor_cannot_filter_on_another_regions_company(client, world, archive):
    client.force_login(world.advisor)
    response = client.get(reverse("staff:document_list"), {"organisation": world.other_company.pk})

    assert response.status_code == 200
    assert "Convenant Twentse Tegels" not in response.content.decode()
    assert "Twentse Tegels B.V." not in response.content.decode()  # not even as a choice


def test_an_advisor_uploads_an_internal_document(client, world):
    client.force_login(world.advisor)
    response = client.post(reverse("staff:document_upload"), upload_form(world), follow=True)

    assert response.redirect_chain == [(reverse("staff:document_list"), 302)]
    assert "“Samarbeidsavtale 2025” has been uploaded." in response.content.decode()
    document = Document.objects.get()
    assert document.region == world.region
    assert document.location == world.location
    assert document.visibility == Document.Visibility.REGION
    assert document.uploaded_by == world.advisor


def test_an_advisor_uploads_a_document_for_the_whole_company(client, world):
    client.force_login(world.advisor)
    form = upload_form(world, whole_company="on")
    client.post(reverse("staff:document_upload"), form)

    document = Document.objects.get()
    assert document.organisation == world.company
    assert document.location is None
    assert document.region == world.region


def test_the_upload_form_offers_only_locations_in_the_advisors_regions(client, world):
    client.force_login(world.advisor)
    page = client.get(reverse("staff:document_upload")).content.decode()

    assert 'enctype="multipart/form-data"' in page
    assert "Fredrikstad Fisk AS – Fredrikstad" in page
    assert "Enschede" not in page


def test_an_advisor_cannot_upload_to_another_regions_location(client, world, media):
    client.force_login(world.advisor)
    form = upload_form(world, location=world.other_location.pk)
    response = client.post(reverse("staff:document_upload"), form)

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files(media) == []


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("setup.exe", samples.EXE, f"Files of type .exe cannot be uploaded. {ALLOWED}"),
        ("rapport.pdf", samples.EXE, "The file&#x27;s content does not match its name."),
        ("tom.pdf", b"", "The file is empty."),
        ("stor.pdf", samples.PDF + b"0" * 2048, "The file is larger than 2.0\xa0KB."),
    ],
)
def test_a_refused_file_is_explained_and_nothing_is_stored(
    client, world, media, settings, filename, content, message
):
    settings.DOCUMENT_MAX_BYTES = 2048
    client.force_login(world.advisor)
    response = client.post(reverse("staff:document_upload"), upload_form(world, filename, content))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Document.objects.count() == 0
    assert AuditEvent.objects.filter(object_type="document").count() == 0
    assert stored_files(media) == []


def test_a_download_sends_the_file_under_its_original_name(client, world):
    document = make_document(
        actor=world.contact, location=world.location, title="Rapport", filename="Rapport 2025.pdf"
    )
    client.force_login(world.advisor)
    response = client.get(reverse("staff:document_download", args=[document.pk]))

    assert_private_download(response, filename="Rapport 2025.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Length"] == str(len(samples.PDF))
    assert b"".join(response.streaming_content) == samples.PDF


def test_a_download_keeps_a_name_with_norwegian_letters(client, world):
    document = make_document(
        actor=world.advisor, location=world.location, title="Årsrapport", filename="Årsrapport.pdf"
    )
    client.force_login(world.advisor)
    response = client.get(reverse("staff:document_download", args=[document.pk]))

    assert "filename*=utf-8''%C3%85rsrapport.pdf" in response["Content-Disposition"]


def test_files_have_no_public_address(client, world):
    document = make_document(actor=world.advisor, location=world.location, title="Avtale")
    client.force_login(world.advisor)
    page = client.get(reverse("staff:document_list")).content.decode()

    assert document.file.name not in page
    assert reverse("staff:document_download", args=[document.pk]) in page


def test_an_advisor_deletes_a_document_after_confirming(
    client, world, media, django_capture_on_commit_callbacks
):
    document = make_document(actor=world.contact, location=world.location, title="Gammel plan")
    client.force_login(world.advisor)
    url = reverse("staff:document_delete", args=[document.pk])

    confirmation = client.get(url).content.decode()
    assert "Gammel plan" in confirmation
    assert Document.objects.get().deleted_at is None

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    page = response.content.decode()
    assert "“Gammel plan” has been deleted." in page
    assert "No documents yet." in page
    assert stored_files(media) == []
    download = reverse("staff:document_download", args=[document.pk])
    assert client.get(download).status_code == 404


def test_the_list_costs_the_same_number_of_queries_for_many_documents(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.advisor)
    url = reverse("staff:document_list")
    make_document(actor=world.advisor, location=world.location, title="Første")
    with django_assert_max_num_queries(50) as one:
        client.get(url)
    for number in range(5):
        make_document(actor=world.contact, location=world.location, title=f"Avtale {number}")
    with django_assert_max_num_queries(len(one)):
        client.get(url)
