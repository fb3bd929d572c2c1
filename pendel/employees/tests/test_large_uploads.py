"""Uploads that would eat the server: a workbook that unpacks to far more than it weighs is
refused before openpyxl opens it; a large file is read by a background task within a time
limit, while the page says it is being read."""

import io
import itertools
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from pendel.employees import reading
from pendel.employees.models import Employee, EmployeeImport
from pendel.employees.reading import FileError, read_table
from pendel.employees.services import employee_import_read, employee_import_receive
from pendel.employees.tests.files import csv_upload, xlsx_bytes

HEADER = ["Fornavn", "Etternavn", "E-post"]


def _rewritten(workbook: bytes, replace: dict[str, bytes]) -> bytes:
    """The workbook with some parts replaced (or added), deflated as Excel does."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            if info.filename not in replace:
                target.writestr(info.filename, source.read(info.filename))
        for name, content in replace.items():
            target.writestr(name, content)
    return buffer.getvalue()


def shared_strings_bomb(unpacked_mb: int) -> bytes:
    """A real workbook whose shared strings unpack to `unpacked_mb` MB: a few hundred KB."""
    one = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    count = unpacked_mb * 1024 * 1024 // len(one)
    strings = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        + f'count="{count}" uniqueCount="{count}">'.encode()
        + one * count
        + b"</sst>"
    )
    workbook = xlsx_bytes([HEADER, ["Åse", "Ødegård", "ase@fisk.no"]])
    return _rewritten(workbook, {"xl/sharedStrings.xml": strings})


@pytest.fixture
def no_openpyxl(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl opened the workbook")

    monkeypatch.setattr(reading, "load_workbook", refuse)


def test_a_shared_strings_bomb_is_refused_before_openpyxl_opens_it(no_openpyxl):
    bomb = shared_strings_bomb(153)
    assert len(bomb) < 1024 * 1024  # a few hundred KB that unpack to 153 MB
    with pytest.raises(FileError) as caught:
        read_table(bomb, filename="ansatte.xlsx")
    assert caught.value.code == "unpacks_too_large"
    assert "unpacks to more than 100 MB" in caught.value.message
    with translation.override("nb"):
        assert "100 MB" in caught.value.message
        assert "unpacks" not in caught.value.message


def test_a_part_that_grows_too_much_is_refused_even_under_the_size_limits(no_openpyxl):
    bomb = shared_strings_bomb(5)  # 5 MB: under the part and total limits, ratio ~ 1000
    with pytest.raises(FileError) as caught:
        read_table(bomb, filename="ansatte.xlsx")
    assert caught.value.code == "unpacks_too_large"


def test_parts_that_together_unpack_to_too_much_are_refused(no_openpyxl, monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 200_000)
    parts = {f"xl/media/image{n}.bin": bytes(range(256)) * 400 for n in range(3)}
    workbook = _rewritten(xlsx_bytes([HEADER]), parts)
    with pytest.raises(FileError) as caught:
        read_table(workbook, filename="ansatte.xlsx")
    assert caught.value.code == "unpacks_too_large"


def test_a_real_workbook_with_many_rows_is_read():
    rows = [HEADER] + [[f"Navn{n}", "Etternavn", f"n{n}@fisk.no"] for n in range(3000)]
    assert len(read_table(xlsx_bytes(rows), filename="ansatte.xlsx")) == 3001


@pytest.fixture
def contact_client(client, world):
    client.force_login(world.contact)
    return client


def upload_url(world) -> str:
    return reverse("company:employee_import") + f"?location={world.location.pk}"


def test_the_bomb_uploaded_gets_a_clear_message_and_nothing_is_kept(
    contact_client, world, no_openpyxl
):
    bomb = SimpleUploadedFile("ansatte.xlsx", shared_strings_bomb(153))
    response = contact_client.post(upload_url(world), {"file": bomb}, HTTP_ACCEPT_LANGUAGE="nb")
    assert response.status_code == 200
    with translation.override("nb"):
        expected = FileError("unpacks_too_large", max=100).message
    assert expected in response.content.decode()
    assert not EmployeeImport.objects.exists()


def large_csv(rows: int) -> str:
    lines = ["Fornavn;Etternavn;E-post"]
    lines += [f"Navn{n};Etternavn;n{n}@fisk.no" for n in range(rows)]
    return "\n".join(lines) + "\n"


def test_a_large_file_is_read_in_the_background_while_the_page_says_so(
    contact_client, world, settings, django_capture_on_commit_callbacks
):
    settings.EMPLOYEE_IMPORT_BACKGROUND_BYTES = 1000
    with django_capture_on_commit_callbacks() as callbacks:
        response = contact_client.post(upload_url(world), {"file": csv_upload(large_csv(200))})
    employee_import = EmployeeImport.objects.get()
    assert employee_import.status == EmployeeImport.Status.READING
    confirm = reverse("company:employee_import_confirm", args=[employee_import.pk])
    assert response["Location"] == confirm
    page = contact_client.get(confirm).content.decode()
    assert "The file is being read." in page
    assert 'hx-trigger="every 2s"' in page
    assert f'<a href="{confirm}">Look again</a>' in page  # without JavaScript
    poll = contact_client.get(confirm, HTTP_HX_REQUEST="true")
    assert poll.status_code == 200 and "HX-Refresh" not in poll
    assert "<h1>" not in poll.content.decode()
    # Confirming before the file is read changes nothing.
    contact_client.post(confirm)
    assert not Employee.objects.exists()

    for callback in callbacks:
        callback()  # the worker reads the file
    employee_import.refresh_from_db()
    assert employee_import.status == EmployeeImport.Status.READY
    assert employee_import.added == 200
    assert contact_client.get(confirm, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"
    assert "To be added" in contact_client.get(confirm).content.decode()
    response = contact_client.post(confirm, follow=True)
    assert "The file was imported: 200 added, 0 changed, 0 ended." in response.content.decode()
    assert Employee.objects.count() == 200


def test_a_small_file_is_still_read_at_once(contact_client, world):
    response = contact_client.post(upload_url(world), {"file": csv_upload(large_csv(3))})
    assert EmployeeImport.objects.get().status == EmployeeImport.Status.READY
    assert "To be added" in contact_client.get(response["Location"]).content.decode()


def received(world, text: str):
    return employee_import_receive(
        location=world.location, actor=world.contact, upload=csv_upload(text)
    )


def test_reading_that_takes_too_long_stops_with_a_clear_message(contact_client, world, monkeypatch):
    employee_import = received(world, large_csv(3000))
    clock = itertools.count(step=100.0)  # every look at the clock: 100 s later
    monkeypatch.setattr(reading, "monotonic", lambda: next(clock))
    employee_import_read(import_id=employee_import.pk, seconds=60)
    employee_import.refresh_from_db()
    assert employee_import.status == EmployeeImport.Status.UNREADABLE
    assert not employee_import.file
    confirm = reverse("company:employee_import_confirm", args=[employee_import.pk])
    page = contact_client.get(confirm).content.decode()
    assert "Reading the file took longer than 60 seconds and was stopped." in page
    assert "The file could not be read. Nothing has been imported." in page
    assert not Employee.objects.exists()


def test_reading_twice_reads_once(world, media_root, django_capture_on_commit_callbacks):
    employee_import = received(world, large_csv(5))
    with django_capture_on_commit_callbacks(execute=True):
        employee_import_read(import_id=employee_import.pk, seconds=60)
    employee_import.refresh_from_db()
    first = (employee_import.status, employee_import.file.name, employee_import.preview)
    with django_capture_on_commit_callbacks(execute=True):
        employee_import_read(import_id=employee_import.pk, seconds=60)
    employee_import.refresh_from_db()
    assert (employee_import.status, employee_import.file.name, employee_import.preview) == first
    assert first[0] == EmployeeImport.Status.READY
    kept = [path.name for path in (media_root / "employee-imports").iterdir()]
    assert kept == [employee_import.file.name.rsplit("/", 1)[-1]]  # the upload is gone


def test_a_bomb_read_in_the_background_is_refused_too(world, no_openpyxl):
    employee_import = employee_import_receive(
        location=world.location,
        actor=world.contact,
        upload=SimpleUploadedFile("ansatte.xlsx", shared_strings_bomb(153)),
    )
    employee_import_read(import_id=employee_import.pk, seconds=60)
    employee_import.refresh_from_db()
    assert employee_import.status == EmployeeImport.Status.UNREADABLE
    assert employee_import.preview["file_error"]["code"] == "unpacks_too_large"
