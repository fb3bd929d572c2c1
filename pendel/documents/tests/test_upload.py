"""Uploading to the archive: which files are taken, where they go, who is recorded."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pendel.core.models import AuditEvent
from pendel.documents.models import Document
from pendel.documents.services import (
    document_delete,
    document_store_generated,
    document_upload,
)
from pendel.documents.tests import samples
from pendel.documents.tests.factories import make_document, stored_files

OOXML = "application/vnd.openxmlformats-officedocument."
ALLOWED = "Allowed: PDF, Word, Excel, PowerPoint, OpenDocument, CSV, plain text, PNG and JPEG."


def upload(world, filename: str, content: bytes, **overrides) -> Document:
    arguments = {
        "actor": world.advisor,
        "organisation": world.company,
        "location": world.location,
        "region": world.region,
        "title": "Samarbeidsavtale",
        "category": Document.Category.AGREEMENT,
        "visibility": Document.Visibility.SHARED,
        "file": SimpleUploadedFile(filename, content),
    }
    return document_upload(**{**arguments, **overrides})


def refusal(world, filename: str, content: bytes, **overrides) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        upload(world, filename, content, **overrides)
    return refused.value.messages


def assert_nothing_stored(media) -> None:
    assert Document.objects.count() == 0
    assert AuditEvent.objects.filter(object_type="document").count() == 0
    assert stored_files(media) == []


def test_a_pdf_is_stored_under_a_path_no_one_can_guess(world, media):
    document = upload(world, "Avtale 2025.pdf", samples.PDF)

    assert re.fullmatch(
        rf"documents/{world.region.pk}/[0-9a-f]{{32}}/Avtale_2025\.pdf", document.file.name
    )
    assert stored_files(media) == [document.file.name]
    assert (media / document.file.name).read_bytes() == samples.PDF
    assert document.original_filename == "Avtale 2025.pdf"
    assert document.content_type == "application/pdf"
    assert document.size == len(samples.PDF)
    assert document.uploaded_by == world.advisor


def test_the_audit_event_records_who_uploaded_what(world):
    document = upload(world, "avtale.pdf", samples.PDF)

    event = AuditEvent.objects.get(object_type="document", object_id=str(document.pk))
    assert event.actor == world.advisor
    assert event.action == "document.uploaded"
    assert event.region_id == world.region.pk
    assert event.changes["filename"] == "avtale.pdf"
    assert event.changes["title"] == "Samarbeidsavtale"


@pytest.mark.parametrize(
    ("filename", "content", "content_type"),
    [
        ("avtale.PDF", samples.PDF, "application/pdf"),
        ("logo.png", samples.PNG, "image/png"),
        ("bilde.jpg", samples.JPEG, "image/jpeg"),
        ("bilde.jpeg", samples.JPEG, "image/jpeg"),
        ("plan.docx", samples.DOCX, OOXML + "wordprocessingml.document"),
        ("ansatte.xlsx", samples.XLSX, OOXML + "spreadsheetml.sheet"),
        ("presentasjon.pptx", samples.PPTX, OOXML + "presentationml.presentation"),
        ("plan.odt", samples.ODT, "application/vnd.oasis.opendocument.text"),
        ("tall.ods", samples.ODS, "application/vnd.oasis.opendocument.spreadsheet"),
        ("svar.csv", samples.CSV, "text/csv"),
        ("svar.csv", samples.CSV_WINDOWS, "text/csv"),
        ("notat.txt", samples.TEXT, "text/plain"),
    ],
)
def test_it_takes_each_allowed_type(world, filename, content, content_type):
    document = upload(world, filename, content)
    assert document.content_type == content_type


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("setup.exe", samples.EXE, f"Files of type .exe cannot be uploaded. {ALLOWED}"),
        ("makro.docm", samples.DOCX, f"Files of type .docm cannot be uploaded. {ALLOWED}"),
        ("README", samples.TEXT, f"The file name has no extension. {ALLOWED}"),
        ("rapport.pdf", samples.EXE, "The file's content does not match its name."),
        ("plan.docx", samples.XLSX, "The file's content does not match its name."),
        ("plan.odt", samples.ODS, "The file's content does not match its name."),
        ("svar.csv", samples.EXE, "The file's content does not match its name."),
        ("bilde.png", samples.JPEG, "The file's content does not match its name."),
        ("tom.pdf", b"", "The file is empty."),
    ],
)
def test_it_refuses_a_file_it_does_not_take_and_stores_nothing(
    world, media, filename, content, message
):
    assert refusal(world, filename, content) == [message]
    assert_nothing_stored(media)


def test_it_refuses_a_file_over_the_limit_and_stores_nothing(world, media, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    content = samples.PDF + b"0" * 1024

    assert refusal(world, "stor.pdf", content) == ["The file is larger than 1.0\xa0KB."]
    assert_nothing_stored(media)


def test_the_default_limit_is_20_mb(world, media):
    content = samples.PDF + b"0" * (20 * 1024 * 1024)

    assert refusal(world, "stor.pdf", content) == ["The file is larger than 20.0\xa0MB."]
    assert_nothing_stored(media)


def test_it_refuses_a_location_of_another_company(world, media):
    messages = refusal(world, "avtale.pdf", samples.PDF, location=world.other_location)

    assert messages == ["The location does not belong to this company."]
    assert_nothing_stored(media)


def test_a_location_document_is_filed_under_the_locations_region(world, media):
    messages = refusal(world, "avtale.pdf", samples.PDF, region=world.other_region)

    assert messages == ["A location's documents are filed under its own region."]
    assert_nothing_stored(media)


def test_a_company_wide_document_is_filed_under_a_region_the_company_is_in(world, media):
    messages = refusal(world, "avtale.pdf", samples.PDF, location=None, region=world.other_region)

    assert messages == ["The company has no location in this region."]
    assert_nothing_stored(media)


def test_a_company_wide_document_has_no_location(world):
    document = upload(world, "avtale.pdf", samples.PDF, location=None)
    assert document.location is None
    assert document.region == world.region


def test_an_empty_title_becomes_the_file_name(world):
    document = upload(world, "Årsrapport 2024.pdf", samples.PDF, title="  ")
    assert document.title == "Årsrapport 2024"


def test_a_path_in_the_file_name_is_dropped(world):
    document = upload(world, "C:\\Users\\kari\\Avtale.pdf", samples.PDF)
    assert document.original_filename == "Avtale.pdf"
    assert document.file.name.endswith("/Avtale.pdf")


def test_when_the_database_write_fails_the_file_is_removed_again(world, media, monkeypatch):
    def broken_save(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(AuditEvent, "save", broken_save)
    with pytest.raises(RuntimeError):
        upload(world, "avtale.pdf", samples.PDF)
    assert stored_files(media) == []


def test_other_apps_archive_the_files_they_make(world, media):
    document = document_store_generated(
        organisation=world.company,
        region=world.region,
        title="Faktura 2025-0001",
        category=Document.Category.INVOICE,
        filename="faktura-2025-0001.pdf",
        content=samples.PDF,
    )

    assert document.uploaded_by is None
    assert document.visibility == Document.Visibility.SHARED
    assert document.location is None
    assert (media / document.file.name).read_bytes() == samples.PDF
    event = AuditEvent.objects.get(action="document.uploaded")
    assert event.actor is None


def test_generated_files_get_the_same_checks(world, media):
    with pytest.raises(ValidationError):
        document_store_generated(
            organisation=world.company,
            region=world.region,
            title="Faktura",
            category=Document.Category.INVOICE,
            filename="faktura.pdf",
            content=b"<html>not a pdf</html>",
        )
    assert_nothing_stored(media)


def test_deleting_keeps_the_record_and_removes_the_file(
    world, media, django_capture_on_commit_callbacks
):
    document = make_document(actor=world.contact, location=world.location, title="Avtale")

    with django_capture_on_commit_callbacks(execute=True):
        document_delete(actor=world.advisor, document=document)

    document.refresh_from_db()
    assert document.deleted_by == world.advisor
    assert document.deleted_at is not None
    assert document.uploaded_by == world.contact
    assert document.file.name == ""
    assert stored_files(media) == []
    event = AuditEvent.objects.get(action="document.deleted")
    assert event.actor == world.advisor
    assert event.object_id == str(document.pk)
    assert event.changes == {"title": "Avtale", "filename": "avtale.pdf"}


def test_the_file_stays_when_the_deletion_is_rolled_back(world, media):
    document = make_document(actor=world.advisor, location=world.location, title="Avtale")

    # Without a commit, the on_commit purge never runs.
    document_delete(actor=world.advisor, document=document)

    assert stored_files(media) == [document.file.name]


def test_deleting_twice_records_one_deletion(world, django_capture_on_commit_callbacks):
    document = make_document(actor=world.advisor, location=world.location, title="Avtale")
    stale_copy = Document.objects.get(pk=document.pk)

    with django_capture_on_commit_callbacks(execute=True):
        document_delete(actor=world.advisor, document=document)
        document_delete(actor=world.coordinator, document=stale_copy)

    document.refresh_from_db()
    assert document.deleted_by == world.advisor
    assert AuditEvent.objects.filter(action="document.deleted").count() == 1
